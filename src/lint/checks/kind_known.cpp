// kind-known: an apiVersion and kind that nothing defines: not the built-in
// Kubernetes schema of the target version (--kube-version), not a CRD of the
// unit (rendered, or in the chart's crds/), not a --schema-dir file. Helm
// fails on such an object ("no matches for kind"), and schema-conformance
// cannot validate it.
//
//   params:
//     table: kubernetes-apis   # the API table of the removed-/deprecated-api-version
//                              # rules: the versions it lists are theirs to
//                              # report (removed or not), never reported here
//
// The message says what is close: the same kind under another apiVersion, a
// kind of that apiVersion with a similar name, or how to add a schema.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/edit_distance.h"
#include "lint/tables.h"
#include "schema/unit_schemas.h"

namespace taskmaster::lint {

namespace {

using ApiKinds = std::set<std::pair<std::string, std::string>, std::less<>>;

ApiKinds readTable(const Table& table) {
  ApiKinds out;
  yaml::Node apis = table.root.get("apis");
  if (!apis.isSeq()) failAt(table.file, table.root, "the table needs a list \"apis\"");
  for (size_t i = 0; i < apis.size(); ++i) {
    yaml::Node e = apis.item(i);
    yaml::Node kinds = e.get("kinds");
    if (e.get("apiVersion").str().empty() || !kinds.isSeq())
      failAt(table.file, e, "each entry needs \"apiVersion\" and a list of \"kinds\"");
    for (size_t k = 0; k < kinds.size(); ++k)
      out.emplace(std::string(e.get("apiVersion").str()), std::string(kinds.item(k).str()));
  }
  return out;
}

class KindKnown : public Check {
 public:
  explicit KindKnown(ApiKinds table) : table_(std::move(table)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::ResourceId& id = input.resource.id;
    if (input.schemas.find(id.api_version, id.kind)) return;
    if (table_.contains(std::make_pair(id.api_version, id.kind))) return;
    yaml::Node at = input.resource.root.get(id.api_version.empty() ? "kind" : "apiVersion");
    sink.report(at, explain(input.schemas, id));
  }

 private:
  static std::string explain(const schema::UnitSchemas& schemas, const manifest::ResourceId& id) {
    std::string kubernetes = "Kubernetes " + schemas.builtinVersion().str();
    if (id.api_version.empty())
      return fmt::format("{} has no apiVersion: the API server cannot tell which API it is",
                         id.kind);
    // Where else the kind is served: built in, or by a CRD of the unit.
    std::vector<std::string_view> builtin_as, crd_as;
    for (const auto& [api, kinds] : schemas.builtin().kinds.kinds)
      if (kinds.contains(id.kind)) builtin_as.push_back(api);
    for (const auto& k : schemas.crds().kinds())
      if (k.kind == id.kind) crd_as.push_back(k.api_version);
    if (!crd_as.empty())
      return fmt::format("{} {} is not served: the CRD in the input serves {} as {}",
                         id.api_version, id.kind, id.kind, fmt::join(crd_as, ", "));
    if (!builtin_as.empty())
      return fmt::format("{} {} is not served by {}; {} is served as {}", id.api_version, id.kind,
                         kubernetes, id.kind, fmt::join(builtin_as, ", "));
    // A known apiVersion: which of its kinds was meant?
    std::vector<std::string_view> kinds;
    auto builtin_api = schemas.builtin().kinds.kinds.find(id.api_version);
    if (builtin_api != schemas.builtin().kinds.kinds.end())
      for (const auto& [kind, type] : builtin_api->second) kinds.push_back(kind);
    for (const auto& k : schemas.crds().kinds())
      if (k.api_version == id.api_version) kinds.push_back(k.kind);
    if (!kinds.empty()) {
      auto close = closestMatch(id.kind, kinds);
      return fmt::format("{} has no kind \"{}\"{}", id.api_version, id.kind,
                         close ? fmt::format(" (did you mean \"{}\"?)", *close) : std::string());
    }
    return fmt::format(
        "{} {} is neither a {} kind nor defined by a CRD of the chart (crds/ or templates); "
        "give its schema with --schema-dir to have it validated",
        id.api_version, id.kind, kubernetes);
  }

  ApiKinds table_;
};

}  // namespace

std::unique_ptr<Check> makeKindKnown(const ParamReader& params) {
  params.allowOnly({"table"});
  return std::make_unique<KindKnown>(readTable(params.table("table")));
}

}  // namespace taskmaster::lint
