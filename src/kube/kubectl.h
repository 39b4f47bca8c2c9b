// How we call the user's kubectl: the binary, and the cluster Helm was told
// to use (Helm passes --kubeconfig and --kube-context to plugins as KUBECONFIG
// and HELM_KUBECONTEXT).
#pragma once

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sys/process.h"

namespace taskmaster::kube {

struct KubeTarget {
  std::string kubeconfig;  // empty: kubectl's default (~/.kube/config or $KUBECONFIG)
  std::string context;     // empty: the kubeconfig's current context
};

// KUBECONFIG and HELM_KUBECONTEXT as Helm leaves them for plugins.
KubeTarget kubeTargetFromEnvironment();

class Kubectl {
 public:
  // $KUBECTL_BIN, else `kubectl` on PATH; nullopt when neither exists.
  static std::optional<Kubectl> locate(KubeTarget target);
  Kubectl(std::filesystem::path binary, KubeTarget target)
      : binary_(std::move(binary)), target_(std::move(target)) {}

  const std::filesystem::path& binary() const { return binary_; }
  const KubeTarget& target() const { return target_; }

  // kubectl [--kubeconfig K] [--context C] args...
  std::vector<std::string> argv(const std::vector<std::string>& args) const;
  sys::ProcessResult run(const std::vector<std::string>& args,
                         std::chrono::milliseconds timeout) const;

  struct JsonResult {
    std::optional<nlohmann::json> value;  // set on success
    bool not_found = false;               // kubectl said NotFound
    std::string error;                    // one line, when value is unset
  };
  // Runs `kubectl <args> -o json` and parses the answer.
  JsonResult getJson(const std::vector<std::string>& args, std::chrono::milliseconds timeout) const;

 private:
  std::filesystem::path binary_;
  KubeTarget target_;
};

// kubectl's error output reduced to one line ("Error from server (NotFound): ...").
std::string kubectlErrorLine(const sys::ProcessResult& result);

}  // namespace taskmaster::kube
