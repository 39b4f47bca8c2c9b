// pdb-coverage: a workload that runs several pods (spec.replicas, or an
// HPA's maxReplicas, of at least `minReplicas`) but no PodDisruptionBudget
// of the release selects its pods. A node drain or a cluster upgrade may
// then evict every replica at once.
//
//   params: {minReplicas: 2}
//
// Single-replica workloads are not reported: a budget cannot keep one pod
// available through an eviction, it can only block the drain.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/label_selector.h"
#include "lint/node_lookup.h"
#include "lint/replica_counts.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class PdbCoverage : public Check {
 public:
  explicit PdbCoverage(int64_t min) : min_(min) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const Workload* self = input.index.workloadOf(input.resource);
    if (!self) return;
    ReplicaRange range = replicaRange(input.index, input.resource);
    if (!range.max || *range.max < min_) return;
    std::string_view ns = input.index.namespaceOf(input.resource);
    for (const manifest::Resource* pdb : input.index.ofKind("PodDisruptionBudget")) {
      if (input.index.namespaceOf(*pdb) != ns) continue;
      yaml::Node selector = pdb->root.path({"spec", "selector"});
      if (selector.isNull()) continue;
      auto parsed = LabelSelector::fromSelector(selector);
      if (parsed && parsed->matches(self->labels)) return;
    }
    yaml::Node replicas = input.resource.root.path({"spec", "replicas"});
    yaml::Node at = replicas ? replicas : keyNode(input.resource.root, "spec");
    sink.report(
        at ? at : input.resource.root,
        fmt::format("runs up to {} pods{} but no PodDisruptionBudget of the release selects "
                    "them",
                    *range.max, range.autoscaled ? " (autoscaled)" : ""));
  }

 private:
  int64_t min_;
};

}  // namespace

std::unique_ptr<Check> makePdbCoverage(const ParamReader& params) {
  params.allowOnly({"minReplicas"});
  return std::make_unique<PdbCoverage>(params.integer("minReplicas", 2, 2, 1000));
}

}  // namespace taskmaster::lint
