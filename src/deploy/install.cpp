// `helm taskmaster install`: from built images to TaskMaster running and
// tested. An existing release is upgraded (helm upgrade --install), with its
// change plan shown first; install asks no question.
#include <fmt/format.h>

#include "deploy/apply.h"
#include "deploy/commands.h"
#include "deploy/exit_codes.h"
#include "deploy/gates.h"
#include "deploy/release_step.h"
#include "deploy/target_step.h"

namespace taskmaster::deploy {

int runInstall(const DeployRequest& request) {
  Session s("install", request);
  announceTarget(s, true);
  if (!runPreflightGate(s))
    return s.finish(kExitGateFailed, "stopped by preflight; nothing was changed");
  auto render = runRenderAndLintGate(s);
  if (!render) return s.finish(kExitGateFailed, "stopped by lint; nothing was changed");
  auto before = lookUpRelease(s);
  if (!before) return s.finish(kExitGateFailed, "stopped; nothing was changed");
  if (before->exists && !showChangePlan(s, *render, *before))
    return s.finish(kExitGateFailed, "stopped; nothing was changed");
  int code = applyRelease(s, *render, *before);
  return s.finish(code,
                  applyOutcome(s, code,
                               fmt::format("TaskMaster is running: release {} in namespace {}",
                                           s.release(), s.namespace_())));
}

}  // namespace taskmaster::deploy
