// Step "target": where the command acts, said once at the start (release,
// namespace and why, context, chart, Helm version), since everything after
// it assumes them.
#pragma once

#include "deploy/session.h"

namespace taskmaster::deploy {

void announceTarget(Session& session, bool with_chart);

// Asks on a terminal (deploy/confirm.h). Returns kExitOk to go on, else the
// exit code to stop with (after printing why).
int confirmOrStop(Session& session, const std::string& question);

}  // namespace taskmaster::deploy
