#include "preflight/preflight.h"

#include <future>

#include "common/error.h"
#include "preflight/checks/checks.h"
#include "preflight/probes.h"
#include "sys/tcp_probe.h"

namespace taskmaster::preflight {

const char* outcomeName(Outcome o) {
  switch (o) {
    case Outcome::Pass:
      return "pass";
    case Outcome::Warn:
      return "warn";
    case Outcome::Fail:
      return "fail";
    case Outcome::Skip:
      return "skip";
  }
  return "?";
}

bool PreflightReport::failed() const {
  for (const auto& c : checks)
    if (c.outcome == Outcome::Fail) return true;
  return false;
}

namespace {

void rejectUnknownIgnores(const std::set<std::string>& ignore) {
  std::string names;
  for (const auto& c : allChecks()) names += (names.empty() ? "" : ", ") + std::string(c.name);
  for (const auto& name : ignore) {
    bool known = false;
    for (const auto& c : allChecks()) known = known || name == c.name;
    if (!known)
      throw InputError("--ignore: unknown check \"" + name + "\" (checks: " + names + ")");
  }
}

// Gathers the facts with as much overlap as the dependencies allow: Helm and
// the chart, Docker and the kube context start together; the API server is
// asked once the context is known, the cluster's objects once the API server
// is ready and the chart says what to look for.
Facts gatherFacts(const PreflightOptions& o) {
  Facts f;
  f.options = &o;
  auto timeout = o.check_timeout;
  std::optional<kube::Kubectl> kubectl = kube::Kubectl::locate(o.target);

  auto helm_and_chart = std::async(std::launch::async, [&o] {
    HelmFacts helm = probeHelm();
    ChartFacts chart = probeChart(helm, o);
    return std::make_pair(std::move(helm), std::move(chart));
  });
  auto docker = std::async(std::launch::async, [timeout] { return probeDocker(timeout); });
  f.context = probeContext(kubectl, timeout);
  std::future<ApiFacts> api;
  if (f.context.exists && (f.context.local || o.allow_remote_context))
    api =
        std::async(std::launch::async, [&kubectl, timeout] { return probeApi(*kubectl, timeout); });

  std::tie(f.helm, f.chart) = helm_and_chart.get();
  f.docker = docker.get();
  std::future<std::map<std::string, bool>> images;
  if (f.docker.reachable && f.chart.rendered)
    images = std::async(std::launch::async, [&f, timeout] {
      return probeImages(imagesToInspect(f.chart.needs), timeout);
    });
  for (const auto& p : f.chart.needs.host_ports)
    f.local_ports_in_use[p.port] =
        sys::localPortAnswers(static_cast<int>(p.port), std::chrono::milliseconds(300));
  if (api.valid()) {
    f.api = api.get();
    if (f.api.ready) f.cluster = probeCluster(*kubectl, f.chart, o.render.namespace_, timeout);
  }
  if (images.valid()) f.docker.images = images.get();
  return f;
}

}  // namespace

PreflightReport runPreflight(const PreflightOptions& options) {
  rejectUnknownIgnores(options.ignore);
  Facts facts = gatherFacts(options);
  PreflightReport report;
  for (const auto& check : allChecks()) {
    CheckResult result = check.run(facts);
    if (result.outcome == Outcome::Fail && options.ignore.count(result.name)) {
      result.outcome = Outcome::Warn;
      result.message += " (ignored with --ignore " + result.name + ")";
    }
    report.checks.push_back(std::move(result));
  }
  return report;
}

}  // namespace taskmaster::preflight
