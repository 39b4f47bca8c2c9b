// How many pods a workload runs, as far as the manifests say: its own
// spec.replicas, or the range of the HorizontalPodAutoscaler that scales it.
// Shared by the availability and PodDisruptionBudget checks so they agree.
#pragma once

#include <cstdint>
#include <optional>

#include "lint/resource_index.h"

namespace taskmaster::lint {

struct ReplicaRange {
  // Unknown when the manifests do not say (replicas unset and no HPA in the
  // release: KEDA, `kubectl scale` or an HPA elsewhere decides).
  std::optional<int64_t> min, max;
  bool autoscaled = false;  // an HPA of the release scales the workload
};

ReplicaRange replicaRange(const ResourceIndex& index, const manifest::Resource& workload);

}  // namespace taskmaster::lint
