#include "deploy/release_step.h"

#include <fmt/format.h>

#include "cli/lint_inputs.h"
#include "common/error.h"
#include "deploy/gates.h"
#include "deploy/lint_delta.h"
#include "deploy/plan_output.h"

namespace taskmaster::deploy {

namespace {

constexpr std::chrono::seconds kReadTimeout{60};

manifest::ResourceSet withoutHooks(const manifest::ResourceSet& set) {
  manifest::ResourceSet out;
  out.streams = set.streams;
  for (const auto& r : set.resources)
    if (!isHelmHook(r)) out.resources.push_back(r);
  return out;
}

}  // namespace

std::optional<ReleaseBefore> lookUpRelease(Session& s) {
  s.log().start("release");
  Argv argv = s.helm().history();
  sys::ProcessResult r = s.run(argv, kReadTimeout);
  ReleaseBefore out;
  if (!r.ok() && isReleaseNotFound(r.err)) {
    s.planJson()["release"] = {{"exists", false}};
    s.log().finish(StepStatus::Ok,
                   fmt::format("{} is not installed in namespace {}", s.release(), s.namespace_()));
    return out;
  }
  auto history = r.ok() ? parseHistory(r.out) : std::nullopt;
  if (!history) {
    s.log().finish(StepStatus::Failed,
                   "cannot read the release history: " +
                       s.redactor().redact(r.ok() ? "Helm printed something other than JSON"
                                                  : render::helmErrorLine(r.err)));
    s.log().details({"command: " + s.shown(argv)});
    return std::nullopt;
  }
  out.exists = true;
  out.history = std::move(*history);
  const Revision* latest = out.history.latest();
  const Revision* deployed = out.history.lastDeployed();
  nlohmann::ordered_json json = {{"exists", true}};
  if (latest) json["revision"] = latest->number, json["status"] = latest->status;
  if (deployed) json["deployedRevision"] = deployed->number;
  s.planJson()["release"] = json;
  std::string detail =
      latest ? fmt::format("revision {} is {} ({})", latest->number, latest->status, latest->chart)
             : "installed";
  if (out.history.stuck()) {
    s.log().finish(StepStatus::Failed, detail + ": an earlier Helm operation never finished");
    std::vector<std::string> fix = {"Helm refuses to change the release until it is recovered:"};
    if (deployed)
      fix.push_back("  " + s.shown(s.helm().rollback(deployed->number)));
    else
      fix.push_back("  " + s.shown(s.helm().uninstall(s.request().timeout)) +
                    "   (no revision was ever deployed)");
    s.log().details(fix);
    return std::nullopt;
  }
  s.log().finish(StepStatus::Ok, detail);
  return out;
}

bool showChangePlan(Session& s, const manifest::ResourceSet& render, ReleaseBefore& release) {
  s.log().start("plan");
  Argv argv = s.helm().getManifest();
  sys::ProcessResult r = s.run(argv, kReadTimeout);
  if (!r.ok()) {
    s.log().finish(StepStatus::Failed, "cannot read the deployed manifest: " +
                                           s.redactor().redact(render::helmErrorLine(r.err)));
    s.log().details({"command: " + s.shown(argv)});
    return false;
  }
  const Revision* latest = release.history.latest();
  std::string label =
      fmt::format("helm get manifest {} (revision {})", s.release(), latest ? latest->number : 0);
  cli::LoadedUnit live;
  try {
    live = cli::loadManifestText(std::move(r.out), label);
  } catch (const InputError& e) {
    s.log().finish(StepStatus::Failed, s.redactor().redact(e.what()));
    return false;
  }
  // The values of the old secrets must not show either.
  s.redactor().collect(live.resources, s.masker());

  ChangePlan plan = computeChangePlan(live.resources, render, s.namespace_(), s.masker());
  std::vector<std::string> lines = planLines(plan, s.namespace_());
  s.planJson()["changes"] = planToJson(plan);

  std::vector<lint::Finding> fresh;
  if (!s.request().skip_lint) {
    fresh = newFindings(lintLikeTheGate(s, withoutHooks(live.resources)),
                        lintLikeTheGate(s, withoutHooks(render)), s.namespace_());
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    if (!fresh.empty())
      lines.push_back(
          fmt::format("lint findings new since revision {}:", latest ? latest->number : 0));
    for (const auto& f : fresh) {
      json.push_back(findingToJson(f));
      lines.push_back("  " + findingLine(f));
    }
    s.planJson()["lintDelta"] = json;
  }
  std::string detail = plan.empty() ? "no changes (" + planSummary(plan) + ")" : planSummary(plan);
  if (!s.request().skip_lint)
    detail += fresh.empty() ? "; no new lint findings"
                            : fmt::format("; {} new lint findings", fresh.size());
  s.log().finish(StepStatus::Ok, detail);
  s.log().details(lines);
  release.plan = std::move(plan);
  return true;
}

}  // namespace taskmaster::deploy
