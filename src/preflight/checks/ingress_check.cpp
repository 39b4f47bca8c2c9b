// ingress: an enabled Ingress needs an IngressClass (a controller) to serve
// it: the one it names, or the cluster's default. Docker Desktop ships none.
#include <fmt/format.h>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkIngress(const Facts& f) {
  constexpr const char* kName = "ingress";
  if (auto s = needsChart(kName, f)) return *s;
  const auto& ingresses = f.chart.needs.ingresses;
  if (ingresses.empty()) return pass(kName, "no Ingress");
  if (auto s = needsCluster(kName, f)) return *s;
  if (!f.cluster.ingress_classes.value)
    return fail(kName, "cannot list IngressClasses: " + f.cluster.ingress_classes.error, "");
  std::vector<std::string> classes;
  std::string default_class;
  for (const auto& c : f.cluster.ingress_classes.value->value("items", nlohmann::json::array())) {
    classes.push_back(c["metadata"].value("name", ""));
    auto annotations = c["metadata"].value("annotations", nlohmann::json::object());
    if (annotations.value("ingressclass.kubernetes.io/is-default-class", "") == "true")
      default_class = classes.back();
  }
  const char* remedy =
      "install a controller: helm upgrade --install ingress-nginx ingress-nginx --repo "
      "https://kubernetes.github.io/ingress-nginx -n ingress-nginx --create-namespace";
  for (const auto& i : ingresses) {
    if (i.ingress_class) {
      if (std::find(classes.begin(), classes.end(), *i.ingress_class) == classes.end())
        return fail(kName,
                    fmt::format("{} names IngressClass {}, which the cluster does not have",
                                i.ingress, *i.ingress_class),
                    remedy);
    } else if (default_class.empty()) {
      return fail(kName, i.ingress + " names no IngressClass and the cluster has no default one",
                  classes.empty() ? std::string(remedy)
                                  : "set ingress.className to one of: `kubectl get ingressclass`");
    }
  }
  return pass(kName, fmt::format("{} Ingress served by {}", ingresses.size(),
                                 ingresses.front().ingress_class.value_or(default_class)));
}

}  // namespace taskmaster::preflight
