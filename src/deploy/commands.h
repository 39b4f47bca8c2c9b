// The deploy commands. Each returns its exit code (deploy/exit_codes.h) and
// throws InputError (exit 2) for unusable options.
//
//   install    target, preflight, render, lint, release (and its change plan
//              when it exists), helm, rollout, test, endpoints
//   upgrade    target, release (must exist), preflight, render, lint, plan,
//              confirmation, helm, rollout, test, endpoints
//   uninstall  target, release (must exist), plan (what goes, what data
//              stays), confirmation for --purge-data/--delete-namespace,
//              helm, data, namespace
#pragma once

#include "deploy/deploy_request.h"

namespace taskmaster::deploy {

int runInstall(const DeployRequest& request);
int runUpgrade(const DeployRequest& request);
int runUninstall(const DeployRequest& request);

}  // namespace taskmaster::deploy
