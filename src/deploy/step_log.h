// The steps of a deploy command as the user sees them: one line per step
// with its elapsed time. On a terminal the running step's line is live (a
// count of ready pods while Helm waits) and the result marks are coloured;
// in a pipe each step is one plain line when it ends. Every step is also
// recorded for the -o json result.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace taskmaster::deploy {

enum class StepStatus { Ok, Warn, Failed, Skipped, Planned, Interrupted };
const char* stepStatusName(StepStatus status);  // "ok", "warn", "failed", ...

struct StepRecord {
  std::string name;
  StepStatus status = StepStatus::Ok;
  double elapsed_seconds = 0;
  std::string detail;
};

class StepLog {
 public:
  // `interactive`: `out` is a terminal (live lines); `color`: ANSI colours.
  StepLog(std::ostream& out, bool interactive, bool color);

  void start(const std::string& name);
  // The running step's live line (terminals only); thread-safe.
  void live(const std::string& text);
  void finish(StepStatus status, const std::string& detail);
  // A step that did not run (skipped, or planned by --dry-run).
  void record(const std::string& name, StepStatus status, const std::string& detail);

  // Lines that belong to the last step (findings, a plan, diagnostics),
  // indented below it.
  void details(const std::vector<std::string>& lines);
  // A line of its own (headers, notes).
  void line(const std::string& text);

  const std::vector<StepRecord>& records() const { return records_; }
  bool interactive() const { return interactive_; }

 private:
  void printStep(const StepRecord& record);
  void clearLive();

  std::ostream& out_;
  bool interactive_, color_;
  std::mutex mutex_;
  std::string current_;
  std::chrono::steady_clock::time_point started_;
  bool live_shown_ = false;
  std::vector<StepRecord> records_;
};

}  // namespace taskmaster::deploy
