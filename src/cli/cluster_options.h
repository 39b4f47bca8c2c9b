// Options that choose the cluster and the release, shared by preflight and
// the deploy commands. Helm strips its own --kube-context/--kubeconfig/-n
// before calling a plugin and passes them as HELM_KUBECONTEXT, KUBECONFIG and
// HELM_NAMESPACE; the same flags are accepted here for direct use.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "kube/kubectl.h"
#include "render/helm_client.h"

namespace taskmaster::cli {

inline constexpr const char* kDefaultRelease = "taskmaster";
inline constexpr const char* kDefaultNamespace = "taskmaster";

// --kube-context and --kubeconfig, defaulting to Helm's environment.
void addClusterOptions(CLI::App* cmd, kube::KubeTarget& target);

// Helm's default namespace `default` becomes `taskmaster`; returns the note
// to print when that happened, else empty.
std::string resolveReleaseNamespace(render::RenderOptions& render);

}  // namespace taskmaster::cli
