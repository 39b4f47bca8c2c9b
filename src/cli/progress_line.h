// A one-line progress display on a terminal's stderr ("rendering 3/7 ..."),
// rewritten in place and erased at the end; silent when stderr is no TTY.
#pragma once

#include <mutex>
#include <string>

namespace taskmaster::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine();  // erases the line
  void update(size_t done, size_t total, const std::string& what);

 private:
  bool enabled_;
  bool shown_ = false;
  std::mutex mutex_;
};

}  // namespace taskmaster::cli
