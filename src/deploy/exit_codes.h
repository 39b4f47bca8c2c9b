// Exit codes of install, upgrade and uninstall, as the README documents them.
#pragma once

namespace taskmaster::deploy {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;          // bad options, missing --yes without a terminal
constexpr int kExitGateFailed = 3;     // stopped before Helm changed anything
constexpr int kExitDeployFailed = 4;   // Helm, the rollout, verification or helm test failed
constexpr int kExitInterrupted = 130;  // Ctrl-C while Helm waited (128 + SIGINT)

}  // namespace taskmaster::deploy
