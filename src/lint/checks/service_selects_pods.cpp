// service-selects-pods: a Service whose selector matches no pod template of
// the release in its namespace. It gets no endpoints: every connection is
// refused, although the Service itself looks fine. Typical causes: a label
// renamed in the Deployment but not in the Service, a component name typo.
//
//   params: {}
//
// Services without a selector (ExternalName, manually managed Endpoints) are
// not checked; Helm test pods do not count as selected pods.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/label_selector.h"
#include "lint/node_lookup.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class ServiceSelectsPods : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node spec = input.resource.root.get("spec");
    yaml::Node selector = spec.get("selector");
    if (!selector.isMap() || selector.size() == 0 || spec.get("type").str() == "ExternalName")
      return;
    LabelSelector s = LabelSelector::fromMap(selector);
    for (const Workload* w : input.index.selectPods(input.index.namespaceOf(input.resource), s))
      if (!w->resource->isHelmTestHook()) return;
    std::vector<std::string> pairs;
    for (size_t i = 0; i < selector.size(); ++i)
      pairs.push_back(fmt::format("{}={}", selector.key(i).str(), selector.value(i).scalar()));
    sink.report(keyNode(spec, "selector"),
                fmt::format("selects no pod of the release (selector {})", fmt::join(pairs, ", ")));
  }
};

}  // namespace

std::unique_ptr<Check> makeServiceSelectsPods(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<ServiceSelectsPods>();
}

}  // namespace taskmaster::lint
