// What a lint run produced, as reporters see it.
#pragma once

#include <cstddef>
#include <vector>

#include <string>

#include "lint/finding.h"
#include "lint/rule.h"
#include "lint/suppression.h"

namespace taskmaster::report {

struct Summary {
  size_t error = 0, warning = 0, info = 0;
  size_t resources = 0;
  size_t suppressed = 0;
};

// One linted input: a chart rendered with one values set, a manifest file,
// or stdin. JUnit makes a testsuite of each.
struct LintUnit {
  std::string input;       // chart or file as the user named it ("<stdin>")
  std::string values_set;  // empty outside a values matrix
  std::vector<manifest::ResourceId> resources;
};

struct Report {
  std::vector<lint::Finding> findings;  // sorted by file, line, rule
  size_t resources = 0;
  std::vector<LintUnit> units;
  std::vector<const lint::Rule*> rules;  // the rules that ran (SARIF's rules table)
  // Findings that annotations, config exemptions or a baseline suppressed:
  // counted by every format, listed with their reason when list_suppressed
  // (--show-suppressed).
  std::vector<lint::SuppressedFinding> suppressed;
  bool list_suppressed = false;
  Summary summary() const;
};

}  // namespace taskmaster::report
