// The Docker daemon through the docker CLI, which honours DOCKER_HOST and
// the active docker context exactly as the user's own commands do.
#include <future>

#include "preflight/probes.h"
#include "sys/environment.h"
#include "sys/process.h"

namespace taskmaster::preflight {

namespace {

std::string dockerBinary() {
  return sys::envOr("DOCKER_BIN", "docker");
}

// `docker info` prints JSON even when the daemon is down (with
// ServerErrors) and exits non-zero; the exit code decides.
std::string daemonError(const sys::ProcessResult& r) {
  if (r.timed_out) return "docker info timed out";
  try {
    auto j = nlohmann::json::parse(r.out);
    if (j.contains("ServerErrors") && j["ServerErrors"].is_array() && !j["ServerErrors"].empty())
      return j["ServerErrors"][0].get<std::string>();
  } catch (const nlohmann::json::exception&) {
  }
  size_t end = r.err.find_last_not_of(" \n\r\t");
  if (end == std::string::npos) return "docker info failed";
  size_t begin = r.err.rfind('\n', end);
  return r.err.substr(begin == std::string::npos ? 0 : begin + 1,
                      end - (begin == std::string::npos ? 0 : begin + 1) + 1);
}

}  // namespace

DockerFacts probeDocker(std::chrono::milliseconds timeout) {
  DockerFacts facts;
  facts.cli_found = sys::findInPath(dockerBinary()).has_value();
  if (!facts.cli_found) return facts;
  sys::ProcessResult r = sys::runProcess({dockerBinary(), "info", "--format", "{{json .}}"},
                                         sys::withTimeout(timeout));
  if (!r.ok()) {
    facts.error = daemonError(r);
    return facts;
  }
  try {
    facts.info = nlohmann::json::parse(r.out);
    facts.reachable = true;
  } catch (const nlohmann::json::exception&) {
    facts.error = "docker info printed something other than JSON";
  }
  return facts;
}

std::map<std::string, bool> probeImages(const std::vector<std::string>& images,
                                        std::chrono::milliseconds timeout) {
  std::vector<std::future<bool>> pending;
  for (const auto& image : images)
    pending.push_back(std::async(std::launch::async, [image, timeout] {
      return sys::runProcess({dockerBinary(), "image", "inspect", "--format", "{{.Id}}", image},
                             sys::withTimeout(timeout))
          .ok();
    }));
  std::map<std::string, bool> present;
  for (size_t i = 0; i < images.size(); ++i) present[images[i]] = pending[i].get();
  return present;
}

}  // namespace taskmaster::preflight
