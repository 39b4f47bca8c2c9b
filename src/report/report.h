// What a lint run produced, as reporters see it.
#pragma once

#include <cstddef>
#include <vector>

#include "lint/finding.h"

namespace taskmaster::report {

struct Summary {
  size_t error = 0, warning = 0, info = 0;
  size_t resources = 0;
};

struct Report {
  std::vector<lint::Finding> findings;  // sorted by file, line, rule
  size_t resources = 0;
  Summary summary() const;
};

}  // namespace taskmaster::report
