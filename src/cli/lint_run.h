// Runs a whole lint: every target, every values set of every chart, in
// parallel; the run never stops at the first failing unit. Findings that
// several values sets of a chart share are reported once, naming the sets.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/lint_targets.h"
#include "lint/finding.h"
#include "manifest/resource.h"
#include "render/chart_renderer.h"
#include "render/helm_client.h"
#include "report/report.h"

namespace taskmaster::cli {

// Lints the resources of one unit. Called from worker threads.
using UnitLinter = std::function<std::vector<lint::Finding>(const manifest::ResourceSet&)>;

struct LintRunOptions {
  render::RenderOptions render;  // the user's chart options, shared by all sets
  unsigned jobs = 1;             // units loaded at once
  bool progress = false;         // a progress line on stderr
  // Keep each chart's line map for LintRun::charts (--debug). Otherwise it
  // is dropped once the unit is linted, which cancels an instrumented render
  // that no finding needed instead of letting it compete with other units.
  bool keep_line_maps = false;
};

struct LintRun {
  report::Report report;  // findings merged across values sets, units listed
  // One line per unit that could not be linted (Helm failing, bad YAML ...).
  std::vector<std::string> errors;
  // Rendered charts and their line maps, for --debug.
  std::vector<std::pair<std::string, std::shared_ptr<const render::RenderedLineMap>>> charts;
};

LintRun runLintTargets(const std::vector<LintTarget>& targets, const LintRunOptions& options,
                       const UnitLinter& lint_unit);

}  // namespace taskmaster::cli
