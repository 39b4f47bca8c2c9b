// storage: PersistentVolumeClaims (and StatefulSet claim templates) get a
// StorageClass: the default one when they name none, else the named one.
// Without it the claim stays Pending and so does every pod that mounts it.
#include <fmt/format.h>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkStorage(const Facts& f) {
  constexpr const char* kName = "storage";
  if (auto s = needsChart(kName, f)) return *s;
  const auto& claims = f.chart.needs.volume_claims;
  if (claims.empty()) return pass(kName, "no PersistentVolumeClaims");
  if (auto s = needsCluster(kName, f)) return *s;
  if (!f.cluster.storage_classes.value)
    return fail(kName, "cannot list StorageClasses: " + f.cluster.storage_classes.error, "");

  std::string default_class;
  std::vector<std::string> classes;
  for (const auto& sc : f.cluster.storage_classes.value->value("items", nlohmann::json::array())) {
    const auto& meta = sc["metadata"];
    classes.push_back(meta.value("name", ""));
    auto annotations = meta.value("annotations", nlohmann::json::object());
    if (annotations.value("storageclass.kubernetes.io/is-default-class", "") == "true")
      default_class = classes.back();
  }
  for (const auto& claim : claims) {
    if (!claim.storage_class) {
      if (default_class.empty())
        return fail(kName, claim.claim + " needs the default StorageClass and the cluster has none",
                    "mark one as default: kubectl patch storageclass hostpath -p "
                    "'{\"metadata\":{\"annotations\":{\"storageclass.kubernetes.io/"
                    "is-default-class\":\"true\"}}}' (Docker Desktop's is hostpath)");
    } else if (std::find(classes.begin(), classes.end(), *claim.storage_class) == classes.end()) {
      return fail(kName,
                  fmt::format("{} asks for StorageClass {}, which the cluster does not have",
                              claim.claim, *claim.storage_class),
                  "set the chart's storageClassName to one of: `kubectl get storageclass`");
    }
  }
  return pass(kName, fmt::format("{} claim{} bound by StorageClass {}", claims.size(),
                                 claims.size() == 1 ? "" : "s",
                                 default_class.empty() ? "as named" : default_class));
}

}  // namespace taskmaster::preflight
