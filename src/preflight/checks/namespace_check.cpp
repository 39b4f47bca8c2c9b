// namespace: the target namespace exists, or install will create it; one
// that is being deleted cannot take new objects.
#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkNamespace(const Facts& f) {
  constexpr const char* kName = "namespace";
  if (auto s = needsCluster(kName, f)) return *s;
  const std::string& ns = f.options->render.namespace_;
  const auto& got = f.cluster.target_namespace;
  if (got.not_found)
    return pass(kName, "namespace " + ns + " does not exist yet; install creates it");
  if (!got.value) return fail(kName, "cannot read namespace " + ns + ": " + got.error, "");
  std::string phase =
      got.value->contains("status") ? (*got.value)["status"].value("phase", "") : "";
  if (phase == "Terminating")
    return fail(kName, "namespace " + ns + " is being deleted",
                "wait until `kubectl get namespace " + ns + "` finds nothing, then try again");
  return pass(kName, "namespace " + ns + " exists");
}

}  // namespace taskmaster::preflight
