// metrics: a HorizontalPodAutoscaler needs the metrics API (metrics-server),
// which Docker Desktop does not install; without it the HPA never scales.
#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkMetrics(const Facts& f) {
  constexpr const char* kName = "metrics";
  if (auto s = needsChart(kName, f)) return *s;
  if (f.chart.needs.autoscalers.empty()) return pass(kName, "no HorizontalPodAutoscaler");
  if (auto s = needsCluster(kName, f)) return *s;
  const char* remedy =
      "install metrics-server: helm upgrade --install metrics-server metrics-server --repo "
      "https://kubernetes-sigs.github.io/metrics-server/ -n kube-system --set "
      "args={--kubelet-insecure-tls}";
  const auto& api = f.cluster.metrics_api;
  if (!api.value)
    return warn(kName, "autoscaling is enabled but the metrics API (metrics-server) is missing",
                remedy);
  bool available = false;
  if (api.value->contains("status"))
    for (const auto& c : (*api.value)["status"].value("conditions", nlohmann::json::array()))
      if (c.value("type", "") == "Available") available = c.value("status", "") == "True";
  if (!available) return warn(kName, "the metrics API is registered but not Available", remedy);
  return pass(kName, "metrics API available for autoscaling");
}

}  // namespace taskmaster::preflight
