// `helm taskmaster lint [PATH...]`: render, parse, lint, report.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/rule_controls.h"
#include "render/helm_client.h"

namespace taskmaster::cli {

struct LintCommandOptions {
  std::vector<std::string> paths;
  render::RenderOptions render;
  std::vector<std::string> outputs;  // -o FORMAT[=FILE] (report/output_spec.h); none: text
  std::string fail_on = "error";
  RuleControlOptions rule_controls;  // --profile, --enable, --config, --baseline ...
  std::vector<std::string> only, disabled, rules_dirs, values_sets;
  std::string schema_dir;  // --schema-dir: JSON schemas of more kinds (schema/schema_dir.h)
  unsigned jobs = 0;       // 0: number of cores
  int timeout_seconds = 120;
  bool debug = false;
  bool no_line_cache = false;
};

CLI::App* addLintCommand(CLI::App& app, LintCommandOptions& options);

// Returns the exit code: 0 clean, 1 findings at or above --fail-on.
// Throws InputError (exit 2) for bad input.
int runLint(const LintCommandOptions& options);

}  // namespace taskmaster::cli
