// The only way this program starts other programs: an argv vector (never a
// shell string), a timeout, captured stdout/stderr and an explicit
// environment.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace taskmaster::sys {

struct ProcessOptions {
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
  // Variables set (or, with nullopt, removed) on top of this process's own.
  std::map<std::string, std::optional<std::string>> env;
  std::string stdin_data;
  std::filesystem::path cwd;  // empty: inherit
  // When set and it turns true, the process group is killed (for work whose
  // result turned out not to be needed); checked every few milliseconds.
  const std::atomic<bool>* cancel = nullptr;
  // When set, each time the count grows (the user pressed Ctrl-C, see
  // sys/interrupt.h) SIGINT is sent to the process group, which runs apart
  // from the terminal's: programs that handle it (Helm stops its --wait and
  // records the release as failed) then end on their own. The timeout holds.
  const std::atomic<unsigned>* interrupts = nullptr;
};

inline ProcessOptions withTimeout(std::chrono::milliseconds timeout) {
  ProcessOptions o;
  o.timeout = timeout;
  return o;
}

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal or never started
  bool timed_out = false;
  bool cancelled = false;
  bool not_found = false;  // the program could not be started
  std::string out;
  std::string err;
  bool ok() const { return exit_code == 0 && !timed_out && !not_found && !cancelled; }
};

// Runs argv[0] (searched in PATH when it has no slash) to completion or
// until the timeout, when its whole process group is killed.
ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Searches PATH like execvp does; nullopt when not found.
std::optional<std::filesystem::path> findInPath(const std::string& program);

}  // namespace taskmaster::sys
