// `helm taskmaster uninstall`: helm uninstall, keeping the data
// (PersistentVolumeClaims) unless --purge-data and the namespace unless
// --delete-namespace.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/deploy_options.h"

namespace taskmaster::cli {

CLI::App* addUninstallCommand(CLI::App& app, DeployCommandOptions& options);
int runUninstallCommand(DeployCommandOptions& options);

}  // namespace taskmaster::cli
