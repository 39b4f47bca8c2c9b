// host-path-volume: hostPath volumes that reach into the node. A sensitive
// path (the Docker or containerd socket, `/`, /etc, /proc, /var/log, the
// kubelet's directory ...) is reported even when mounted read-only: the
// runtime socket alone is root on the node. Any other hostPath that a
// container mounts without `readOnly: true` is reported as writable: the
// container can plant files the node (or the next pod) trusts.
//
//   params: {sensitivePaths: [RE2, ...]}   # matched against the normalised path
//
// Paths are normalised first (`//` collapsed, trailing `/` removed).
#include <fmt/format.h>
#include <re2/re2.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"

namespace taskmaster::lint {

namespace {

std::string normalizePath(std::string_view path) {
  std::string out;
  for (char c : path)
    if (!(c == '/' && !out.empty() && out.back() == '/')) out.push_back(c);
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

class HostPathVolume : public Check {
 public:
  explicit HostPathVolume(std::vector<std::shared_ptr<const re2::RE2>> sensitive)
      : sensitive_(std::move(sensitive)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    if (!input.pod) return;
    yaml::Node volumes = input.pod->spec.get("volumes");
    for (size_t i = 0; i < volumes.size(); ++i) {
      yaml::Node volume = volumes.item(i);
      yaml::Node path = volume.get("hostPath").get("path");
      if (!path.isScalar() || path.scalar().empty()) continue;
      std::string normalized = normalizePath(path.scalar());
      std::string_view name = volume.get("name").str();
      if (isSensitive(normalized)) {
        sink.report(path, fmt::format("hostPath volume \"{}\" mounts the sensitive host path {}",
                                      name, normalized));
        continue;
      }
      for (const manifest::ContainerRef& c : input.containers()) {
        yaml::Node mounts = c.node.get("volumeMounts");
        for (size_t m = 0; m < mounts.size(); ++m) {
          yaml::Node mount = mounts.item(m);
          if (mount.get("name").str() != name || isTrue(mount.get("readOnly"))) continue;
          sink.report(mount,
                      fmt::format("{}: mounts hostPath {} (volume \"{}\") writable",
                                  containerLabel(c), normalized, name),
                      c.name);
        }
      }
    }
  }

 private:
  bool isSensitive(const std::string& path) const {
    for (const auto& re : sensitive_)
      if (re2::RE2::PartialMatch(path, *re)) return true;
    return false;
  }

  std::vector<std::shared_ptr<const re2::RE2>> sensitive_;
};

}  // namespace

std::unique_ptr<Check> makeHostPathVolume(const ParamReader& params) {
  params.allowOnly({"sensitivePaths"});
  return std::make_unique<HostPathVolume>(params.regexList("sensitivePaths", true));
}

}  // namespace taskmaster::lint
