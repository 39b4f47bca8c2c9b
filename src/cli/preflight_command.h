// `helm taskmaster preflight [CHART]`: is Docker Desktop's Kubernetes ready
// for this chart? Exit 0 when every check passes or warns, 3 when one fails.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "preflight/preflight.h"

namespace taskmaster::cli {

struct PreflightCommandOptions {
  std::string chart;  // empty: the bundled chart
  preflight::PreflightOptions preflight;
  std::vector<std::string> ignore;
  std::string output = "text";
  int timeout_seconds = 10;
};

CLI::App* addPreflightCommand(CLI::App& app, PreflightCommandOptions& options);
int runPreflightCommand(PreflightCommandOptions& options);

inline constexpr int kExitPreflightFailed = 3;

}  // namespace taskmaster::cli
