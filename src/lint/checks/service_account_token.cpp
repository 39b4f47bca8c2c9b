// service-account-token: a pod that gets a Kubernetes API token mounted
// although nothing in the release grants its ServiceAccount any permission.
// The token is then only useful to an attacker (it authenticates to the API
// server, and RBAC added to `default` later silently extends to the pod).
//
//   params: {}
//
// Mounted means: the pod sets automountServiceAccountToken: true, or leaves
// it unset and its ServiceAccount (`default` when unnamed) is not one of the
// release that sets it to false. Needed means: a RoleBinding or
// ClusterRoleBinding of the release names that ServiceAccount as a subject.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/node_lookup.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

bool boundByRbac(const ResourceIndex& index, std::string_view account, std::string_view ns) {
  for (const char* kind : {"RoleBinding", "ClusterRoleBinding"}) {
    for (const manifest::Resource* binding : index.ofKind(kind)) {
      yaml::Node subjects = binding->root.get("subjects");
      for (size_t i = 0; i < subjects.size(); ++i) {
        yaml::Node s = subjects.item(i);
        std::string_view subject_ns = s.get("namespace").str();
        if (subject_ns.empty()) subject_ns = index.namespaceOf(*binding);
        if (s.get("kind").str() == "ServiceAccount" && s.get("name").str() == account &&
            subject_ns == ns)
          return true;
      }
    }
  }
  return false;
}

class ServiceAccountToken : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    if (!input.pod) return;
    yaml::Node spec = input.pod->spec;
    yaml::Node automount = spec.get("automountServiceAccountToken");
    if (automount.asBool() == false) return;
    std::string_view account = spec.get("serviceAccountName").str();
    if (account.empty()) account = spec.get("serviceAccount").str();  // deprecated alias
    if (account.empty()) account = "default";
    std::string_view ns = input.index.namespaceOf(input.resource);
    if (automount.isNull()) {
      const manifest::Resource* sa = input.index.find("ServiceAccount", ns, account);
      if (sa && sa->root.get("automountServiceAccountToken").asBool() == false) return;
    }
    if (boundByRbac(input.index, account, ns)) return;
    yaml::Node at = automount ? automount : keyNode(spec, "serviceAccountName");
    sink.report(at ? at : spec,
                fmt::format("pod spec: mounts an API token of ServiceAccount \"{}\" ({}) that no "
                            "RoleBinding or ClusterRoleBinding of the release grants anything",
                            account,
                            automount ? "automountServiceAccountToken: true"
                                      : "automountServiceAccountToken is not false on the pod "
                                        "or the ServiceAccount"));
  }
};

}  // namespace

std::unique_ptr<Check> makeServiceAccountToken(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<ServiceAccountToken>();
}

}  // namespace taskmaster::lint
