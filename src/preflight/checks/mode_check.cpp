// mode: Docker Desktop runs Kubernetes with kubeadm (one node sharing the
// engine's image store) or kind (nodes in containers with their own image
// stores). In kind mode a locally built image is invisible to the cluster:
// `Never` cannot work and `IfNotPresent` pulls from a registry.
#include <fmt/format.h>

#include <set>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkMode(const Facts& f) {
  constexpr const char* kName = "mode";
  if (auto s = needsCluster(kName, f)) return *s;
  if (!f.cluster.nodes.value) return fail(kName, "cannot list nodes: " + f.cluster.nodes.error, "");
  switch (clusterMode(f)) {
    case ClusterMode::Kubeadm:
      return pass(kName, "Docker Desktop kubeadm: the cluster uses Docker's local images");
    case ClusterMode::Other:
    case ClusterMode::Unknown:
      return warn(kName, "not a Docker Desktop cluster; local images may not be visible to it",
                  "push images to a registry the cluster can pull from");
    case ClusterMode::Kind:
      break;
  }
  std::set<std::string> never, if_not_present;
  for (const auto& i : f.chart.needs.images) {
    if (i.pull_policy == "Never") never.insert(i.image);
    if (i.pull_policy == "IfNotPresent") if_not_present.insert(i.image);
  }
  std::string remedy =
      "load the image into the nodes (`docker save IMAGE | docker exec -i desktop-control-plane "
      "ctr -n k8s.io images import -`), or push it to a registry and set its pull policy";
  auto list = [](const std::set<std::string>& s) {
    std::string out;
    for (const auto& i : s) out += (out.empty() ? "" : ", ") + i;
    return out;
  };
  if (!never.empty())
    return fail(kName,
                fmt::format("Docker Desktop kind mode: images with pullPolicy Never cannot be "
                            "found by the nodes: {}",
                            list(never)),
                remedy);
  if (!if_not_present.empty())
    return warn(kName,
                fmt::format("Docker Desktop kind mode: images with pullPolicy IfNotPresent are "
                            "pulled from a registry, not taken from Docker: {}",
                            list(if_not_present)),
                remedy);
  return pass(kName, "Docker Desktop kind mode; every image is pulled from a registry");
}

}  // namespace taskmaster::preflight
