// images: every image the release takes from Docker's local store exists
// there. In kubeadm mode the cluster sees Docker's images: `Never` must find
// the image locally, and so must `IfNotPresent` for a reference that names no
// registry (a local build; Docker Hub would be asked otherwise). The remedy
// names the tag to build.
#include <fmt/format.h>

#include <set>

#include "lint/image_ref.h"
#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

std::vector<std::string> imagesToInspect(const ChartNeeds& needs) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& i : needs.images)
    if (i.pull_policy != "Always" && seen.insert(i.image).second) out.push_back(i.image);
  return out;
}

CheckResult checkImages(const Facts& f) {
  constexpr const char* kName = "images";
  if (auto s = needsChart(kName, f)) return *s;
  if (clusterMode(f) == ClusterMode::Kind)
    return skip(kName, "kind mode: the nodes do not use Docker's images (see mode)");
  if (!f.docker.reachable) return skip(kName, "needs the Docker daemon (see docker)");

  std::vector<std::string> missing, build, pulled;
  std::set<std::string> seen;
  size_t local = 0;
  for (const auto& need : f.chart.needs.images) {
    if (need.pull_policy == "Always" || !seen.insert(need.image).second) continue;
    auto it = f.docker.images.find(need.image);
    bool present = it != f.docker.images.end() && it->second;
    bool has_registry = !lint::parseImageRef(need.image).registry.empty();
    if (present) {
      ++local;
    } else if (need.pull_policy == "IfNotPresent" && has_registry) {
      pulled.push_back(need.image);
    } else {
      missing.push_back(
          fmt::format("{} ({}, pullPolicy {})", need.image, need.user, need.pull_policy));
      build.push_back("docker build -t " + need.image + " <its source directory>");
    }
  }
  if (!missing.empty()) {
    std::string list, remedy;
    for (size_t i = 0; i < missing.size(); ++i) {
      list += (i ? "; " : "") + missing[i];
      remedy += (i ? "; " : "") + build[i];
    }
    return fail(kName, "not in Docker's local images: " + list, remedy);
  }
  std::string message = fmt::format("{} local image{} present", local, local == 1 ? "" : "s");
  if (!pulled.empty()) {
    message += "; pulled at install: ";
    for (size_t i = 0; i < pulled.size(); ++i) message += (i ? ", " : "") + pulled[i];
  }
  return pass(kName, message);
}

}  // namespace taskmaster::preflight
