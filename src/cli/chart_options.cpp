#include "cli/chart_options.h"

#include "sys/environment.h"

namespace taskmaster::cli {

void addChartOptions(CLI::App* cmd, render::RenderOptions& o) {
  o.namespace_ = sys::envOr("HELM_NAMESPACE", o.namespace_);
  cmd->add_option("-f,--values", o.values_files, "Values file for Helm (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--set", o.set, "Set values on the command line (passed to Helm)")
      ->allow_extra_args(false);
  cmd->add_option("--set-string", o.set_string, "Set STRING values (passed to Helm)")
      ->allow_extra_args(false);
  cmd->add_option("--set-file", o.set_file, "Set values from files (passed to Helm)")
      ->allow_extra_args(false);
  cmd->add_option("--release-name", o.release_name, "Release name")->capture_default_str();
  cmd->add_option("-n,--namespace", o.namespace_,
                  "Target namespace (default: $HELM_NAMESPACE, which Helm sets from -n)")
      ->capture_default_str();
  cmd->add_option(
      "--kube-version", o.kube_version,
      "Kubernetes version to render for (lint validates against its schema: 1.33, 1.36)");
  cmd->add_option("--api-versions", o.api_versions,
                  "Kubernetes API versions for Capabilities.APIVersions (repeatable)")
      ->allow_extra_args(false);
}

bool userChoseValues(const render::RenderOptions& o) {
  return !o.values_files.empty() || !o.set.empty() || !o.set_string.empty() || !o.set_file.empty();
}

}  // namespace taskmaster::cli
