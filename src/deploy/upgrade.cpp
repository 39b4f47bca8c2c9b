// `helm taskmaster upgrade`: the change plan (objects, fields, new lint
// findings) before anything changes, a question on a terminal, then the same
// Helm, rollout, test and endpoint steps as install.
#include <fmt/format.h>

#include "deploy/apply.h"
#include "deploy/commands.h"
#include "deploy/exit_codes.h"
#include "deploy/gates.h"
#include "deploy/release_step.h"
#include "deploy/target_step.h"

namespace taskmaster::deploy {

int runUpgrade(const DeployRequest& request) {
  Session s("upgrade", request);
  announceTarget(s, true);
  auto before = lookUpRelease(s);
  if (!before) return s.finish(kExitGateFailed, "stopped; nothing was changed");
  if (!before->exists) {
    s.log().details(
        {"nothing to upgrade; install it with: helm taskmaster install" +
         std::string(s.release() == "taskmaster" ? "" : " --release-name " + s.release()) + " -n " +
         s.namespace_()});
    return s.finish(kExitGateFailed, "release " + s.release() + " not found; nothing was changed");
  }
  if (!runPreflightGate(s))
    return s.finish(kExitGateFailed, "stopped by preflight; nothing was changed");
  auto render = runRenderAndLintGate(s);
  if (!render) return s.finish(kExitGateFailed, "stopped by lint; nothing was changed");
  if (!showChangePlan(s, *render, *before))
    return s.finish(kExitGateFailed, "stopped; nothing was changed");
  if (!before->plan->empty()) {
    int code = confirmOrStop(s, fmt::format("Apply these changes to release {} in namespace {}?",
                                            s.release(), s.namespace_()));
    if (code != kExitOk) return s.finish(code, "stopped before Helm; nothing was changed");
  }
  int code = applyRelease(s, *render, *before);
  return s.finish(code, applyOutcome(s, code,
                                     fmt::format("upgraded: release {} in namespace {} is running",
                                                 s.release(), s.namespace_())));
}

}  // namespace taskmaster::deploy
