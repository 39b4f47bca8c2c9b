// `helm taskmaster upgrade [CHART]`: an existing release only; shows the
// change plan and the new lint findings, asks on a terminal (or --yes), then
// does what install does.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/deploy_options.h"

namespace taskmaster::cli {

CLI::App* addUpgradeCommand(CLI::App& app, DeployCommandOptions& options);
int runUpgradeCommand(DeployCommandOptions& options);

}  // namespace taskmaster::cli
