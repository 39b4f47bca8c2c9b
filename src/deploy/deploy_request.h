// Everything install, upgrade and uninstall are asked to do, resolved from
// the command line and Helm's environment (src/cli/deploy_options.h).
#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "kube/kubectl.h"
#include "render/helm_client.h"

namespace taskmaster::deploy {

struct DeployRequest {
  std::filesystem::path chart;   // install, upgrade
  render::RenderOptions render;  // release name, namespace, the user's values
  std::string namespace_note;    // why the namespace is not Helm's, if so
  kube::KubeTarget target;       // kubeconfig and context, for Helm and kubectl
  std::chrono::seconds timeout{std::chrono::minutes(5)};  // Helm's --timeout

  bool dry_run = false;
  bool yes = false;          // no confirmation question
  bool json_output = false;  // -o json: the result on stdout, the steps on stderr

  // Gates (install, upgrade).
  bool skip_preflight = false, skip_lint = false;
  bool allow_remote_context = false;
  std::set<std::string> preflight_ignore;
  std::string profile, config_file;  // lint rules, as for `lint`

  // uninstall
  bool purge_data = false, delete_namespace = false;
};

}  // namespace taskmaster::deploy
