// namespace-matches-target: a namespaced object that hard-codes
// metadata.namespace other than the one the release installs into. Helm
// then creates it elsewhere, outside the release's namespace, where the
// rest of the release cannot find it and `helm uninstall -n` does not look.
//
//   params: {clusterScopedKinds: [Namespace, ClusterRole, ...]}
//
// Silent when the target namespace is unknown.
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"

namespace taskmaster::lint {

namespace {

class NamespaceMatchesTarget : public Check {
 public:
  explicit NamespaceMatchesTarget(std::vector<std::string> cluster_scoped)
      : cluster_scoped_(std::move(cluster_scoped)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const std::string& target = input.context.target_namespace;
    const manifest::ResourceId& id = input.resource.id;
    if (target.empty() || std::ranges::find(cluster_scoped_, id.kind) != cluster_scoped_.end())
      return;
    yaml::Node ns = input.resource.root.path({"metadata", "namespace"});
    if (!ns.isScalar() || ns.isNull() || ns.scalar().empty() || ns.scalar() == target) return;
    sink.report(ns, fmt::format("pinned to namespace \"{}\" but the release installs into \"{}\"",
                                ns.scalar(), target));
  }

 private:
  std::vector<std::string> cluster_scoped_;
};

}  // namespace

std::unique_ptr<Check> makeNamespaceMatchesTarget(const ParamReader& params) {
  params.allowOnly({"clusterScopedKinds"});
  return std::make_unique<NamespaceMatchesTarget>(params.stringList("clusterScopedKinds", true));
}

}  // namespace taskmaster::lint
