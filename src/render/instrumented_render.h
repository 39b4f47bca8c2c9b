// What the instrumented render produced: Helm's output with line markers and
// the table that names the file of each marker.
#pragma once

#include <string>
#include <vector>

namespace taskmaster::render {

struct InstrumentedRender {
  std::string output;              // empty when it could not be produced
  std::vector<std::string> files;  // marker file id -> chart-relative path
};

}  // namespace taskmaster::render
