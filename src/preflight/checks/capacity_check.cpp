// capacity: the release's requests (requests × replicas of every workload,
// hooks excluded; DaemonSets once per node) fit what the Ready nodes can
// still allocate after the pods already running; warn above 80%.
#include <fmt/format.h>

#include <algorithm>

#include "lint/quantity.h"
#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

namespace {

using Json = nlohmann::json;

double quantity(const Json& map, const char* key) {
  if (!map.is_object() || !map.contains(key) || !map[key].is_string()) return 0;
  return lint::parseQuantity(map[key].get<std::string>()).value_or(0);
}

struct Amounts {
  double cpu = 0, memory = 0;
};

// Requests of the pods already scheduled, except this release's own (an
// upgrade replaces them) and pods that have finished.
Amounts runningRequests(const Facts& f) {
  Amounts a;
  if (!f.cluster.pods.value) return a;
  const std::string& release = f.options->render.release_name;
  for (const auto& pod : f.cluster.pods.value->value("items", Json::array())) {
    std::string phase = pod.contains("status") ? pod["status"].value("phase", "") : "";
    if (phase == "Succeeded" || phase == "Failed") continue;
    const Json& meta = pod["metadata"];
    if (meta.value("namespace", "") == f.chart.needs.namespace_ && meta.contains("labels") &&
        meta["labels"].value("app.kubernetes.io/instance", "") == release)
      continue;
    Amounts together, init;
    for (const auto& c : pod["spec"].value("containers", Json::array())) {
      Json req =
          c.contains("resources") ? c["resources"].value("requests", Json::object()) : Json();
      together.cpu += quantity(req, "cpu");
      together.memory += quantity(req, "memory");
    }
    for (const auto& c : pod["spec"].value("initContainers", Json::array())) {
      Json req =
          c.contains("resources") ? c["resources"].value("requests", Json::object()) : Json();
      init.cpu = std::max(init.cpu, quantity(req, "cpu"));
      init.memory = std::max(init.memory, quantity(req, "memory"));
    }
    a.cpu += std::max(together.cpu, init.cpu);
    a.memory += std::max(together.memory, init.memory);
  }
  return a;
}

}  // namespace

CheckResult checkCapacity(const Facts& f) {
  constexpr const char* kName = "capacity";
  if (auto s = needsCluster(kName, f)) return *s;
  if (auto s = needsChart(kName, f)) return *s;
  if (!f.cluster.nodes.value) return skip(kName, "needs the nodes (see nodes)");

  Amounts allocatable, largest_node;
  size_t ready_nodes = 0;
  for (const auto& node : f.cluster.nodes.value->value("items", Json::array())) {
    if (!node.contains("status")) continue;
    bool ready = false;
    for (const auto& c : node["status"].value("conditions", Json::array()))
      if (c.value("type", "") == "Ready") ready = c.value("status", "") == "True";
    if (!ready) continue;
    ++ready_nodes;
    Json alloc = node["status"].value("allocatable", Json::object());
    allocatable.cpu += quantity(alloc, "cpu");
    allocatable.memory += quantity(alloc, "memory");
    largest_node.cpu = std::max(largest_node.cpu, quantity(alloc, "cpu"));
    largest_node.memory = std::max(largest_node.memory, quantity(alloc, "memory"));
  }
  if (ready_nodes == 0) return skip(kName, "needs a Ready node (see nodes)");

  Amounts chart;
  long long pods = 0;
  for (const auto& p : f.chart.needs.pods) {
    long long n = p.per_node ? static_cast<long long>(ready_nodes) : p.pods;
    pods += n;
    chart.cpu += p.cpu * static_cast<double>(n);
    chart.memory += p.memory * static_cast<double>(n);
    if (p.cpu > largest_node.cpu || p.memory > largest_node.memory)
      return fail(kName,
                  fmt::format("one pod of {} requests {} and {}, more than any node can allocate "
                              "({} and {})",
                              p.workload, formatCpu(p.cpu), formatBytes(p.memory),
                              formatCpu(largest_node.cpu), formatBytes(largest_node.memory)),
                  "lower its requests, or give Docker Desktop more CPUs and memory in Settings → "
                  "Resources");
  }
  Amounts running = runningRequests(f);
  double cpu_share = allocatable.cpu > 0 ? (running.cpu + chart.cpu) / allocatable.cpu : 0;
  double mem_share =
      allocatable.memory > 0 ? (running.memory + chart.memory) / allocatable.memory : 0;
  std::string summary = fmt::format(
      "{} pods request {} and {}; with the {} and {} already requested that is {:.0f}% of CPU "
      "and {:.0f}% of memory allocatable ({} and {})",
      pods, formatCpu(chart.cpu), formatBytes(chart.memory), formatCpu(running.cpu),
      formatBytes(running.memory), cpu_share * 100, mem_share * 100, formatCpu(allocatable.cpu),
      formatBytes(allocatable.memory));
  const char* remedy =
      "give Docker Desktop more CPUs and memory (Settings → Resources), lower the requests or "
      "replicas in your values, or remove releases you no longer need";
  if (cpu_share > 1 || mem_share > 1) return fail(kName, "does not fit: " + summary, remedy);
  if (cpu_share > 0.8 || mem_share > 0.8) return warn(kName, "tight: " + summary, remedy);
  return pass(kName, summary);
}

}  // namespace taskmaster::preflight
