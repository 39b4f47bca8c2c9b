// nodes: every node reports Ready.
#include <fmt/format.h>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkNodes(const Facts& f) {
  constexpr const char* kName = "nodes";
  if (auto s = needsCluster(kName, f)) return *s;
  if (!f.cluster.nodes.value)
    return fail(kName, "cannot list nodes: " + f.cluster.nodes.error,
                "check your permissions: `kubectl auth can-i list nodes`");
  size_t total = 0;
  std::string not_ready;
  for (const auto& node : f.cluster.nodes.value->value("items", nlohmann::json::array())) {
    ++total;
    bool ready = false;
    if (node.contains("status"))
      for (const auto& c : node["status"].value("conditions", nlohmann::json::array()))
        if (c.value("type", "") == "Ready") ready = c.value("status", "") == "True";
    if (!ready) not_ready += (not_ready.empty() ? "" : ", ") + node["metadata"].value("name", "?");
  }
  if (total == 0)
    return fail(kName, "the cluster has no nodes", "reset Kubernetes in Docker Desktop's settings");
  if (!not_ready.empty())
    return fail(kName, fmt::format("not Ready: {} (of {} nodes)", not_ready, total),
                "`kubectl describe node " + not_ready.substr(0, not_ready.find(',')) +
                    "` says why; restarting Docker Desktop usually helps");
  return pass(kName, fmt::format("{} node{} Ready", total, total == 1 ? "" : "s"));
}

}  // namespace taskmaster::preflight
