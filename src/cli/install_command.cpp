#include "cli/install_command.h"

#include "deploy/commands.h"

namespace taskmaster::cli {

CLI::App* addInstallCommand(CLI::App& app, DeployCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "install", "Install (or update) TaskMaster: preflight, lint, helm, rollout check, helm test");
  addInstallLikeOptions(cmd, o);
  return cmd;
}

int runInstallCommand(DeployCommandOptions& o) {
  return deploy::runInstall(resolveRequest(o, true));
}

}  // namespace taskmaster::cli
