#include "cli/progress_line.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace taskmaster::cli {

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled) {}

ProgressLine::~ProgressLine() {
  if (shown_) std::fputs("\r\x1b[2K", stderr);
}

void ProgressLine::update(size_t done, size_t total, const std::string& what) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  std::string line = fmt::format("rendering {}/{}: {}", done, total, what);
  if (line.size() > 100) line = line.substr(0, 97) + "...";
  std::fprintf(stderr, "\r\x1b[2K%s", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

}  // namespace taskmaster::cli
