// ports: the localhost ports the release's LoadBalancer and NodePort
// Services will take on Docker Desktop are free: not published by another
// Service of the cluster, and (warn) not held by a program on this machine,
// such as a dev server on :3000.
#include <fmt/format.h>

#include <algorithm>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

namespace {

struct Published {
  std::string service;  // "namespace/name"
  bool ours = false;    // this release's own Service (an upgrade keeps it)
};

std::map<long long, Published> publishedPorts(const Facts& f) {
  std::map<long long, Published> out;
  const ChartNeeds& needs = f.chart.needs;
  for (const auto& svc : f.cluster.services.value->value("items", nlohmann::json::array())) {
    std::string ns = svc["metadata"].value("namespace", "");
    std::string name = svc["metadata"].value("name", "");
    bool ours = ns == needs.namespace_ && std::find(needs.services.begin(), needs.services.end(),
                                                    name) != needs.services.end();
    std::string type = svc["spec"].value("type", "");
    for (const auto& p : svc["spec"].value("ports", nlohmann::json::array())) {
      if (type == "LoadBalancer" && p.contains("port"))
        out[p["port"].get<long long>()] = {ns + "/" + name, ours};
      if ((type == "LoadBalancer" || type == "NodePort") && p.contains("nodePort"))
        out[p["nodePort"].get<long long>()] = {ns + "/" + name, ours};
    }
  }
  return out;
}

}  // namespace

CheckResult checkPorts(const Facts& f) {
  constexpr const char* kName = "ports";
  if (auto s = needsChart(kName, f)) return *s;
  const auto& wanted = f.chart.needs.host_ports;
  if (wanted.empty()) return pass(kName, "no LoadBalancer or NodePort Services");
  if (auto s = needsCluster(kName, f)) return *s;
  if (!f.cluster.services.value)
    return fail(kName, "cannot list Services: " + f.cluster.services.error, "");
  std::map<long long, Published> published = publishedPorts(f);
  std::vector<std::string> taken_by_services, taken_locally;
  std::string list;
  for (const auto& w : wanted) {
    list += fmt::format("{}localhost:{}", list.empty() ? "" : ", ", w.port);
    auto it = published.find(w.port);
    if (it != published.end()) {
      if (!it->second.ours)
        taken_by_services.push_back(
            fmt::format("localhost:{} ({}) is already published by "
                        "Service {}",
                        w.port, w.service, it->second.service));
      continue;
    }
    auto local = f.local_ports_in_use.find(w.port);
    if (local != f.local_ports_in_use.end() && local->second)
      taken_locally.push_back(fmt::format(
          "localhost:{} ({}) is in use by a program on this machine", w.port, w.service));
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out;
  };
  if (!taken_by_services.empty())
    return fail(kName, join(taken_by_services),
                "change the Service's port in your values, or delete the other Service");
  if (!taken_locally.empty())
    return warn(kName, join(taken_locally),
                "stop that program (e.g. a dev server: `lsof -i :PORT` finds it) or change the "
                "Service's port in your values");
  return pass(kName, "free: " + list);
}

}  // namespace taskmaster::preflight
