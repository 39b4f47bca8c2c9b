// Where the schema of an object's apiVersion and kind comes from, for one
// linted unit (a chart under one values set, a manifest file, stdin):
//
//   1. --schema-dir (the user's word wins, also over built-in kinds);
//   2. a CRD of the unit (rendered, or in the chart's crds/);
//   3. the built-in Kubernetes schema of the target version.
//
// Nothing is loaded until first asked: the built-in schema is parsed once per
// process (builtin_schemas.h), the unit's CRDs are collected on first use.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "lint/kube_version.h"
#include "manifest/resource.h"
#include "schema/builtin_schemas.h"
#include "schema/crd_kinds.h"
#include "schema/schema_dir.h"

namespace taskmaster::schema {

enum class SchemaSource { SchemaDir, Crd, Builtin };

struct KindSchema {
  const TypeGraph* graph = nullptr;
  TypeId type = kNoType;
  SchemaSource source = SchemaSource::Builtin;
};

class UnitSchemas {
 public:
  UnitSchemas(const manifest::ResourceSet& resources, lint::KubeVersion target,
              const SchemaDirectory* schema_dir)
      : resources_(resources), target_(target), schema_dir_(schema_dir) {}
  UnitSchemas(const UnitSchemas&) = delete;
  UnitSchemas& operator=(const UnitSchemas&) = delete;

  // nullopt when no source knows the kind at that apiVersion.
  std::optional<KindSchema> find(std::string_view api_version, std::string_view kind) const;

  const KubernetesSchema& builtin() const { return builtinSchema(target_); }
  lint::KubeVersion builtinVersion() const { return builtinSchemaVersionFor(target_); }
  const CrdKinds& crds() const;

 private:
  const manifest::ResourceSet& resources_;
  lint::KubeVersion target_;
  const SchemaDirectory* schema_dir_;
  mutable std::unique_ptr<CrdKinds> crds_;  // one unit is linted on one thread
};

}  // namespace taskmaster::schema
