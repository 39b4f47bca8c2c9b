// Step "target": where the command acts, said once at the start (release,
// namespace and why, context, chart, Helm version), since everything after
// it assumes them.
#pragma once

#include "deploy/session.h"

namespace taskmaster::deploy {

void announceTarget(Session& session, bool with_chart);

// The last line of install and upgrade once Helm has run (or was planned):
// what is running, or which step failed.
std::string applyOutcome(const Session& session, int exit_code, const std::string& success);

// Asks on a terminal (deploy/confirm.h). Returns kExitOk to go on, else the
// exit code to stop with (after printing why).
int confirmOrStop(Session& session, const std::string& question);

}  // namespace taskmaster::deploy
