#include "sys/terminal.h"

#include <unistd.h>

#include <cstdlib>

#include "sys/environment.h"

namespace taskmaster::sys {

namespace {
bool dumbTerminal() {
  return envOr("TERM") == "dumb";
}
}  // namespace

bool stdoutWantsColor() {
  if (std::getenv("NO_COLOR") != nullptr) return false;
  return !dumbTerminal() && isatty(STDOUT_FILENO) == 1;
}

bool stderrIsInteractive() {
  return !dumbTerminal() && isatty(STDERR_FILENO) == 1;
}

bool stdoutIsInteractive() {
  return !dumbTerminal() && isatty(STDOUT_FILENO) == 1;
}

bool stdinIsInteractive() {
  return isatty(STDIN_FILENO) == 1;
}

}  // namespace taskmaster::sys
