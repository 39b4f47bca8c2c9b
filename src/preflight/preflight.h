// `helm taskmaster preflight`: every reason an install of the chart into
// Docker Desktop's Kubernetes would fail, each with the command that fixes it.
// The checks (one per file in this folder) run concurrently where they are
// independent; one that depends on a failed check is skipped with the reason.
#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "kube/kubectl.h"
#include "render/helm_client.h"

namespace taskmaster::preflight {

enum class Outcome { Pass, Warn, Fail, Skip };
const char* outcomeName(Outcome o);  // "pass", "warn", "fail", "skip"

struct CheckResult {
  std::string name;  // stable: helm, docker, context, api, mode, nodes, capacity, ...
  Outcome outcome = Outcome::Pass;
  std::string message;
  std::string remedy;  // a command or step that fixes it; empty when passing
};

struct PreflightOptions {
  std::filesystem::path chart;   // the chart about to be installed
  render::RenderOptions render;  // values, release name, namespace as for lint
  kube::KubeTarget target;       // from KUBECONFIG / HELM_KUBECONTEXT
  bool allow_remote_context = false;
  std::set<std::string> ignore;  // --ignore: these failures become warnings
  std::chrono::milliseconds check_timeout{std::chrono::seconds(10)};
};

struct PreflightReport {
  std::vector<CheckResult> checks;  // in the catalogue's order
  bool failed() const;              // any check failed (after --ignore)
};

// Runs every check; never throws for what it finds about the machine (that
// is a failed check), only InputError for unusable options.
PreflightReport runPreflight(const PreflightOptions& options);

}  // namespace taskmaster::preflight
