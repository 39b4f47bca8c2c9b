// seccomp-profile: a container whose effective seccompProfile (its own, else
// the pod's) is Unconfined, or unset. Unset runs Unconfined too unless the
// kubelet was started with --seccomp-default, which neither Docker Desktop
// nor most managed clusters do; RuntimeDefault blocks the syscalls container
// escapes rely on (unshare, mount, keyctl ...) at no cost to a web app.
//
//   params: {forbiddenTypes: [Unconfined], requireProfile: true}
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"

namespace taskmaster::lint {

namespace {

class SeccompProfile : public Check {
 public:
  SeccompProfile(std::vector<std::string> forbidden, bool require)
      : forbidden_(std::move(forbidden)), require_(require) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    if (!input.pod) return;
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node profile = effectiveSecurityField(*input.pod, c, "seccompProfile");
      yaml::Node type = profile.get("type");
      if (type.isScalar() && !type.isNull()) {
        if (std::find(forbidden_.begin(), forbidden_.end(), type.scalar()) != forbidden_.end())
          sink.report(type,
                      fmt::format("{}: seccomp profile is {}", containerLabel(c), type.scalar()),
                      c.name);
        continue;
      }
      if (require_)
        sink.report(c.node,
                    fmt::format("{}: no seccompProfile in its or the pod's securityContext, so it "
                                "runs Unconfined on a default kubelet",
                                containerLabel(c)),
                    c.name);
    }
  }

 private:
  std::vector<std::string> forbidden_;
  bool require_;
};

}  // namespace

std::unique_ptr<Check> makeSeccompProfile(const ParamReader& params) {
  params.allowOnly({"forbiddenTypes", "requireProfile"});
  return std::make_unique<SeccompProfile>(params.stringList("forbiddenTypes", true),
                                          params.boolean("requireProfile", false));
}

}  // namespace taskmaster::lint
