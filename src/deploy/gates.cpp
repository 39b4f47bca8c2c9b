#include "deploy/gates.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/lint_inputs.h"
#include "cli/rule_controls.h"
#include "common/error.h"
#include "deploy/plan_output.h"
#include "preflight/preflight.h"
#include "preflight/preflight_output.h"
#include "render/line_map_cache.h"

namespace taskmaster::deploy {

namespace {

constexpr size_t kMaxFindingLines = 40;

std::unique_ptr<cli::RuleControls> gateRules(const Session& s) {
  const DeployRequest& r = s.request();
  cli::RuleControlOptions options;
  options.profile = r.profile;
  options.config_file = r.config_file;
  cli::RuleSelection selection;
  selection.paths = {r.chart.string()};
  selection.target_namespace = r.render.namespace_;
  selection.kube_version = r.render.kube_version;
  return std::make_unique<cli::RuleControls>(options, selection);
}

std::vector<lint::Finding> lintWith(cli::RuleControls& controls,
                                    const manifest::ResourceSet& resources) {
  report::Report report;
  report.findings = controls.lintUnit(resources);
  controls.finish(report);
  return std::move(report.findings);
}

void loudSkip(Session& s, const std::string& step, const std::string& what) {
  s.log().record(step, StepStatus::Skipped, what);
  std::cerr << "helm taskmaster " << s.command() << ": WARNING: " << what << '\n';
}

}  // namespace

bool runPreflightGate(Session& s) {
  const DeployRequest& r = s.request();
  if (r.skip_preflight) {
    loudSkip(s, "preflight",
             "--skip-preflight: Docker Desktop, its Kubernetes and the images were NOT checked");
    return true;
  }
  s.log().start("preflight");
  preflight::PreflightOptions options;
  options.chart = r.chart;
  options.render = r.render;
  options.target = r.target;
  options.allow_remote_context = r.allow_remote_context;
  options.ignore = r.preflight_ignore;
  preflight::PreflightReport report = preflight::runPreflight(options);
  size_t counts[4] = {0, 0, 0, 0};
  std::vector<std::string> lines;
  for (const auto& c : report.checks) {
    ++counts[static_cast<int>(c.outcome)];
    if (c.outcome == preflight::Outcome::Pass) continue;
    lines.push_back(fmt::format("{}: {}: {}", preflight::outcomeName(c.outcome), c.name,
                                s.redactor().redact(c.message)));
    if (!c.remedy.empty()) lines.push_back("  fix: " + c.remedy);
  }
  s.resultJson()["preflight"] = preflight::toJson(report);
  std::string detail = fmt::format("{} passed, {} warning{}, {} failed, {} skipped", counts[0],
                                   counts[1], counts[1] == 1 ? "" : "s", counts[2], counts[3]);
  bool failed = report.failed();
  s.log().finish(failed      ? StepStatus::Failed
                 : counts[1] ? StepStatus::Warn
                             : StepStatus::Ok,
                 detail);
  s.log().details(lines);
  return !failed;
}

std::optional<manifest::ResourceSet> runRenderAndLintGate(Session& s) {
  const DeployRequest& r = s.request();
  s.log().start("render");
  std::unique_ptr<cli::RuleControls> controls = gateRules(s);
  s.useCatalogue(controls->catalogue());
  render::RenderOptions options = r.render;
  options.line_map_cache = render::defaultLineMapCacheDir();
  cli::LoadedUnit unit;
  try {
    unit = cli::loadChart(s.helmClient(), r.chart.string(), options);
  } catch (const InputError& e) {
    // The chart refuses these values (a required value, a schema violation):
    // Helm would refuse them too.
    s.log().finish(StepStatus::Failed, s.redactor().redact(e.what()));
    return std::nullopt;
  }
  s.redactor().collect(unit.resources, s.masker());
  s.log().finish(StepStatus::Ok, fmt::format("{} objects from {}", unit.resources.resources.size(),
                                             r.chart.string()));
  if (r.skip_lint) {
    loudSkip(s, "lint", "--skip-lint: the rendered manifests were NOT linted");
    return std::move(unit.resources);
  }

  s.log().start("lint");
  std::vector<lint::Finding> findings = lintWith(*controls, unit.resources);
  bool errors = false, warnings = false;
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::vector<std::string> lines;
  for (const auto& f : findings) {
    errors |= f.severity == lint::Severity::Error;
    warnings |= f.severity == lint::Severity::Warning;
    json.push_back(findingToJson(f));
    if (lines.size() < kMaxFindingLines) lines.push_back(findingLine(f));
  }
  if (findings.size() > kMaxFindingLines)
    lines.push_back(fmt::format("... {} more (helm taskmaster lint {} shows all)",
                                findings.size() - kMaxFindingLines, r.chart.string()));
  s.resultJson()["lint"] = {{"profile", controls->profile()}, {"findings", json}};
  s.log().finish(errors     ? StepStatus::Failed
                 : warnings ? StepStatus::Warn
                            : StepStatus::Ok,
                 findingCounts(findings) + " (profile " + controls->profile() + ")");
  s.log().details(lines);
  if (errors) return std::nullopt;
  return std::move(unit.resources);
}

std::vector<lint::Finding> lintLikeTheGate(const Session& s,
                                           const manifest::ResourceSet& resources) {
  return lintWith(*gateRules(s), resources);
}

}  // namespace taskmaster::deploy
