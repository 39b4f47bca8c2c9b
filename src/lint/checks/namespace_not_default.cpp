// namespace-not-default: an object that would land in the `default`
// namespace, either by naming it or by naming no namespace while the
// release installs into `default` (`helm install` without `-n`).
//
//   params: {clusterScopedKinds: [Namespace, ClusterRole, ...]}
//
// Reported on the namespace value, or on the `metadata:` line when the
// namespace is absent.
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

class NamespaceNotDefault : public Check {
 public:
  explicit NamespaceNotDefault(std::vector<std::string> cluster_scoped)
      : cluster_scoped_(std::move(cluster_scoped)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::ResourceId& id = input.resource.id;
    if (std::ranges::find(cluster_scoped_, id.kind) != cluster_scoped_.end()) return;
    const yaml::Node root = input.resource.root;
    yaml::Node ns = root.path({"metadata", "namespace"});
    if (ns.isScalar() && !ns.isNull() && !ns.scalar().empty()) {
      if (ns.scalar() == "default") sink.report(ns, "placed in namespace \"default\"");
      return;
    }
    if (input.context.target_namespace != "default") return;
    yaml::Node metadata = keyNode(root, "metadata");
    sink.report(metadata ? metadata : root,
                "names no namespace and the release installs into \"default\"");
  }

 private:
  std::vector<std::string> cluster_scoped_;
};

}  // namespace

std::unique_ptr<Check> makeNamespaceNotDefault(const ParamReader& params) {
  params.allowOnly({"clusterScopedKinds"});
  return std::make_unique<NamespaceNotDefault>(params.stringList("clusterScopedKinds", true));
}

}  // namespace taskmaster::lint
