// hpa-replica-range: a HorizontalPodAutoscaler whose maxReplicas is not
// above its minReplicas (1 when unset): it can never scale, so it costs a
// controller loop and gives a false sense of elasticity. Often both values
// come from one values key, or a production override raised only one.
//
//   params: {}
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"

namespace taskmaster::lint {

namespace {

class HpaReplicaRange : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node spec = input.resource.root.get("spec");
    yaml::Node max = spec.get("maxReplicas");
    auto max_n = max.asInt();
    if (!max_n) return;
    int64_t min_n = spec.get("minReplicas").asInt().value_or(1);
    if (*max_n > min_n) return;
    sink.report(max, fmt::format("maxReplicas {} is not above minReplicas {}: the autoscaler can "
                                 "never scale",
                                 *max_n, min_n));
  }
};

}  // namespace

std::unique_ptr<Check> makeHpaReplicaRange(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<HpaReplicaRange>();
}

}  // namespace taskmaster::lint
