// docker: the CLI, a reachable daemon, and that it is Docker Desktop (whose
// image store its Kubernetes uses), with the CPUs and memory it was given.
#include <fmt/format.h>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

namespace {
constexpr double kMinMemory = 4.0 * 1024 * 1024 * 1024;  // backend, frontend, Postgres, system
}

CheckResult checkDocker(const Facts& f) {
  constexpr const char* kName = "docker";
  const DockerFacts& d = f.docker;
  if (!d.cli_found)
    return fail(kName, "the docker CLI is not on PATH",
                "install Docker Desktop (https://docs.docker.com/desktop/) and open it once");
  if (!d.reachable)
    return fail(kName, "the Docker daemon is not reachable: " + d.error,
                "start Docker Desktop and wait until it says \"Engine running\"; check "
                "`docker context ls` points at desktop-linux");
  std::string os = d.info.value("OperatingSystem", "");
  std::string name = d.info.value("Name", "");
  double memory = d.info.value("MemTotal", 0.0);
  long long cpus = d.info.value("NCPU", 0LL);
  std::string engine = fmt::format("{} {}, {} CPUs, {}", os.empty() ? "engine" : os,
                                   d.info.value("ServerVersion", "?"), cpus, formatBytes(memory));
  if (os != "Docker Desktop" && name != "docker-desktop")
    return warn(kName, "the Docker engine is not Docker Desktop: " + engine,
                "switch with `docker context use desktop-linux`, or make sure your cluster can "
                "see this engine's images");
  if (memory > 0 && memory < kMinMemory)
    return warn(kName, "Docker Desktop has only " + formatBytes(memory) + " of memory: " + engine,
                "raise it to 4 GiB or more in Docker Desktop → Settings → Resources");
  return pass(kName, engine);
}

}  // namespace taskmaster::preflight
