// Describes failing pods while Helm still waits for them: when Helm gives up
// and rolls back, the pods and their logs are deleted, so the report would
// otherwise have only the pods' names. A pod is described when it restarts
// (each new restart, for the newest crash's logs) or after it has stayed not
// ready for a few looks.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "deploy/diagnostics.h"
#include "deploy/workload_status.h"

namespace taskmaster::deploy {

class FailureEvidence {
 public:
  FailureEvidence(const kube::Kubectl& kubectl, const Redactor& redactor,
                  DiagnosticsOptions options);

  // Called with each snapshot (from the watching thread).
  void look(const ClusterSnapshot& snapshot);
  CapturedDiagnoses captured() const;

  static constexpr int kLooksBeforeDescribing = 3;
  static constexpr size_t kMaxPods = 6;

 private:
  const kube::Kubectl& kubectl_;
  const Redactor& redactor_;
  DiagnosticsOptions options_;
  std::map<std::string, int> not_ready_looks_;
  std::map<std::string, int> restarts_when_described_;
  mutable std::mutex mutex_;
  CapturedDiagnoses captured_;
};

}  // namespace taskmaster::deploy
