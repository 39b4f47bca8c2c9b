// The options install, upgrade and uninstall share, and how they become a
// deploy::DeployRequest (src/deploy/deploy_request.h).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "deploy/deploy_request.h"

namespace taskmaster::cli {

struct DeployCommandOptions {
  std::string chart;  // empty: the bundled chart
  deploy::DeployRequest request;
  std::string timeout = "5m";
  std::string output = "text";
  std::vector<std::string> preflight_ignore;
};

// [CHART], the chart options of `lint` (values, --release-name default
// "taskmaster", -n), --kube-context/--kubeconfig, --timeout, --dry-run, -o,
// and the gates' options (--skip-preflight, --skip-lint, --allow-remote-context,
// --preflight-ignore, --profile, --config).
void addInstallLikeOptions(CLI::App* command, DeployCommandOptions& options);

// --release-name, -n, --kube-context/--kubeconfig, --timeout, --dry-run, -o.
void addReleaseOptions(CLI::App* command, DeployCommandOptions& options);

// --yes: no question on a terminal.
void addYesOption(CLI::App* command, DeployCommandOptions& options);

// Resolves the chart (bundled when none is given), the namespace (Helm's
// "default" becomes "taskmaster") and the timeout; InputError when unusable.
deploy::DeployRequest resolveRequest(DeployCommandOptions& options, bool needs_chart);

}  // namespace taskmaster::cli
