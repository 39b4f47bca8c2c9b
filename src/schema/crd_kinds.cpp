#include "schema/crd_kinds.h"

#include "schema/json_schema.h"
#include "schema/yaml_json.h"

namespace taskmaster::schema {

namespace {

bool isCrd(const manifest::Resource& r) {
  return r.id.kind == "CustomResourceDefinition" &&
         r.id.api_version.starts_with("apiextensions.k8s.io/");
}

// `served` defaults to true only where the field is absent (v1beta1).
bool served(yaml::Node version) {
  auto s = version.get("served").asBool();
  return !s || *s;
}

}  // namespace

CrdKinds::CrdKinds(const manifest::ResourceSet& resources) {
  for (const manifest::Resource& r : resources.resources)
    if (isCrd(r)) add(r);
  for (const manifest::Resource& r : resources.chart_crds)
    if (isCrd(r)) add(r);
  types_.assign(kinds_.size(), kNoType);
}

void CrdKinds::add(const manifest::Resource& crd) {
  yaml::Node spec = crd.root.get("spec");
  std::string_view group = spec.get("group").str();
  std::string_view kind = spec.path({"names", "kind"}).str();
  if (group.empty() || kind.empty()) return;
  // apiextensions.k8s.io/v1beta1 had one schema for every version.
  yaml::Node shared = spec.path({"validation", "openAPIV3Schema"});
  yaml::Node versions = spec.get("versions");
  auto define = [&](std::string_view version, yaml::Node schema) {
    if (version.empty() || find(std::string(group) + "/" + std::string(version), kind)) return;
    kinds_.push_back({std::string(group) + "/" + std::string(version), std::string(kind),
                      schema ? schema : shared});
  };
  for (size_t i = 0; i < versions.size(); ++i) {
    yaml::Node v = versions.item(i);
    if (served(v)) define(v.get("name").str(), v.path({"schema", "openAPIV3Schema"}));
  }
  if (versions.size() == 0) define(spec.get("version").str(), {});
}

const CrdKinds::Kind* CrdKinds::find(std::string_view api_version, std::string_view kind) const {
  for (const Kind& k : kinds_)
    if (k.api_version == api_version && k.kind == kind) return &k;
  return nullptr;
}

TypeId CrdKinds::typeOf(const Kind& kind) const {
  size_t i = static_cast<size_t>(&kind - kinds_.data());
  if (types_[i] != kNoType) return types_[i];
  if (kind.schema.isMap()) {
    nlohmann::json doc = toJson(kind.schema);
    try {
      return types_[i] = JsonSchemaCompiler(graph_).compileKind(doc, doc);
    } catch (const SchemaError&) {
      // Falls through to no schema (see the header).
    }
  }
  // Any fields, but still an object whose metadata is validated.
  static const nlohmann::json kOpenObject = {{"type", "object"},
                                             {"x-kubernetes-preserve-unknown-fields", true}};
  return types_[i] = JsonSchemaCompiler(graph_).compileKind(kOpenObject, kOpenObject);
}

}  // namespace taskmaster::schema
