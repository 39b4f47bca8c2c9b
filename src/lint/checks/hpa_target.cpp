// hpa-target: a HorizontalPodAutoscaler whose scaleTargetRef names a
// workload the release does not define (in its namespace). The autoscaler
// reports FailedGetScale forever and nothing scales; it usually follows
// renaming a Deployment, or a fullnameOverride the HPA template ignores.
//
//   params: {}
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class HpaTarget : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node ref = input.resource.root.path({"spec", "scaleTargetRef"});
    yaml::Node name = ref.get("name");
    std::string_view kind = ref.get("kind").str();
    if (!name.isScalar() || name.scalar().empty() || kind.empty()) return;
    if (input.index.find(kind, input.index.namespaceOf(input.resource), name.scalar())) return;
    sink.report(name, fmt::format("scales {} \"{}\", which the release does not define", kind,
                                  name.scalar()));
  }
};

}  // namespace

std::unique_ptr<Check> makeHpaTarget(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<HpaTarget>();
}

}  // namespace taskmaster::lint
