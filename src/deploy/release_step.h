// Before Helm runs: does the release exist (step "release"), and what would
// the new render change in it (step "plan": objects and fields, secret values
// hidden, and the lint findings new since the deployed revision).
#pragma once

#include <optional>

#include "deploy/change_plan.h"
#include "deploy/release_history.h"
#include "deploy/session.h"
#include "manifest/resource.h"

namespace taskmaster::deploy {

struct ReleaseBefore {
  bool exists = false;
  ReleaseHistory history;
  std::optional<ChangePlan> plan;  // set by showChangePlan
};

// nullopt when Helm could not answer (the step failed, its error shown) or
// the release is stuck in a pending operation (the step says how to recover).
std::optional<ReleaseBefore> lookUpRelease(Session& session);

// The release's last deployed manifest against `render`. False when Helm
// could not give the manifest.
bool showChangePlan(Session& session, const manifest::ResourceSet& render, ReleaseBefore& release);

}  // namespace taskmaster::deploy
