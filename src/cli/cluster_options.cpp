#include "cli/cluster_options.h"

namespace taskmaster::cli {

void addClusterOptions(CLI::App* cmd, kube::KubeTarget& target) {
  target = kube::kubeTargetFromEnvironment();
  cmd->add_option("--kube-context", target.context,
                  "Kube context (default: $HELM_KUBECONTEXT, which Helm sets from --kube-context)");
  cmd->add_option("--kubeconfig", target.kubeconfig,
                  "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config)");
}

std::string resolveReleaseNamespace(render::RenderOptions& render) {
  if (render.namespace_ != "default" && !render.namespace_.empty()) return {};
  render.namespace_ = kDefaultNamespace;
  return std::string("using namespace ") + kDefaultNamespace +
         " (Helm's default namespace \"default\" is not where TaskMaster goes; pass -n to choose)";
}

}  // namespace taskmaster::cli
