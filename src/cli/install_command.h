// `helm taskmaster install [CHART]`: preflight and lint gates, helm upgrade
// --install --wait with rollback, rollout check, helm test, endpoints.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/deploy_options.h"

namespace taskmaster::cli {

CLI::App* addInstallCommand(CLI::App& app, DeployCommandOptions& options);
int runInstallCommand(DeployCommandOptions& options);

}  // namespace taskmaster::cli
