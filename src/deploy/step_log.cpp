#include "deploy/step_log.h"

#include <fmt/format.h>

namespace taskmaster::deploy {

namespace {

struct Look {
  const char* mark;   // terminal
  const char* word;   // pipe
  const char* color;  // ANSI SGR
};

Look lookOf(StepStatus s) {
  switch (s) {
    case StepStatus::Ok:
      return {"\u2713", "ok", "32"};
    case StepStatus::Warn:
      return {"!", "warn", "33"};
    case StepStatus::Failed:
      return {"\u2717", "FAILED", "31"};
    case StepStatus::Skipped:
      return {"-", "skipped", "2"};
    case StepStatus::Planned:
      return {"\u00b7", "planned", "36"};
    case StepStatus::Interrupted:
      return {"\u2717", "INTERRUPTED", "31"};
  }
  return {"?", "?", "0"};
}

std::string seconds(double s) {
  return fmt::format("{:.1f}s", s);
}

}  // namespace

const char* stepStatusName(StepStatus s) {
  switch (s) {
    case StepStatus::Ok:
      return "ok";
    case StepStatus::Warn:
      return "warn";
    case StepStatus::Failed:
      return "failed";
    case StepStatus::Skipped:
      return "skipped";
    case StepStatus::Planned:
      return "planned";
    case StepStatus::Interrupted:
      return "interrupted";
  }
  return "unknown";
}

StepLog::StepLog(std::ostream& out, bool interactive, bool color)
    : out_(out), interactive_(interactive), color_(color) {}

void StepLog::start(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = name;
  started_ = std::chrono::steady_clock::now();
  if (interactive_) {
    out_ << "\r\x1b[2K  " << name << " ..." << std::flush;
    live_shown_ = true;
  }
}

void StepLog::live(const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!interactive_ || current_.empty()) return;
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::string line = fmt::format("  {} {:>6}  {}", current_, seconds(elapsed), text);
  if (line.size() > 150) line = line.substr(0, 147) + "...";
  out_ << "\r\x1b[2K" << line << std::flush;
  live_shown_ = true;
}

void StepLog::clearLive() {
  if (live_shown_) out_ << "\r\x1b[2K";
  live_shown_ = false;
}

void StepLog::finish(StepStatus status, const std::string& detail) {
  std::lock_guard<std::mutex> lock(mutex_);
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  StepRecord record{current_, status, elapsed, detail};
  current_.clear();
  clearLive();
  printStep(record);
  records_.push_back(std::move(record));
}

void StepLog::record(const std::string& name, StepStatus status, const std::string& detail) {
  std::lock_guard<std::mutex> lock(mutex_);
  StepRecord record{name, status, 0, detail};
  clearLive();
  printStep(record);
  records_.push_back(std::move(record));
}

void StepLog::printStep(const StepRecord& r) {
  Look look = lookOf(r.status);
  std::string time = r.status == StepStatus::Skipped || r.status == StepStatus::Planned
                         ? std::string()
                         : seconds(r.elapsed_seconds);
  if (interactive_) {
    std::string mark =
        color_ ? fmt::format("\x1b[{}m{}\x1b[0m", look.color, look.mark) : std::string(look.mark);
    out_ << fmt::format("{} {:<13} {:>6}  {}\n", mark, r.name, time, r.detail);
  } else {
    out_ << fmt::format("{:<11} {:<13} {:>6}  {}\n", look.word, r.name, time, r.detail);
  }
  out_.flush();
}

void StepLog::details(const std::vector<std::string>& lines) {
  std::lock_guard<std::mutex> lock(mutex_);
  clearLive();
  for (const auto& l : lines) out_ << "    " << l << '\n';
  out_.flush();
}

void StepLog::line(const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  clearLive();
  out_ << text << '\n' << std::flush;
}

}  // namespace taskmaster::deploy
