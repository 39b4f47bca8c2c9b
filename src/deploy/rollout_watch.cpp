#include "deploy/rollout_watch.h"

#include "deploy/kubectl_commands.h"

namespace taskmaster::deploy {

std::optional<ClusterSnapshot> readWorkloads(const kube::Kubectl& kubectl, const std::string& ns,
                                             const std::vector<WorkloadRef>& refs,
                                             std::string* error) {
  auto result = kubectl.getJson(kubectl_args::workloadSnapshot(ns), std::chrono::seconds(15));
  if (!result.value) {
    if (error) *error = result.error;
    return std::nullopt;
  }
  try {
    return readSnapshot(refs, *result.value);
  } catch (const nlohmann::json::exception& e) {
    if (error) *error = std::string("unexpected workload JSON from kubectl: ") + e.what();
    return std::nullopt;
  }
}

RolloutWatch::RolloutWatch(const kube::Kubectl& kubectl, std::string ns,
                           std::vector<WorkloadRef> refs, Listener listener,
                           std::chrono::milliseconds interval)
    : kubectl_(kubectl),
      ns_(std::move(ns)),
      refs_(std::move(refs)),
      listener_(std::move(listener)),
      interval_(interval),
      thread_([this] { loop(); }) {}

RolloutWatch::~RolloutWatch() {
  stop();
}

void RolloutWatch::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::optional<ClusterSnapshot> RolloutWatch::latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

std::optional<ClusterSnapshot> RolloutWatch::lastTrouble() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return trouble_;
}

void RolloutWatch::loop() {
  for (;;) {
    auto snapshot = readWorkloads(kubectl_, ns_, refs_);
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (stopping_) return;
      if (snapshot) {
        latest_ = snapshot;
        for (const auto& w : snapshot->workloads)
          if (w.found && !w.healthy()) trouble_ = snapshot;
      }
    }
    if (snapshot && listener_) listener_(*snapshot);
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) return;
  }
}

}  // namespace taskmaster::deploy
