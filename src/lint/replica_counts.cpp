#include "lint/replica_counts.h"

namespace taskmaster::lint {

ReplicaRange replicaRange(const ResourceIndex& index, const manifest::Resource& workload) {
  ReplicaRange range;
  auto hpas = index.hpasFor(workload);
  if (!hpas.empty()) {
    yaml::Node spec = hpas.front()->root.get("spec");
    range.autoscaled = true;
    range.min = spec.get("minReplicas").asInt().value_or(1);  // the API's default
    range.max = spec.get("maxReplicas").asInt();
    return range;
  }
  if (workload.id.kind == "Pod") {
    range.min = range.max = 1;
    return range;
  }
  if (auto n = workload.root.path({"spec", "replicas"}).asInt()) range.min = range.max = *n;
  return range;
}

}  // namespace taskmaster::lint
