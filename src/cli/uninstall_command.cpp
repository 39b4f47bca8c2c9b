#include "cli/uninstall_command.h"

#include "deploy/commands.h"

namespace taskmaster::cli {

CLI::App* addUninstallCommand(CLI::App& app, DeployCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "uninstall", "Uninstall the release; keeps its data and namespace unless told otherwise");
  addReleaseOptions(cmd, o);
  cmd->add_flag("--purge-data", o.request.purge_data,
                "Also delete the release's PersistentVolumeClaims (its data)");
  cmd->add_flag("--delete-namespace", o.request.delete_namespace,
                "Also delete the namespace (only when nothing else lives in it)");
  addYesOption(cmd, o);
  return cmd;
}

int runUninstallCommand(DeployCommandOptions& o) {
  return deploy::runUninstall(resolveRequest(o, false));
}

}  // namespace taskmaster::cli
