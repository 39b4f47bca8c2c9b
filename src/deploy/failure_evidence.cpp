#include "deploy/failure_evidence.h"

namespace taskmaster::deploy {

FailureEvidence::FailureEvidence(const kube::Kubectl& kubectl, const Redactor& redactor,
                                 DiagnosticsOptions options)
    : kubectl_(kubectl), redactor_(redactor), options_(std::move(options)) {}

void FailureEvidence::look(const ClusterSnapshot& snapshot) {
  for (const WorkloadState& w : snapshot.workloads) {
    for (const PodState& pod : w.pods) {
      if (pod.ready) continue;
      int restarts = 0;
      for (const auto& [container, n] : pod.restarts) restarts += n;
      int looks = ++not_ready_looks_[pod.name];
      auto described = restarts_when_described_.find(pod.name);
      bool first = described == restarts_when_described_.end();
      bool due =
          first ? restarts > 0 || looks >= kLooksBeforeDescribing : restarts > described->second;
      if (!due || (first && restarts_when_described_.size() >= kMaxPods)) continue;
      restarts_when_described_[pod.name] = restarts;
      PodDiagnosis diagnosis = diagnosePod(kubectl_, pod, redactor_, options_);
      diagnosis.lines.insert(diagnosis.lines.begin() + 1, "  (described while Helm waited)");
      std::lock_guard<std::mutex> lock(mutex_);
      // A later look may come as the rollback deletes the pod: keep the
      // description that has its logs.
      if (diagnosis.logs_read || !captured_.count(pod.name))
        captured_[pod.name] = std::move(diagnosis.lines);
    }
  }
}

CapturedDiagnoses FailureEvidence::captured() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return captured_;
}

}  // namespace taskmaster::deploy
