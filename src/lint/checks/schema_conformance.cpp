// schema-conformance: the object against the schema of its apiVersion and
// kind (schema/unit_schemas.h: --schema-dir, the unit's CRDs, the built-in
// Kubernetes schema of --kube-version), as the API server decodes it:
// unknown fields, wrong types, missing required fields, invalid quantities,
// base64 and times, and duplicate keys in any mapping. One finding per
// problem, at the template line of the field, naming the field's path.
//
//   params: none
//
// Objects of kinds no schema knows are only checked for duplicate keys (the
// kind itself is the kind-known template's business).
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "schema/unit_schemas.h"
#include "schema/validator.h"

namespace taskmaster::lint {

namespace {

class SchemaConformance : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::Resource& resource = input.resource;
    const schema::KubernetesSchema& builtin = input.schemas.builtin();
    auto found = input.schemas.find(resource.id.api_version, resource.id.kind);
    const schema::TypeGraph& graph = found ? *found->graph : builtin.kinds.graph;
    schema::Validator validator(graph, [&](schema::Violation v) {
      std::string message = v.path.empty() ? v.message : fmt::format("{}: {}", v.path, v.message);
      if (v.earlier) {
        manifest::SourceLocation first = resource.locate(v.earlier);
        if (first.line) message += fmt::format(" (first set at line {})", first.line);
      }
      sink.report(v.at, std::move(message));
    });
    // Whatever describes a custom kind, the API server checks its metadata
    // as every object's.
    if (found && found->source != schema::SchemaSource::Builtin)
      validator.setMetadataType(builtin.kinds.graph, builtin.object_meta);
    if (found && found->source == schema::SchemaSource::Builtin)
      validator.setSchemaName("Kubernetes " + input.schemas.builtinVersion().str());
    validator.validate(resource.root, found ? found->type : graph.any());
  }
};

}  // namespace

std::unique_ptr<Check> makeSchemaConformance(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<SchemaConformance>();
}

}  // namespace taskmaster::lint
