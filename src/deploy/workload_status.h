// The state of a release's Deployments and StatefulSets and their pods, read
// from `kubectl get deployments,statefulsets,pods -o json`: rolled out or
// not (the conditions `kubectl rollout status` uses), ready counts, and for
// each pod that is not ready, why (the waiting reason, the last exit, the
// scheduler's message).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "manifest/resource.h"

namespace taskmaster::deploy {

struct WorkloadRef {
  std::string kind;  // Deployment or StatefulSet
  std::string name;
  std::map<std::string, std::string> match_labels;  // spec.selector.matchLabels
};

// The Deployments and StatefulSets of a render, hooks left out.
std::vector<WorkloadRef> workloadsOf(const manifest::ResourceSet& resources);

struct PodState {
  std::string name;
  bool ready = false;
  std::string problem;  // why it is not ready; empty when ready
  std::vector<std::string> containers;
  std::map<std::string, int> restarts;  // by container
};

struct WorkloadState {
  WorkloadRef ref;
  bool found = false;
  int desired = 0, ready = 0, updated = 0, available = 0;
  bool rolled_out = false;
  std::string waiting_for;     // what the rollout still waits for; empty when rolled out
  std::vector<PodState> pods;  // matching pods that are not being deleted
  std::string label() const { return ref.kind + "/" + ref.name; }
  // Rolled out and every pod ready (at least `desired` of them).
  bool healthy() const;
};

struct ClusterSnapshot {
  std::vector<WorkloadState> workloads;
  int readyReplicas() const;
  int desiredReplicas() const;
  bool allHealthy() const;
  // "2/3 pods ready (taskmaster-frontend 0/1)".
  std::string progressText() const;
};

// `list` is kubectl's List of Deployments, StatefulSets and Pods of the namespace.
ClusterSnapshot readSnapshot(const std::vector<WorkloadRef>& refs, const nlohmann::json& list);

}  // namespace taskmaster::deploy
