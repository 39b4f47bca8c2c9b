// `--schema-dir DIR`: JSON schemas of kinds the built-in schema does not have
// (CRDs of operators a chart depends on) or that the user wants checked
// differently, named as kubeconform and kubernetes-json-schema name them:
//
//   <kind>-<group>-<version>.json   certificate-cert-manager.io-v1.json, or with the
//                                   group's first label: certificate-cert-manager-v1.json
//   <kind>-<version>.json           core group: pod-v1.json
//
// with the kind in lower case. `$ref`s may point into the file itself or into
// another file of the directory (`_definitions.json#/definitions/...`, as the
// non-standalone kubernetes-json-schema files do). Files starting with `_`
// are such reference targets only, and other names (`all.json`,
// `deployment.json`) are ignored as kubeconform ignores them. Every kind file
// is parsed and compiled up front: a malformed one is an InputError naming it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "schema/type_graph.h"

namespace taskmaster::schema {

class SchemaDirectory {
 public:
  // Throws InputError for a missing directory or any malformed file.
  static std::shared_ptr<const SchemaDirectory> load(const std::filesystem::path& dir);

  // The type of the kind's objects; kNoType when no file describes it.
  TypeId find(std::string_view api_version, std::string_view kind) const;
  const TypeGraph& graph() const { return graph_; }
  size_t size() const { return by_name_.size(); }

 private:
  TypeGraph graph_;
  // "<kind>-<group or its first label>-<version>" (lower-case kind) -> type.
  std::map<std::string, TypeId, std::less<>> by_name_;
};

// The key a file name stands for ("deployment-apps-v1"), or "" when the name
// is not a kind file's (see above).
std::string schemaFileKey(std::string_view file_name);

}  // namespace taskmaster::schema
