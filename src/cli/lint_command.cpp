#include "cli/lint_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/chart_options.h"
#include "cli/lint_run.h"
#include "cli/lint_targets.h"
#include "cli/progress_line.h"
#include "common/error.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "render/line_map_cache.h"
#include "report/output_spec.h"
#include "sys/environment.h"
#include "sys/terminal.h"

namespace taskmaster::cli {

namespace {

void printMappingStats(const LintRun& run) {
  for (const auto& [chart, map] : run.charts) {
    const render::MappingStats& s = map->stats();
    std::cerr << fmt::format("debug: {}: {} of {} documents mapped to template lines\n", chart,
                             s.line_level, s.documents);
    for (const auto& src : s.file_level_sources)
      std::cerr << fmt::format("debug:   file level only: {}\n", src);
  }
}

}  // namespace

CLI::App* addLintCommand(CLI::App& app, LintCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "lint", "Render charts with Helm and lint the manifests; findings at template lines");
  cmd->add_option("paths", o.paths,
                  "Chart directories, packaged charts (.tgz), YAML files or directories of them; "
                  "- reads manifests from stdin")
      ->expected(0, -1);
  addChartOptions(cmd, o.render);
  cmd->add_option_function<std::vector<std::string>>(
         "-o,--output",
         [&o](const std::vector<std::string>& values) {
           std::string error = report::outputSpecsError(values);
           if (!error.empty()) throw CLI::ValidationError("--output", error);
           o.outputs = values;
         },
         "Report as FORMAT (text, json, sarif, junit, github) to stdout or to FILE; repeatable, "
         "at most one to stdout (default: text)")
      ->type_name("FORMAT[=FILE]")
      ->allow_extra_args(false);
  cmd->add_option("--fail-on", o.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  cmd->add_option("--only", o.only, "Run only these rules (repeatable)")->allow_extra_args(false);
  cmd->add_option("--disable", o.disabled, "Do not run these rules (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--rules-dir", o.rules_dirs, "Load more rule files from DIR (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--schema-dir", o.schema_dir,
                  "JSON schemas of more kinds, kubeconform-style <kind>-<group>-<version>.json "
                  "(e.g. CRDs the chart depends on); they override built-in ones");
  addRuleControlOptions(cmd, o.rule_controls);
  cmd->add_option("--values-set", o.values_sets,
                  "Lint a chart once per values set NAME=file1,file2 (repeatable; default: each "
                  "ci/*-values.yaml of the chart)")
      ->allow_extra_args(false);
  cmd->add_option("-j,--jobs", o.jobs, "Charts and values sets rendered at once (default: cores)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--no-line-cache", o.no_line_cache,
                "Do not reuse cached line maps of unchanged charts (see README)");
  cmd->add_option("--timeout", o.timeout_seconds, "Seconds each Helm render may take")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--debug", o.debug, "Print how well template lines were mapped (also $HELM_DEBUG)");
  return cmd;
}

int runLint(const LintCommandOptions& o) {
  // Profile, config file, annotations, exemptions, baseline: cli/rule_controls.h.
  RuleControls controls(o.rule_controls,
                        {o.only, o.disabled, o.rules_dirs, o.paths, o.render.namespace_,
                         o.render.kube_version, o.schema_dir});

  render::RenderOptions render = o.render;
  render.timeout = std::chrono::seconds(o.timeout_seconds);
  if (!o.no_line_cache) render.line_map_cache = render::defaultLineMapCacheDir();
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  // Values sets: --values-set, else the config file's valuesSets, else ci/.
  std::vector<ValuesSet> sets = parseValuesSetSpecs(o.values_sets);
  if (sets.empty() && controls.config())
    for (const auto& [name, files] : controls.config()->values_sets) sets.push_back({name, files});
  std::vector<LintTarget> targets = planTargets(paths, sets, userChoseValues(o.render));

  bool debug = o.debug || sys::helmDebug();
  LintRunOptions run_options;
  run_options.render = render;
  run_options.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  run_options.progress = sys::stderrIsInteractive() && !report::machineReportOnStdout(o.outputs);
  run_options.keep_line_maps = debug;
  LintRun run = runLintTargets(targets, run_options, [&](const manifest::ResourceSet& resources) {
    return controls.lintUnit(resources);
  });
  if (debug) printMappingStats(run);

  // Nothing could be linted: the errors are the whole answer.
  if (run.report.units.empty() && run.errors.size() == 1) throw InputError(run.errors[0]);
  for (const auto& e : run.errors) std::cerr << "helm taskmaster: " << e << '\n';
  if (run.report.units.empty() && !run.errors.empty()) return 2;

  report::Report& rep = run.report;
  controls.finish(rep);
  rep.rules = controls.enabled();
  report::writeOutputs(report::parseOutputSpecs(o.outputs), rep, std::cout,
                       {std::filesystem::current_path(), sys::stdoutWantsColor()});

  // Units that could not be linted are errors even when the others are fine.
  if (!run.errors.empty()) return 2;
  if (o.fail_on == "never") return 0;
  lint::Severity threshold = *lint::parseSeverity(o.fail_on);
  for (const auto& f : rep.findings)
    if (f.severity >= threshold) return 1;
  return 0;
}

}  // namespace taskmaster::cli
