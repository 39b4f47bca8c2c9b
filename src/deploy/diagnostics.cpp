#include "deploy/diagnostics.h"

#include <algorithm>

#include "deploy/command_text.h"
#include "deploy/kubectl_commands.h"

namespace taskmaster::deploy {

namespace {

std::string eventTime(const nlohmann::json& e) {
  for (const char* key : {"lastTimestamp", "eventTime", "firstTimestamp"})
    if (e.contains(key) && e[key].is_string()) return e[key].get<std::string>();
  if (e.contains("/metadata/creationTimestamp"_json_pointer) &&
      e.at("/metadata/creationTimestamp"_json_pointer).is_string())
    return e.at("/metadata/creationTimestamp"_json_pointer).get<std::string>();
  return {};
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> formatEvents(const nlohmann::json& list, size_t keep) {
  std::vector<const nlohmann::json*> events;
  if (list.contains("items") && list["items"].is_array())
    for (const auto& e : list["items"]) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](auto* a, auto* b) { return eventTime(*a) < eventTime(*b); });
  if (events.size() > keep) events.erase(events.begin(), events.end() - keep);
  std::vector<std::string> out;
  for (const auto* e : events) {
    std::string line = e->value("type", std::string("Normal")) + " " +
                       e->value("reason", std::string("?")) + ": " +
                       e->value("message", std::string());
    while (!line.empty() && line.back() == '\n') line.pop_back();
    if (int count = e->value("count", 1); count > 1) line += " (x" + std::to_string(count) + ")";
    out.push_back(line);
  }
  return out;
}

PodDiagnosis diagnosePod(const kube::Kubectl& kubectl, const PodState& pod,
                         const Redactor& redactor, const DiagnosticsOptions& o) {
  PodDiagnosis diagnosis;
  std::vector<std::string>& out = diagnosis.lines;
  out.push_back("pod " + pod.name + (pod.problem.empty() ? "" : ": " + pod.problem));
  auto events = kubectl.getJson(kubectl_args::podEvents(o.namespace_, pod.name), o.timeout);
  if (events.value) {
    std::vector<std::string> lines = formatEvents(*events.value, o.events_per_pod);
    if (!lines.empty()) out.push_back("  last events:");
    for (const auto& l : lines) out.push_back("    " + redactor.redact(l));
  } else {
    out.push_back("  events unavailable: " + redactor.redact(events.error));
  }
  std::vector<std::string> investigate = {
      commandLine(kubectl.argv(kubectl_args::describePod(o.namespace_, pod.name)))};
  for (const auto& container : pod.containers) {
    auto restarts = pod.restarts.find(container);
    bool previous = restarts != pod.restarts.end() && restarts->second > 0;
    auto args = kubectl_args::logs(o.namespace_, pod.name, container, previous, o.log_lines);
    sys::ProcessResult logs = kubectl.run(args, o.timeout);
    std::string which = previous ? " (previous run)" : "";
    if (!logs.ok()) {
      out.push_back("  logs of " + container + which +
                    " unavailable: " + redactor.redact(kube::kubectlErrorLine(logs)));
    } else {
      diagnosis.logs_read = true;
      std::vector<std::string> lines = splitLines(redactor.redact(logs.out));
      out.push_back("  last " + std::to_string(lines.size()) + " log lines of " + container +
                    which + ":");
      for (const auto& l : lines) out.push_back("    | " + l);
    }
    investigate.push_back(commandLine(
        kubectl.argv(kubectl_args::logs(o.namespace_, pod.name, container, previous, 200))));
  }
  out.push_back("  investigate:");
  for (const auto& c : investigate) out.push_back("    " + c);
  return diagnosis;
}

std::vector<std::string> diagnoseWorkloads(const kube::Kubectl& kubectl,
                                           const ClusterSnapshot& snapshot,
                                           const Redactor& redactor, const DiagnosticsOptions& o,
                                           const CapturedDiagnoses& captured) {
  std::vector<std::string> out;
  for (const WorkloadState& w : snapshot.workloads) {
    if (w.healthy()) continue;
    std::string state = !w.found ? "not found (never created, or removed by the rollback)"
                        : !w.rolled_out
                            ? "not rolled out: waiting for " + w.waiting_for
                            : std::to_string(w.ready) + "/" + std::to_string(w.desired) +
                                  " ready, some pods not ready";
    out.push_back(w.label() + ": " + state + " (" + std::to_string(w.ready) + "/" +
                  std::to_string(w.desired) + " ready)");
    size_t shown = 0;
    for (const PodState& pod : w.pods) {
      if (pod.ready) continue;
      if (shown++ == o.pods_per_workload) {
        out.push_back("  ... more pods not ready");
        break;
      }
      auto earlier = captured.find(pod.name);
      std::vector<std::string> lines = earlier != captured.end()
                                           ? earlier->second
                                           : diagnosePod(kubectl, pod, redactor, o).lines;
      for (auto& l : lines) out.push_back("  " + l);
    }
    if (w.found && shown == 0 && !w.rolled_out)
      out.push_back("  no pod of it is listed yet (kubectl get pods --namespace " + o.namespace_ +
                    ")");
  }
  return out;
}

}  // namespace taskmaster::deploy
