// helm: Helm found, 3.8 or later (OCI support and the flags install uses).
#include <fmt/format.h>

#include "preflight/checks/checks.h"

namespace taskmaster::preflight {

CheckResult checkHelm(const Facts& f) {
  constexpr const char* kName = "helm";
  const char* install = "install Helm 3.8+ (https://helm.sh/docs/intro/install/) or set HELM_BIN";
  if (f.helm.binary.empty()) return fail(kName, f.helm.error, install);
  if (!f.helm.version) return fail(kName, f.helm.error, install);
  const render::HelmVersion& v = *f.helm.version;
  if (!v.atLeast(3, 8))
    return fail(kName, fmt::format("Helm {} is older than 3.8", v.text), install);
  return pass(kName, fmt::format("Helm {} (Helm {}: a failed install rolls back with {})", v.text,
                                 v.major, v.major >= 4 ? "--rollback-on-failure" : "--atomic"));
}

}  // namespace taskmaster::preflight
