// The one place that knows where each workload kind keeps its pod spec.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "manifest/resource.h"

namespace taskmaster::manifest {

struct ContainerRef {
  yaml::Node node;  // the container mapping
  std::string_view name;
  bool init = false;       // from initContainers
  bool ephemeral = false;  // from ephemeralContainers
};

struct PodSpecView {
  yaml::Node spec;                       // the PodSpec mapping
  yaml::Node metadata;                   // the pod template's metadata (the object's own for a Pod)
  std::vector<ContainerRef> containers;  // regular, then init, then ephemeral
};

// Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
// Job, CronJob and PodTemplate; nullopt for other kinds or a missing spec.
std::optional<PodSpecView> findPodSpec(const Resource& resource);

bool isWorkloadKind(std::string_view kind);

}  // namespace taskmaster::manifest
