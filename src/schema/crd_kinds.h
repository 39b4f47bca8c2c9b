// The kinds that CustomResourceDefinitions of a linted unit define: CRDs in
// its manifests (rendered templates, or the files linted) and in its chart's
// crds/ directories (manifest::ResourceSet::chart_crds). Each served version
// of a CRD is a kind; its openAPIV3Schema is compiled when a custom resource
// of that kind is first validated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "manifest/resource.h"
#include "schema/type_graph.h"

namespace taskmaster::schema {

class CrdKinds {
 public:
  struct Kind {
    std::string api_version;  // group/version
    std::string kind;
    yaml::Node schema;  // openAPIV3Schema; invalid when the CRD gives none
  };

  explicit CrdKinds(const manifest::ResourceSet& resources);
  CrdKinds(const CrdKinds&) = delete;
  CrdKinds& operator=(const CrdKinds&) = delete;

  const std::vector<Kind>& kinds() const { return kinds_; }
  // nullptr when no CRD of the unit defines that kind at that apiVersion.
  const Kind* find(std::string_view api_version, std::string_view kind) const;
  // The type of a whole object of the kind; an object with any fields (but
  // metadata) when the CRD has no schema or one that cannot be compiled (the
  // API server would refuse such a CRD; validating against a guess helps
  // nobody).
  TypeId typeOf(const Kind& kind) const;
  const TypeGraph& graph() const { return graph_; }

 private:
  void add(const manifest::Resource& crd);

  std::vector<Kind> kinds_;
  // Compiled on demand; a CrdKinds belongs to one lint of one unit, which
  // runs on one thread.
  mutable TypeGraph graph_;
  mutable std::vector<TypeId> types_;
};

}  // namespace taskmaster::schema
