// rbac-secrets-access: a Role or ClusterRole rule that lets its subjects
// read every Secret (get without resourceNames, list or watch; "*" counts):
// for a ClusterRole every Secret of the cluster, for a Role every Secret of
// its namespace, including other releases' database passwords and the
// tokens of more privileged ServiceAccounts.
//
//   params: {}
//
// A `get` restricted by resourceNames reads only the Secrets it names and is
// fine; `list` and `watch` return the contents of all Secrets whatever the
// names say.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/rbac_rules.h"

namespace taskmaster::lint {

namespace {

class RbacSecretsAccess : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node rules = input.resource.root.get("rules");
    std::string_view scope =
        input.resource.id.kind == "Role" ? "in its namespace" : "in the cluster";
    for (size_t i = 0; i < rules.size(); ++i) {
      yaml::Node rule = rules.item(i);
      if (!listHas(rule.get("apiGroups"), "") || !listHas(rule.get("resources"), "secrets"))
        continue;
      bool named = rule.get("resourceNames").size() > 0;
      std::vector<std::string_view> reads;
      yaml::Node verbs = rule.get("verbs");
      if (listHas(verbs, "*", false)) reads.push_back("*");
      if (!named && listHas(verbs, "get", false)) reads.push_back("get");
      if (listHas(verbs, "list", false)) reads.push_back("list");
      if (listHas(verbs, "watch", false)) reads.push_back("watch");
      if (reads.empty()) continue;
      sink.report(verbs, fmt::format("rule {} can read every Secret {} ({})", i + 1, scope,
                                     fmt::join(reads, ", ")));
    }
  }
};

}  // namespace

std::unique_ptr<Check> makeRbacSecretsAccess(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<RbacSecretsAccess>();
}

}  // namespace taskmaster::lint
