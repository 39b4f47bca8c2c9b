#include "cli/lint_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/lint_inputs.h"
#include "common/error.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "render/line_map_cache.h"
#include "report/json_reporter.h"
#include "report/text_reporter.h"

namespace taskmaster::cli {

namespace {

std::string envOr(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

bool useColor() {
  if (std::getenv("NO_COLOR") != nullptr) return false;  // https://no-color.org
  if (envOr("TERM", "") == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

void printMappingStats(const LoadedInputs& in) {
  for (const auto& [chart, map] : in.charts) {
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
  o.render.namespace_ = envOr("HELM_NAMESPACE", "default");
  cmd->add_option("-f,--values", o.render.values_files, "Values file for Helm (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--set", o.render.set, "Set values on the command line (passed to Helm)")
      ->allow_extra_args(false);
  cmd->add_option("--set-string", o.render.set_string, "Set STRING values (passed to Helm)")
      ->allow_extra_args(false);
  cmd->add_option("--set-file", o.render.set_file, "Set values from files (passed to Helm)")
      ->allow_extra_args(false);
  cmd->add_option("--release-name", o.render.release_name, "Release name used to render")
      ->capture_default_str();
  cmd->add_option("-n,--namespace", o.render.namespace_,
                  "Target namespace (default: $HELM_NAMESPACE, which Helm sets from -n)")
      ->capture_default_str();
  cmd->add_option("--kube-version", o.render.kube_version, "Kubernetes version to render for");
  cmd->add_option("--api-versions", o.render.api_versions,
                  "Kubernetes API versions for Capabilities.APIVersions (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("-o,--output", o.output, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--fail-on", o.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  cmd->add_option("--only", o.only, "Run only these rules (repeatable)")->allow_extra_args(false);
  cmd->add_option("--disable", o.disabled, "Do not run these rules (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--rules-dir", o.rules_dirs, "Load more rule files from DIR (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--no-line-cache", o.no_line_cache,
                "Do not reuse cached line maps of unchanged charts (see README)");
  cmd->add_option("--timeout", o.timeout_seconds, "Seconds each Helm render may take")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--debug", o.debug, "Print how well template lines were mapped (also $HELM_DEBUG)");
  return cmd;
}

int runLint(const LintCommandOptions& o) {
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  for (const auto& dir : o.rules_dirs) catalogue.addDirectory(dir);
  std::vector<const lint::Rule*> enabled = catalogue.select(o.only, o.disabled);

  render::RenderOptions render = o.render;
  render.timeout = std::chrono::seconds(o.timeout_seconds);
  if (!o.no_line_cache) render.line_map_cache = render::defaultLineMapCacheDir();
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  LoadedInputs in = loadInputs(paths, render);
  if (o.debug || envOr("HELM_DEBUG", "") == "true" || envOr("HELM_DEBUG", "") == "1")
    printMappingStats(in);

  report::Report rep;
  rep.resources = in.resources.resources.size();
  rep.findings = lint::lint(in.resources, enabled, lint::LintContext{render.namespace_});
  if (o.output == "json")
    report::writeJson(std::cout, rep);
  else
    report::writeText(std::cout, rep, useColor());
  std::cout.flush();

  if (o.fail_on == "never") return 0;
  lint::Severity threshold = *lint::parseSeverity(o.fail_on);
  for (const auto& f : rep.findings)
    if (f.severity >= threshold) return 1;
  return 0;
}

}  // namespace taskmaster::cli
