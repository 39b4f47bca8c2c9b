// Runs the enabled rules over every resource and returns the findings in
// report order. Suppressions are applied afterwards, by their own stage.
#pragma once

#include <vector>

#include "lint/check.h"
#include "lint/finding.h"
#include "lint/rule.h"
#include "manifest/resource.h"

namespace taskmaster::lint {

// Sorted by (location.file, location.line, rule); findings a check reports
// in one place keep the order it reported them in.
std::vector<Finding> lint(const manifest::ResourceSet& resources,
                          const std::vector<const Rule*>& enabled, const LintContext& context);

}  // namespace taskmaster::lint
