// JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, CircleCI)
// show as test results: one <testsuite> per linted unit (a chart with one
// values set, a manifest file, stdin), named `INPUT [VALUES-SET]`; one
// <testcase> per rule and object the rule applies to, named
// `RULE KIND/NAME`; a <failure> per testcase with findings, whose message is
// the finding's message, type its severity, and text the file:line,
// container and values sets of each finding.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "report/report.h"

namespace taskmaster::report {

void writeJunit(std::ostream& out, const Report& report, const std::filesystem::path& repo_root);

// Text safe inside XML 1.0 character data and double-quoted attributes:
// markup characters escaped, invalid UTF-8 and characters XML cannot carry
// replaced by U+FFFD.
std::string escapeXml(std::string_view text);

}  // namespace taskmaster::report
