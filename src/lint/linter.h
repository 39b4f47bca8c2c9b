// Runs the enabled rules over every resource and returns the findings in
// report order. Suppressions are applied by their own stage (see
// suppression.h); the `keep` overload lets that stage see each finding
// together with the resource it is about.
#pragma once

#include <functional>
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

// The same, keeping only the findings for which keep(resource, finding)
// returns true.
using FindingFilter = std::function<bool(const manifest::Resource&, const Finding&)>;
std::vector<Finding> lint(const manifest::ResourceSet& resources,
                          const std::vector<const Rule*>& enabled, const LintContext& context,
                          const FindingFilter& keep);

}  // namespace taskmaster::lint
