// api: the API server answers /readyz within the timeout.
#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkApi(const Facts& f) {
  constexpr const char* kName = "api";
  if (!f.context.exists || (!f.context.local && !f.options->allow_remote_context))
    return skip(kName, "needs a usable kube context (see context)");
  if (!f.api.ready)
    return fail(kName, "the API server is not ready: " + f.api.error,
                "wait for Docker Desktop's Kubernetes to show \"running\" (Settings → "
                "Kubernetes), or reset the cluster there");
  return pass(kName,
              "ready" + (f.api.server_version.empty() ? std::string()
                                                      : ", Kubernetes " + f.api.server_version));
}

}  // namespace taskmaster::preflight
