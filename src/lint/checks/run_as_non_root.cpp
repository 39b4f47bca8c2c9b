// run-as-non-root: a container that may run as root: neither it nor its pod
// sets runAsNonRoot: true, and the effective runAsUser (container's, else
// pod's) is not a non-zero uid. Most images default to root; with root in
// the container, any breakout or writable host mount is root on the node.
//
//   params: {}
//
// runAsNonRoot: false on the container overrides a pod-level true, as in
// Kubernetes. runAsUser: 0 is root even with runAsNonRoot: true (the kubelet
// then refuses to start the container, which is reported too).
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

class RunAsNonRoot : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    if (!input.pod) return;
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node non_root = effectiveSecurityField(*input.pod, c, "runAsNonRoot");
      yaml::Node user = effectiveSecurityField(*input.pod, c, "runAsUser");
      auto uid = user.asInt();
      if (uid && *uid == 0) {
        sink.report(user, fmt::format("{}: runs as root (runAsUser: 0)", containerLabel(c)),
                    c.name);
        continue;
      }
      if (isTrue(non_root) || (uid && *uid > 0)) continue;
      yaml::Node at = non_root ? non_root : c.node;
      sink.report(at,
                  fmt::format("{}: may run as root (no runAsNonRoot: true and no non-zero "
                              "runAsUser in its or the pod's securityContext)",
                              containerLabel(c)),
                  c.name);
    }
  }
};

}  // namespace

std::unique_ptr<Check> makeRunAsNonRoot(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<RunAsNonRoot>();
}

}  // namespace taskmaster::lint
