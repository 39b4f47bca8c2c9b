#include "deploy/target_step.h"

#include <fmt/format.h>

#include <iostream>

#include "deploy/confirm.h"
#include "deploy/exit_codes.h"
#include "sys/terminal.h"

namespace taskmaster::deploy {

namespace {

// The context Helm will use: the one it was given, else the kubeconfig's
// current context.
std::string contextName(const Session& s) {
  if (!s.request().target.context.empty()) return s.request().target.context;
  sys::ProcessResult r =
      s.run(s.kubectl().argv({"config", "current-context"}), std::chrono::seconds(10));
  std::string name = r.ok() ? r.out : std::string();
  while (!name.empty() && (name.back() == '\n' || name.back() == ' ')) name.pop_back();
  return name.empty() ? "(no current context)" : name + " (current context)";
}

}  // namespace

void announceTarget(Session& s, bool with_chart) {
  s.log().start("target");
  std::string detail = fmt::format("release {}, namespace {}, context {}", s.release(),
                                   s.namespace_(), contextName(s));
  if (with_chart) detail += ", chart " + s.request().chart.string();
  detail += ", Helm " + s.helm().version().text;
  s.log().finish(StepStatus::Ok, detail);
  std::vector<std::string> notes;
  if (!s.request().namespace_note.empty()) notes.push_back(s.request().namespace_note);
  if (s.request().dry_run)
    notes.push_back("--dry-run: only reading; nothing will be installed, changed or deleted");
  s.log().details(notes);
}

std::string applyOutcome(const Session& s, int code, const std::string& success) {
  if (code == kExitOk && s.request().dry_run)
    return "dry run: nothing was changed (the commands are listed above)";
  if (code == kExitOk) return success;
  std::string step = "a step";
  for (const StepRecord& r : s.log().records())
    if (r.status == StepStatus::Failed || r.status == StepStatus::Interrupted) step = r.name;
  if (code == kExitInterrupted)
    return "interrupted during " + step + " (the release's state and the way back are above)";
  return "failed at " + step + " (see above)";
}

int confirmOrStop(Session& s, const std::string& question) {
  const DeployRequest& r = s.request();
  if (r.dry_run) return kExitOk;
  Confirmation answer = confirm(question, r.yes, sys::stdinIsInteractive(), std::cin, std::cerr);
  switch (answer) {
    case Confirmation::Yes:
      s.log().record("confirm", StepStatus::Ok, r.yes ? "--yes" : "confirmed");
      return kExitOk;
    case Confirmation::No:
      s.log().record("confirm", StepStatus::Failed, "declined; nothing was changed");
      return kExitGateFailed;
    case Confirmation::NoTerminal:
      break;
  }
  s.log().record("confirm", StepStatus::Failed,
                 "no terminal to ask on: review the plan above and pass --yes");
  return kExitUsage;
}

}  // namespace taskmaster::deploy
