// context: the kube context is Docker Desktop's (or the one given with
// --kube-context) and its server is this machine. A remote cluster fails
// unless --allow-remote-context: a laptop build must never reach production
// by accident.
#include <fmt/format.h>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkContext(const Facts& f) {
  constexpr const char* kName = "context";
  const ContextFacts& c = f.context;
  const char* enable =
      "enable Kubernetes in Docker Desktop → Settings → Kubernetes, then `kubectl config "
      "use-context docker-desktop`";
  if (!c.kubectl_found)
    return fail(kName, "kubectl is not on PATH (Docker Desktop installs it)",
                "put Docker Desktop's kubectl on PATH, or set KUBECTL_BIN");
  if (!c.error.empty()) return fail(kName, "cannot read the kubeconfig: " + c.error, enable);
  if (c.name.empty()) return fail(kName, "no kube context is selected", enable);
  if (!c.exists) {
    std::string known;
    for (const auto& a : c.available) known += (known.empty() ? "" : ", ") + a;
    return fail(kName,
                fmt::format("context \"{}\" is not in the kubeconfig ({})", c.name,
                            known.empty() ? "it has no contexts" : "it has " + known),
                enable);
  }
  std::string where = fmt::format("context \"{}\" at {}", c.name, c.server);
  if (!c.local) {
    if (f.options->allow_remote_context)
      return warn(kName, where + " is not this machine (allowed by --allow-remote-context)",
                  "make sure this is the cluster you mean to deploy to");
    return fail(kName, where + " is not this machine; refusing a remote cluster",
                "`kubectl config use-context docker-desktop` (or --kube-context docker-desktop); "
                "pass --allow-remote-context only if you mean it");
  }
  return pass(kName, where);
}

}  // namespace taskmaster::preflight
