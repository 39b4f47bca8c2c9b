// Helm's part and what follows it, shared by install and upgrade:
//   helm       helm upgrade --install --wait with the rollback flag of the
//              running Helm, a live count of ready pods on a terminal;
//   rollout    every Deployment and StatefulSet rolled out, its pods ready;
//   test       helm test;
//   endpoints  how to reach the app, and the chart's NOTES.
// A failure shows why (workloads, pods, events, logs) and the commands to
// look further; Ctrl-C is passed on to Helm, which stops cleanly, and the
// way back is printed. With --dry-run the steps are only planned.
#pragma once

#include "deploy/release_step.h"
#include "deploy/session.h"
#include "manifest/resource.h"

namespace taskmaster::deploy {

// The exit code: 0, kExitDeployFailed or kExitInterrupted.
int applyRelease(Session& session, const manifest::ResourceSet& render,
                 const ReleaseBefore& before);

}  // namespace taskmaster::deploy
