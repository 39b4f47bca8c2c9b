// pdb-selects-pods: a PodDisruptionBudget whose selector matches no pod
// template of the release in its namespace. It protects nothing, so a node
// drain can take every replica down at once despite the chart "having" a
// budget.
//
//   params: {}
//
// A PDB without selector selects no pods in policy/v1; an empty selector
// ({}) selects every pod of the namespace.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/label_selector.h"
#include "lint/node_lookup.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class PdbSelectsPods : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node spec = input.resource.root.get("spec");
    yaml::Node selector = spec.get("selector");
    if (selector.isNull()) {
      yaml::Node at = keyNode(input.resource.root, "spec");
      sink.report(at ? at : input.resource.root, "has no selector, so it selects no pods");
      return;
    }
    auto parsed = LabelSelector::fromSelector(selector);
    if (!parsed) return;  // malformed: the API server reports it
    if (!input.index.selectPods(input.index.namespaceOf(input.resource), *parsed).empty()) return;
    sink.report(keyNode(spec, "selector"), "selector matches no pod of the release");
  }
};

}  // namespace

std::unique_ptr<Check> makePdbSelectsPods(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<PdbSelectsPods>();
}

}  // namespace taskmaster::lint
