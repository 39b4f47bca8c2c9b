// rbac-cluster-admin: a RoleBinding or ClusterRoleBinding to cluster-admin
// (or another ClusterRole in `roles`), or to a Role/ClusterRole of the
// release that grants every verb on every resource of every API group. Its
// subjects (often the chart's own ServiceAccount, whose token any process in
// the pod can read) own the cluster, or the namespace for a RoleBinding.
//
//   params: {roles: [cluster-admin]}
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/rbac_rules.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class RbacClusterAdmin : public Check {
 public:
  explicit RbacClusterAdmin(std::vector<std::string> roles) : roles_(std::move(roles)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node ref = input.resource.root.get("roleRef");
    yaml::Node name = ref.get("name");
    std::string_view kind = ref.get("kind").str();
    if (!name.isScalar() || name.scalar().empty()) return;
    std::string_view scope =
        input.resource.id.kind == "RoleBinding" ? "its namespace" : "the cluster";
    if (kind == "ClusterRole" &&
        std::find(roles_.begin(), roles_.end(), name.scalar()) != roles_.end()) {
      sink.report(name, fmt::format("binds ClusterRole \"{}\": its subjects administer {}",
                                    name.scalar(), scope));
      return;
    }
    std::string_view ns =
        kind == "ClusterRole" ? std::string_view() : input.index.namespaceOf(input.resource);
    const manifest::Resource* role = nullptr;
    for (const manifest::Resource* r : input.index.named(kind, name.scalar()))
      if (ns.empty() || input.index.namespaceOf(*r) == ns) role = r;
    if (!role) return;
    yaml::Node rules = role->root.get("rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      if (!grantsEverything(rules.item(i))) continue;
      sink.report(name, fmt::format("binds {} \"{}\", which grants every verb on every resource "
                                    "(as cluster-admin): its subjects administer {}",
                                    kind, name.scalar(), scope));
      return;
    }
  }

 private:
  std::vector<std::string> roles_;
};

}  // namespace

std::unique_ptr<Check> makeRbacClusterAdmin(const ParamReader& params) {
  params.allowOnly({"roles"});
  return std::make_unique<RbacClusterAdmin>(params.stringList("roles", true));
}

}  // namespace taskmaster::lint
