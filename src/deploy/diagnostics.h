// What to show when workloads do not become ready or a test fails: for each
// workload what its rollout waits for; for each pod that is not ready why,
// its last events and the tail of its container logs; and the commands that
// look further. Text from the cluster (events, logs) goes through the
// redactor first.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "deploy/redactor.h"
#include "deploy/workload_status.h"
#include "kube/kubectl.h"

namespace taskmaster::deploy {

struct DiagnosticsOptions {
  std::string namespace_;
  int log_lines = 20;
  size_t events_per_pod = 5;
  size_t pods_per_workload = 2;
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};  // each kubectl call
};

// What diagnosePod said about pods while they failed, by pod name: a
// rollback deletes the pods, and with them their logs.
using CapturedDiagnoses = std::map<std::string, std::vector<std::string>>;

// Workloads that are not healthy in `snapshot`; a pod in `captured` is
// described as it was captured instead of being asked about again.
std::vector<std::string> diagnoseWorkloads(const kube::Kubectl& kubectl,
                                           const ClusterSnapshot& snapshot,
                                           const Redactor& redactor,
                                           const DiagnosticsOptions& options,
                                           const CapturedDiagnoses& captured = {});

struct PodDiagnosis {
  std::vector<std::string> lines;
  bool logs_read = false;  // some container's logs could be read
};
// One pod by name (a `helm test` pod): events and logs of `containers`.
PodDiagnosis diagnosePod(const kube::Kubectl& kubectl, const PodState& pod,
                         const Redactor& redactor, const DiagnosticsOptions& options);

// "Warning BackOff: Back-off restarting failed container (x4)", newest last,
// from kubectl's event List.
std::vector<std::string> formatEvents(const nlohmann::json& list, size_t keep);

}  // namespace taskmaster::deploy
