// Watches a release's workloads from a thread of its own while Helm waits
// for them: the live "2/3 pods ready" line on a terminal, and, should Helm
// give up, the last state seen, which names the workloads that never became
// ready even after Helm's rollback has removed them.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "deploy/workload_status.h"
#include "kube/kubectl.h"

namespace taskmaster::deploy {

// One look at the namespace: nullopt (and `error`) when kubectl fails.
std::optional<ClusterSnapshot> readWorkloads(const kube::Kubectl& kubectl, const std::string& ns,
                                             const std::vector<WorkloadRef>& refs,
                                             std::string* error = nullptr);

class RolloutWatch {
 public:
  using Listener = std::function<void(const ClusterSnapshot&)>;
  RolloutWatch(const kube::Kubectl& kubectl, std::string ns, std::vector<WorkloadRef> refs,
               Listener listener, std::chrono::milliseconds interval);
  ~RolloutWatch();  // stops and joins
  RolloutWatch(const RolloutWatch&) = delete;
  RolloutWatch& operator=(const RolloutWatch&) = delete;

  void stop();
  std::optional<ClusterSnapshot> latest() const;
  // The newest snapshot in which a workload existed and was not healthy: what
  // to report when Helm gives up, even after its rollback has removed or
  // reverted the workloads.
  std::optional<ClusterSnapshot> lastTrouble() const;

 private:
  void loop();

  const kube::Kubectl& kubectl_;
  std::string ns_;
  std::vector<WorkloadRef> refs_;
  Listener listener_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<ClusterSnapshot> latest_, trouble_;
  std::thread thread_;
};

}  // namespace taskmaster::deploy
