// workload-replicas: a workload that runs fewer pods than `min`: with one
// replica, every rollout, node drain or crash is downtime. Workloads scaled
// by an HPA of the release are left to the HPA's own rule (minReplicas).
//
//   params: {min: 2}
//
// An unset spec.replicas counts as 1, the API's default.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/node_lookup.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class WorkloadReplicas : public Check {
 public:
  explicit WorkloadReplicas(int64_t min) : min_(min) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    if (!input.index.hpasFor(input.resource).empty()) return;
    yaml::Node spec = input.resource.root.get("spec");
    yaml::Node replicas = spec.get("replicas");
    int64_t n = replicas.isNull() ? 1 : replicas.asInt().value_or(min_);
    if (n >= min_) return;
    yaml::Node at = replicas ? replicas : keyNode(input.resource.root, "spec");
    sink.report(at ? at : input.resource.root,
                replicas.isNull()
                    ? fmt::format("spec.replicas is unset, so 1 pod runs (at least {} keep it "
                                  "available through rollouts and node drains)",
                                  min_)
                    : fmt::format("runs {} pod{} (at least {} keep it available through rollouts "
                                  "and node drains)",
                                  n, n == 1 ? "" : "s", min_));
  }

 private:
  int64_t min_;
};

}  // namespace

std::unique_ptr<Check> makeWorkloadReplicas(const ParamReader& params) {
  params.allowOnly({"min"});
  return std::make_unique<WorkloadReplicas>(params.integer("min", 2, 1, 1000));
}

}  // namespace taskmaster::lint
