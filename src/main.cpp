// Wires the command line to the commands; nothing else happens here.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "cli/install_command.h"
#include "cli/lint_command.h"
#include "cli/preflight_command.h"
#include "cli/rules_command.h"
#include "cli/uninstall_command.h"
#include "cli/upgrade_command.h"
#include "common/error.h"
#include "common/version.h"

namespace {
constexpr int kExitUsage = 2;
}

int main(int argc, char** argv) {
  // A child that exits before reading its stdin must not kill us.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app("Lint Helm charts at template lines; check and deploy TaskMaster AI.",
               "helm taskmaster");
  app.require_subcommand(1);
  app.set_version_flag("--version", taskmaster::kVersion);

  taskmaster::cli::LintCommandOptions lint_options;
  CLI::App* lint = taskmaster::cli::addLintCommand(app, lint_options);
  taskmaster::cli::RulesCommandOptions rules_options;
  taskmaster::cli::RulesCommand rules = taskmaster::cli::addRulesCommand(app, rules_options);
  taskmaster::cli::PreflightCommandOptions preflight_options;
  CLI::App* preflight = taskmaster::cli::addPreflightCommand(app, preflight_options);
  taskmaster::cli::DeployCommandOptions install_options, upgrade_options, uninstall_options;
  CLI::App* install = taskmaster::cli::addInstallCommand(app, install_options);
  CLI::App* upgrade = taskmaster::cli::addUpgradeCommand(app, upgrade_options);
  CLI::App* uninstall = taskmaster::cli::addUninstallCommand(app, uninstall_options);
  CLI::App* version = app.add_subcommand("version", "Print the plugin version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "helm taskmaster: " << e.what() << " (see helm taskmaster --help)\n";
    return kExitUsage;
  }

  try {
    if (version->parsed()) {
      std::cout << taskmaster::kVersion << '\n';
      return 0;
    }
    if (lint->parsed()) return taskmaster::cli::runLint(lint_options);
    if (preflight->parsed()) return taskmaster::cli::runPreflightCommand(preflight_options);
    if (install->parsed()) return taskmaster::cli::runInstallCommand(install_options);
    if (upgrade->parsed()) return taskmaster::cli::runUpgradeCommand(upgrade_options);
    if (uninstall->parsed()) return taskmaster::cli::runUninstallCommand(uninstall_options);
    if (rules.list->parsed())
      return taskmaster::cli::runRules(rules_options, rules.explain->parsed());
  } catch (const taskmaster::InputError& e) {
    std::cerr << "helm taskmaster: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "helm taskmaster: internal error: " << e.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}
