#include "preflight/checks/checks.h"

#include <fmt/format.h>

namespace taskmaster::preflight {

const std::vector<CheckEntry>& allChecks() {
  static const std::vector<CheckEntry> kChecks = {
      {"helm", checkHelm},       {"docker", checkDocker},
      {"context", checkContext}, {"api", checkApi},
      {"mode", checkMode},       {"nodes", checkNodes},
      {"chart", checkChart},     {"capacity", checkCapacity},
      {"images", checkImages},   {"namespace", checkNamespace},
      {"secrets", checkSecrets}, {"storage", checkStorage},
      {"ingress", checkIngress}, {"metrics", checkMetrics},
      {"ports", checkPorts},
  };
  return kChecks;
}

CheckResult pass(const char* name, std::string message) {
  return {name, Outcome::Pass, std::move(message), {}};
}
CheckResult warn(const char* name, std::string message, std::string remedy) {
  return {name, Outcome::Warn, std::move(message), std::move(remedy)};
}
CheckResult fail(const char* name, std::string message, std::string remedy) {
  return {name, Outcome::Fail, std::move(message), std::move(remedy)};
}
CheckResult skip(const char* name, std::string reason) {
  return {name, Outcome::Skip, std::move(reason), {}};
}

std::optional<CheckResult> needsCluster(const char* name, const Facts& f) {
  if (!f.context.exists || (!f.context.local && !f.options->allow_remote_context))
    return skip(name, "needs the cluster, and the context check failed");
  if (!f.api.ready) return skip(name, "needs the cluster, and the API server is not ready");
  return std::nullopt;
}

std::optional<CheckResult> needsChart(const char* name, const Facts& f) {
  if (!f.chart.rendered) return skip(name, "needs the rendered chart, which Helm could not render");
  return std::nullopt;
}

ClusterMode clusterMode(const Facts& f) {
  if (!f.cluster.nodes.value) return ClusterMode::Unknown;
  bool kubeadm = false;
  for (const auto& node : f.cluster.nodes.value->value("items", nlohmann::json::array())) {
    std::string name = node["metadata"].value("name", "");
    std::string provider = node.contains("spec") ? node["spec"].value("providerID", "") : "";
    if (provider.rfind("kind://", 0) == 0 || name.rfind("desktop-", 0) == 0)
      return ClusterMode::Kind;
    std::string os = node.contains("status") && node["status"].contains("nodeInfo")
                         ? node["status"]["nodeInfo"].value("osImage", "")
                         : "";
    if (name == "docker-desktop" || os == "Docker Desktop") kubeadm = true;
  }
  return kubeadm ? ClusterMode::Kubeadm : ClusterMode::Other;
}

std::string formatBytes(double bytes) {
  constexpr double kGi = 1024.0 * 1024 * 1024, kMi = 1024.0 * 1024;
  if (bytes >= kGi) return fmt::format("{:.1f} GiB", bytes / kGi);
  return fmt::format("{:.0f} MiB", bytes / kMi);
}

std::string formatCpu(double cores) {
  return fmt::format("{:.3g} CPU", cores);
}

}  // namespace taskmaster::preflight
