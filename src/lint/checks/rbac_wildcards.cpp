// rbac-wildcards: a Role or ClusterRole rule with "*" in verbs, resources or
// nonResourceURLs. A wildcard grants everything that exists now and every
// verb or resource added later (including CRDs an operator installs), which
// is rarely what a chart needs.
//
//   params: {}
//
// "*" in apiGroups alone (a named resource in every group) is not reported.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"

namespace taskmaster::lint {

namespace {

class RbacWildcards : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node rules = input.resource.root.get("rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      for (const char* field : {"verbs", "resources", "nonResourceURLs"}) {
        yaml::Node list = rules.item(i).get(field);
        for (size_t j = 0; j < list.size(); ++j) {
          if (list.item(j).str() != "*") continue;
          sink.report(list.item(j), fmt::format("rule {} grants \"*\" in {}", i + 1, field));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> makeRbacWildcards(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<RbacWildcards>();
}

}  // namespace taskmaster::lint
