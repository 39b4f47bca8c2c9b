// Where a deploy command acts: release, namespace, cluster and chart, from
// the command line and what Helm passes to plugins (HELM_NAMESPACE from -n,
// HELM_KUBECONTEXT from --kube-context, KUBECONFIG, HELM_PLUGIN_DIR).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "kube/kubectl.h"

namespace taskmaster::deploy {

constexpr const char* kDefaultRelease = "taskmaster";
constexpr const char* kDefaultNamespace = "taskmaster";

struct NamespaceChoice {
  std::string name;
  std::string note;  // why, when it is not what the user gave; empty otherwise
};

// `given` is -n/--namespace on the command itself (Helm takes its own -n and
// passes it as `helm_namespace`). Helm's default "default" becomes
// "taskmaster": TaskMaster never belongs in the default namespace.
NamespaceChoice chooseNamespace(const std::optional<std::string>& given,
                                const std::string& helm_namespace);

// The chart installed when none is named: $HELM_PLUGIN_DIR/charts/taskmaster
// when Helm runs the plugin, else the charts/taskmaster of the tree the
// binary was built or installed in (the binary is in bin/ or build/ of it).
// nullopt when neither exists.
std::optional<std::filesystem::path> bundledChart(const std::string& plugin_dir,
                                                  const std::filesystem::path& executable);
// This program's own path (/proc/self/exe); empty when unknown.
std::filesystem::path currentExecutable();

struct DeployTarget {
  std::string release = kDefaultRelease;
  NamespaceChoice namespace_;
  kube::KubeTarget kube;  // kubeconfig and context, shared by Helm and kubectl
  std::filesystem::path chart;
};

}  // namespace taskmaster::deploy
