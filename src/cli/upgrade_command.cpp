#include "cli/upgrade_command.h"

#include "deploy/commands.h"

namespace taskmaster::cli {

CLI::App* addUpgradeCommand(CLI::App& app, DeployCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "upgrade", "Upgrade the release: show what changes, ask, then deploy and verify");
  addInstallLikeOptions(cmd, o);
  addYesOption(cmd, o);
  return cmd;
}

int runUpgradeCommand(DeployCommandOptions& o) {
  return deploy::runUpgrade(resolveRequest(o, true));
}

}  // namespace taskmaster::cli
