#include "deploy/apply.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cctype>
#include <thread>

#include "deploy/command_text.h"
#include "deploy/diagnostics.h"
#include "deploy/endpoints.h"
#include "deploy/exit_codes.h"
#include "deploy/failure_evidence.h"
#include "deploy/kubectl_commands.h"
#include "deploy/rollout_watch.h"
#include "sys/interrupt.h"

namespace taskmaster::deploy {

namespace {

using namespace std::chrono_literals;

constexpr auto kReadTimeout = 60s;
constexpr auto kPollInterval = 1s;

struct Commands {
  Argv helm, snapshot, test, services, notes;
};

Commands commandsOf(const Session& s) {
  const DeployRequest& r = s.request();
  Argv values;
  render::appendValuesArgs(values, r.render);
  return {s.helm().upgradeInstall(r.chart, values, r.timeout),
          s.kubectl().argv(kubectl_args::workloadSnapshot(s.namespace_())),
          s.helm().test(r.timeout), s.kubectl().argv(kubectl_args::services(s.namespace_())),
          s.helm().getNotes()};
}

// Helm's own process limit: its --wait, then a rollback that waits again.
std::chrono::milliseconds helmProcessLimit(const DeployRequest& r) {
  return 2 * r.timeout + 120s;
}

std::string kindCounts(const std::vector<WorkloadRef>& refs) {
  size_t deployments = 0, statefulsets = 0;
  for (const auto& w : refs) (w.kind == "Deployment" ? deployments : statefulsets)++;
  std::vector<std::string> parts;
  if (deployments)
    parts.push_back(fmt::format("{} Deployment{}", deployments, deployments == 1 ? "" : "s"));
  if (statefulsets)
    parts.push_back(fmt::format("{} StatefulSet{}", statefulsets, statefulsets == 1 ? "" : "s"));
  return parts.empty() ? "no Deployments or StatefulSets"
                       : fmt::format("{}", fmt::join(parts, ", "));
}

// Helm 3 and 4 both report "REVISION: 3" after an upgrade.
std::optional<int> revisionFromOutput(const std::string& out) {
  size_t at = out.find("REVISION: ");
  if (at == std::string::npos) return std::nullopt;
  int revision = 0;
  bool digits = false;
  for (size_t i = at + 10; i < out.size() && std::isdigit(static_cast<unsigned char>(out[i])); ++i)
    revision = revision * 10 + (out[i] - '0'), digits = true;
  return digits ? std::optional<int>(revision) : std::nullopt;
}

std::vector<std::string> unhealthyNames(const ClusterSnapshot& snapshot) {
  std::vector<std::string> out;
  for (const auto& w : snapshot.workloads)
    if (!w.healthy()) out.push_back(w.label());
  return out;
}

DiagnosticsOptions diagnosticsFor(const Session& s) {
  DiagnosticsOptions o;
  o.namespace_ = s.namespace_();
  return o;
}

struct ReleaseNow {
  bool exists = true;
  std::string text;
};

// What the release looks like now, for the lines after a failure.
ReleaseNow releaseStateNow(const Session& s) {
  sys::ProcessResult r = s.run(s.helm().history(), 30s);
  if (!r.ok() && isReleaseNotFound(r.err))
    return {false, "the release no longer exists: Helm removed the failed first install"};
  auto history = r.ok() ? parseHistory(r.out) : std::nullopt;
  if (!history || !history->latest()) return {true, "the release state could not be read"};
  const Revision* latest = history->latest();
  std::string text =
      fmt::format("the release is at revision {} ({}", latest->number, latest->status);
  if (!latest->description.empty()) text += ": " + s.redactor().redact(latest->description);
  return {true, text + ")"};
}

std::vector<std::string> afterFailureLines(const Session& s, const ReleaseBefore& before) {
  ReleaseNow now = releaseStateNow(s);
  std::vector<std::string> lines = {now.text};
  if (!now.exists) return lines;
  lines.push_back("look:     " + s.shown(s.helm().historyForPeople()));
  const Revision* deployed = before.exists ? before.history.lastDeployed() : nullptr;
  if (deployed)
    lines.push_back(fmt::format("go back:  {}   (revision {}, deployed before this run)",
                                s.shown(s.helm().rollback(deployed->number)), deployed->number));
  else
    lines.push_back("clean up: " + s.shown(s.helm().uninstall(s.request().timeout)));
  return lines;
}

void planOnly(Session& s, const Commands& c) {
  for (const Argv* argv : {&c.helm, &c.snapshot, &c.test, &c.services, &c.notes}) s.plan(*argv);
  s.log().record("helm", StepStatus::Planned, "would run: " + s.shown(c.helm));
  s.log().record("rollout", StepStatus::Planned, "would run: " + s.shown(c.snapshot));
  s.log().record("test", StepStatus::Planned, "would run: " + s.shown(c.test));
  s.log().record("endpoints", StepStatus::Planned,
                 "would run: " + s.shown(c.services) + " and " + s.shown(c.notes));
}

struct HelmOutcome {
  int exit_code = kExitOk;
  int revision = 0;
};

HelmOutcome runHelm(Session& s, const Commands& c, const std::vector<WorkloadRef>& refs,
                    const ReleaseBefore& before) {
  s.plan(c.helm);
  s.log().start("helm");
  sys::InterruptGuard guard;
  std::atomic<bool> told{false};
  FailureEvidence evidence(s.kubectl(), s.redactor(), diagnosticsFor(s));
  RolloutWatch watch(
      s.kubectl(), s.namespace_(), refs,
      [&](const ClusterSnapshot& snapshot) {
        if (guard.interrupted() && !told.exchange(true))
          s.log().line(
              "Ctrl-C: Helm was asked to stop waiting; it records the release as failed "
              "and rolls back (" +
              s.helm().rollbackFlag() + "). Waiting for it to finish ...");
        s.log().live(snapshot.progressText());
        if (!guard.interrupted()) evidence.look(snapshot);
      },
      kPollInterval);
  sys::ProcessOptions options = s.processOptions(helmProcessLimit(s.request()));
  options.interrupts = &guard.count();
  sys::ProcessResult r = sys::runProcess(c.helm, options);
  watch.stop();

  HelmOutcome outcome;
  if (guard.interrupted()) {
    s.log().finish(StepStatus::Interrupted, "Ctrl-C: Helm stopped waiting");
    std::vector<std::string> lines = afterFailureLines(s, before);
    lines.push_back("retry:    helm taskmaster " + s.command() + " (with the same options)");
    s.log().details(lines);
    outcome.exit_code = kExitInterrupted;
    return outcome;
  }
  if (!r.ok()) {
    std::string error = r.timed_out
                            ? "Helm did not finish within " +
                                  std::to_string(helmProcessLimit(s.request()).count() / 1000) + "s"
                            : s.redactor().redact(render::helmErrorLine(r.err));
    std::optional<ClusterSnapshot> seen = watch.lastTrouble();
    if (!seen) seen = readWorkloads(s.kubectl(), s.namespace_(), refs);
    std::vector<std::string> names = seen ? unhealthyNames(*seen) : std::vector<std::string>{};
    std::string detail = "helm upgrade --install failed: " + error;
    if (!names.empty()) detail += fmt::format("; not ready: {}", fmt::join(names, ", "));
    s.log().finish(StepStatus::Failed, detail);
    std::vector<std::string> lines;
    if (seen)
      lines = diagnoseWorkloads(s.kubectl(), *seen, s.redactor(), diagnosticsFor(s),
                                evidence.captured());
    for (auto& l : afterFailureLines(s, before)) lines.push_back(l);
    lines.push_back("pods:     " +
                    commandLine(s.kubectl().argv({"get", "pods", "--namespace", s.namespace_()})));
    s.log().details(lines);
    s.resultJson()["notReady"] = names;
    outcome.exit_code = kExitDeployFailed;
    return outcome;
  }
  outcome.revision = revisionFromOutput(r.out).value_or(0);
  s.log().finish(StepStatus::Ok, fmt::format("revision {} deployed", outcome.revision));
  s.resultJson()["revision"] = outcome.revision;
  return outcome;
}

// Helm's --wait accepts a Deployment with maxUnavailable pods still missing;
// the rollout step waits (within --timeout) for all of them.
int verifyRollout(Session& s, const std::vector<WorkloadRef>& refs) {
  if (refs.empty()) {
    s.log().record("rollout", StepStatus::Ok, "the release has no Deployments or StatefulSets");
    return kExitOk;
  }
  s.plan(s.kubectl().argv(kubectl_args::workloadSnapshot(s.namespace_())));
  s.log().start("rollout");
  auto deadline =
      std::chrono::steady_clock::now() + std::min<std::chrono::seconds>(s.request().timeout, 120s);
  std::optional<ClusterSnapshot> snapshot;
  std::string error;
  for (;;) {
    snapshot = readWorkloads(s.kubectl(), s.namespace_(), refs, &error);
    if (snapshot && snapshot->allHealthy()) break;
    if (snapshot) s.log().live(snapshot->progressText());
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(kPollInterval);
  }
  if (!snapshot) {
    s.log().finish(StepStatus::Failed, "cannot read the workloads: " + error);
    return kExitDeployFailed;
  }
  int pods = 0, ready = 0;
  for (const auto& w : snapshot->workloads)
    for (const auto& p : w.pods) ++pods, ready += p.ready;
  std::string detail =
      fmt::format("{} rolled out; {}/{} pods ready", kindCounts(refs), ready, pods);
  if (!snapshot->allHealthy()) {
    std::vector<std::string> names = unhealthyNames(*snapshot);
    s.log().finish(StepStatus::Failed, fmt::format("not ready: {}", fmt::join(names, ", ")));
    s.log().details(diagnoseWorkloads(s.kubectl(), *snapshot, s.redactor(), diagnosticsFor(s)));
    s.resultJson()["notReady"] = names;
    return kExitDeployFailed;
  }
  s.log().finish(StepStatus::Ok, detail);
  return kExitOk;
}

std::vector<PodState> testPods(const manifest::ResourceSet& render) {
  std::vector<PodState> out;
  for (const auto& r : render.resources) {
    if (r.id.kind != "Pod" || !r.isHelmTestHook()) continue;
    PodState p;
    p.name = r.id.name;
    yaml::Node containers = r.root.path({"spec", "containers"});
    for (size_t i = 0; i < containers.size(); ++i)
      p.containers.emplace_back(containers.item(i).get("name").str());
    out.push_back(std::move(p));
  }
  return out;
}

int runTests(Session& s, const Commands& c, const manifest::ResourceSet& render) {
  s.plan(c.test);
  s.log().start("test");
  std::vector<PodState> pods = testPods(render);
  sys::InterruptGuard guard;
  sys::ProcessOptions options = s.processOptions(s.request().timeout + 60s);
  options.interrupts = &guard.count();
  sys::ProcessResult r = sys::runProcess(c.test, options);
  if (guard.interrupted()) {
    s.log().finish(StepStatus::Interrupted,
                   "Ctrl-C: helm test stopped; the release stays deployed");
    s.log().details({"run the tests again: " + s.shown(c.test)});
    return kExitInterrupted;
  }
  if (!r.ok()) {
    s.log().finish(StepStatus::Failed,
                   "helm test failed: " + s.redactor().redact(render::helmErrorLine(r.err)));
    std::vector<std::string> lines;
    for (const PodState& pod : pods)
      for (auto& l : diagnosePod(s.kubectl(), pod, s.redactor(), diagnosticsFor(s)).lines)
        lines.push_back(l);
    lines.push_back("run again: " + s.shown(c.test));
    s.log().details(lines);
    return kExitDeployFailed;
  }
  s.log().finish(StepStatus::Ok, pods.empty() ? "helm test passed (the chart has no tests)"
                                              : fmt::format("{} test pod{} passed", pods.size(),
                                                            pods.size() == 1 ? "" : "s"));
  return kExitOk;
}

void showEndpoints(Session& s, const Commands& c, const manifest::ResourceSet& render) {
  s.plan(c.services);
  s.plan(c.notes);
  s.log().start("endpoints");
  auto services = s.kubectl().getJson(kubectl_args::services(s.namespace_()), kReadTimeout);
  std::string kubectl_prefix = commandLine(s.kubectl().argv({}));
  std::vector<Endpoint> endpoints = appEndpoints(
      render, services.value ? *services.value : nlohmann::json(), s.namespace_(), kubectl_prefix);
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::vector<std::string> lines;
  for (const auto& e : endpoints) {
    lines.push_back(describe(e));
    json.push_back({{"object", e.object}, {"url", e.url}, {"command", e.command}});
  }
  s.resultJson()["endpoints"] = json;
  sys::ProcessResult notes = s.run(c.notes, kReadTimeout);
  std::string text = notes.ok() ? s.redactor().redact(notes.out) : std::string();
  if (text.rfind("NOTES:\n", 0) == 0) text.erase(0, 7);
  text.erase(0, std::min(text.find_first_not_of('\n'), text.size()));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  s.resultJson()["notes"] = text;
  std::size_t published = 0;
  for (const auto& e : endpoints) published += e.command.empty();
  s.log().finish(StepStatus::Ok,
                 endpoints.empty() ? "no Services or Ingresses to reach"
                                   : fmt::format("{} published on this machine, {} by port-forward",
                                                 published, endpoints.size() - published));
  s.log().details(lines);
  if (!text.empty()) {
    s.log().line("NOTES:");
    s.log().line(text);
  }
}

}  // namespace

int applyRelease(Session& s, const manifest::ResourceSet& render, const ReleaseBefore& before) {
  Commands c = commandsOf(s);
  if (s.request().dry_run) {
    planOnly(s, c);
    return kExitOk;
  }
  std::vector<WorkloadRef> refs = workloadsOf(render);
  HelmOutcome helm = runHelm(s, c, refs, before);
  if (helm.exit_code != kExitOk) return helm.exit_code;
  if (int code = verifyRollout(s, refs); code != kExitOk) return code;
  if (int code = runTests(s, c, render); code != kExitOk) return code;
  showEndpoints(s, c, render);
  return kExitOk;
}

}  // namespace taskmaster::deploy
