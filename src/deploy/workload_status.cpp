#include "deploy/workload_status.h"

#include "deploy/object_key.h"

namespace taskmaster::deploy {

namespace {

using nlohmann::json;

int intAt(const json& object, const json::json_pointer& pointer, int fallback = 0) {
  if (!object.contains(pointer)) return fallback;
  const json& v = object.at(pointer);
  return v.is_number_integer() ? v.get<int>() : fallback;
}

std::string stringAt(const json& object, const json::json_pointer& pointer) {
  if (!object.contains(pointer)) return {};
  const json& v = object.at(pointer);
  return v.is_string() ? v.get<std::string>() : std::string();
}

bool labelsMatch(const json& pod, const std::map<std::string, std::string>& selector) {
  if (selector.empty()) return false;  // matchExpressions only: we cannot tell
  const json* labels = pod.contains("/metadata/labels"_json_pointer)
                           ? &pod.at("/metadata/labels"_json_pointer)
                           : nullptr;
  for (const auto& [key, value] : selector) {
    if (!labels || !labels->contains(key) || !(*labels)[key].is_string() ||
        (*labels)[key].get<std::string>() != value)
      return false;
  }
  return true;
}

std::string cut(std::string text, size_t max = 160) {
  if (size_t nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  if (text.size() > max) text = text.substr(0, max - 3) + "...";
  return text;
}

// Why one container is not ready, or empty.
std::string containerProblem(const json& status, bool init) {
  std::string who =
      std::string(init ? "init container " : "container ") + status.value("name", std::string("?"));
  int restarts = status.value("restartCount", 0);
  if (status.contains("/state/waiting"_json_pointer)) {
    const json& w = status.at("/state/waiting"_json_pointer);
    std::string reason = w.value("reason", std::string("waiting"));
    std::string message = w.value("message", std::string());
    std::string out = who + ": " + reason;
    if (!message.empty()) out += " (" + cut(message) + ")";
    if (restarts > 0) {
      const json* last = status.contains("/lastState/terminated"_json_pointer)
                             ? &status.at("/lastState/terminated"_json_pointer)
                             : nullptr;
      out += ", restarted " + std::to_string(restarts) + "x";
      if (last)
        out += ", last exit " + std::to_string(last->value("exitCode", 0)) + " (" +
               last->value("reason", std::string("?")) + ")";
    }
    return out;
  }
  if (status.contains("/state/terminated"_json_pointer)) {
    const json& t = status.at("/state/terminated"_json_pointer);
    if (init && t.value("exitCode", 1) == 0) return {};
    return who + ": exited " + std::to_string(t.value("exitCode", 0)) + " (" +
           t.value("reason", std::string("?")) + ")";
  }
  if (!init && !status.value("ready", false))
    return who + ": running, not ready (readiness probe failing)";
  return {};
}

PodState readPod(const json& pod) {
  PodState p;
  p.name = stringAt(pod, "/metadata/name"_json_pointer);
  if (pod.contains("/spec/containers"_json_pointer))
    for (const auto& c : pod.at("/spec/containers"_json_pointer))
      p.containers.push_back(c.value("name", std::string()));
  const json empty = json::array();
  auto statuses = [&](const char* key) -> const json& {
    const json& status = pod.contains("status") ? pod["status"] : empty;
    return status.contains(key) && status[key].is_array() ? status[key] : empty;
  };
  for (const auto& c : statuses("containerStatuses"))
    p.restarts[c.value("name", std::string())] = c.value("restartCount", 0);
  for (const auto& condition : statuses("conditions")) {
    if (condition.value("type", "") == "Ready") p.ready = condition.value("status", "") == "True";
  }
  if (p.ready) return p;
  for (const auto& condition : statuses("conditions")) {
    if (condition.value("type", "") == "PodScheduled" && condition.value("status", "") == "False") {
      p.problem =
          "not scheduled: " + cut(condition.value("message", condition.value("reason", "")));
      return p;
    }
  }
  for (const auto& c : statuses("initContainerStatuses"))
    if (std::string why = containerProblem(c, true); !why.empty()) return p.problem = why, p;
  for (const auto& c : statuses("containerStatuses"))
    if (std::string why = containerProblem(c, false); !why.empty()) return p.problem = why, p;
  std::string phase = stringAt(pod, "/status/phase"_json_pointer);
  p.problem = "not ready (phase " + (phase.empty() ? std::string("unknown") : phase) + ")";
  return p;
}

void judgeDeployment(const json& d, WorkloadState& w) {
  w.desired = intAt(d, "/spec/replicas"_json_pointer, 1);
  w.ready = intAt(d, "/status/readyReplicas"_json_pointer);
  w.updated = intAt(d, "/status/updatedReplicas"_json_pointer);
  w.available = intAt(d, "/status/availableReplicas"_json_pointer);
  int total = intAt(d, "/status/replicas"_json_pointer);
  int generation = intAt(d, "/metadata/generation"_json_pointer);
  int observed = intAt(d, "/status/observedGeneration"_json_pointer);
  if (observed < generation)
    w.waiting_for = "the controller to see the new spec";
  else if (w.updated < w.desired)
    w.waiting_for =
        std::to_string(w.updated) + " of " + std::to_string(w.desired) + " new replicas updated";
  else if (total > w.updated)
    w.waiting_for = std::to_string(total - w.updated) + " old replicas to terminate";
  else if (w.available < w.updated)
    w.waiting_for = std::to_string(w.available) + " of " + std::to_string(w.updated) +
                    " updated replicas available";
  w.rolled_out = w.waiting_for.empty();
}

void judgeStatefulSet(const json& s, WorkloadState& w) {
  w.desired = intAt(s, "/spec/replicas"_json_pointer, 1);
  w.ready = intAt(s, "/status/readyReplicas"_json_pointer);
  w.updated = intAt(s, "/status/updatedReplicas"_json_pointer);
  w.available = intAt(s, "/status/availableReplicas"_json_pointer, w.ready);
  int generation = intAt(s, "/metadata/generation"_json_pointer);
  int observed = intAt(s, "/status/observedGeneration"_json_pointer);
  std::string strategy = stringAt(s, "/spec/updateStrategy/type"_json_pointer);
  std::string current = stringAt(s, "/status/currentRevision"_json_pointer);
  std::string update = stringAt(s, "/status/updateRevision"_json_pointer);
  if (observed < generation)
    w.waiting_for = "the controller to see the new spec";
  else if (w.ready < w.desired)
    w.waiting_for =
        std::to_string(w.ready) + " of " + std::to_string(w.desired) + " replicas ready";
  else if (strategy != "OnDelete" && w.updated < w.desired)
    w.waiting_for =
        std::to_string(w.updated) + " of " + std::to_string(w.desired) + " replicas updated";
  else if (strategy != "OnDelete" && !update.empty() && !current.empty() && current != update)
    w.waiting_for = "the rolling update to finish (revision " + update + ")";
  w.rolled_out = w.waiting_for.empty();
}

}  // namespace

bool WorkloadState::healthy() const {
  if (!found || !rolled_out) return false;
  int ready_pods = 0;
  for (const auto& p : pods) {
    if (!p.ready) return false;
    ++ready_pods;
  }
  return ready_pods >= desired;
}

std::vector<WorkloadRef> workloadsOf(const manifest::ResourceSet& resources) {
  std::vector<WorkloadRef> out;
  for (const auto& r : resources.resources) {
    if (isHelmHook(r) || (r.id.kind != "Deployment" && r.id.kind != "StatefulSet")) continue;
    WorkloadRef ref{r.id.kind, r.id.name, {}};
    yaml::Node labels = r.root.path({"spec", "selector", "matchLabels"});
    for (size_t i = 0; i < labels.size(); ++i)
      ref.match_labels[std::string(labels.key(i).str())] = std::string(labels.value(i).scalar());
    out.push_back(std::move(ref));
  }
  return out;
}

int ClusterSnapshot::readyReplicas() const {
  int n = 0;
  for (const auto& w : workloads) n += std::min(w.ready, w.desired);
  return n;
}

int ClusterSnapshot::desiredReplicas() const {
  int n = 0;
  for (const auto& w : workloads) n += w.desired;
  return n;
}

bool ClusterSnapshot::allHealthy() const {
  for (const auto& w : workloads)
    if (!w.healthy()) return false;
  return true;
}

std::string ClusterSnapshot::progressText() const {
  std::string out =
      std::to_string(readyReplicas()) + "/" + std::to_string(desiredReplicas()) + " pods ready";
  std::string waiting;
  for (const auto& w : workloads) {
    if (w.found && w.ready >= w.desired) continue;
    if (!waiting.empty()) waiting += ", ";
    waiting +=
        w.ref.name + (w.found ? " " + std::to_string(w.ready) + "/" + std::to_string(w.desired)
                              : " not created yet");
  }
  return waiting.empty() ? out : out + " (waiting: " + waiting + ")";
}

ClusterSnapshot readSnapshot(const std::vector<WorkloadRef>& refs, const json& list) {
  ClusterSnapshot snap;
  const json empty = json::array();
  const json& items = list.contains("items") && list["items"].is_array() ? list["items"] : empty;
  for (const WorkloadRef& ref : refs) {
    WorkloadState w;
    w.ref = ref;
    for (const auto& item : items) {
      if (item.value("kind", "") != ref.kind ||
          stringAt(item, "/metadata/name"_json_pointer) != ref.name)
        continue;
      w.found = true;
      if (ref.kind == "Deployment")
        judgeDeployment(item, w);
      else
        judgeStatefulSet(item, w);
    }
    if (!w.found) {
      w.desired = 1;
      w.waiting_for = "the " + ref.kind + " to be created";
    }
    for (const auto& item : items) {
      if (item.value("kind", "") != "Pod" || !labelsMatch(item, ref.match_labels)) continue;
      if (item.contains("/metadata/deletionTimestamp"_json_pointer)) continue;
      std::string phase = stringAt(item, "/status/phase"_json_pointer);
      if (phase == "Succeeded" || phase == "Failed") continue;
      w.pods.push_back(readPod(item));
    }
    snap.workloads.push_back(std::move(w));
  }
  return snap;
}

}  // namespace taskmaster::deploy
