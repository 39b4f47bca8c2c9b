// The gates in front of Helm: preflight (Docker Desktop, its Kubernetes, the
// images) and lint (the chart rendered with the user's values and linted
// with the rules `helm taskmaster lint` would use). Each is one step; a gate
// that fails stops the command before Helm changes anything (exit 3).
#pragma once

#include <optional>
#include <vector>

#include "deploy/session.h"
#include "lint/finding.h"
#include "manifest/resource.h"

namespace taskmaster::deploy {

// Step "preflight" (or a loud "skipped"). False when a check failed.
bool runPreflightGate(Session& session);

// Steps "render" and "lint": the rendered release, or nullopt when the chart
// does not render or lint finds errors (lint findings are printed either way;
// with --skip-lint only the render runs). Secret masking follows the rules
// loaded here from then on, and the render's secret values are registered
// with the session's redactor.
std::optional<manifest::ResourceSet> runRenderAndLintGate(Session& session);

// The gate's rules (profile, config file) applied to other manifests, such
// as a release's last deployed manifest, with the same suppressions.
std::vector<lint::Finding> lintLikeTheGate(const Session& session,
                                           const manifest::ResourceSet& resources);

}  // namespace taskmaster::deploy
