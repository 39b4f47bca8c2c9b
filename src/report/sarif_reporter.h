// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the input
// of GitHub code scanning and most CI security dashboards. One run with the
// full rules table (id = rule name, PascalCase friendly name, summary,
// rationale, remediation, default level), one result per finding with its
// template line as a region, URIs relative to %SRCROOT% (the repository root
// = the directory the tool runs in), and partialFingerprints that stay put
// when lines move, so code scanning tracks an alert across runs. The output
// validates without errors or warnings in Microsoft's SARIF Multitool
// (tests/report/sarif_multitool_test.sh).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "report/report.h"

namespace taskmaster::report {

// tool.driver.informationUri; rule help URIs point at rules/ below it.
inline constexpr std::string_view kProjectUri = "https://github.com/taskmaster-ai/helm-taskmaster";

void writeSarif(std::ostream& out, const Report& report, const std::filesystem::path& repo_root);

// "liveness-probe-missing" -> "LivenessProbeMissing" (SARIF's rule `name`).
std::string pascalCase(std::string_view rule_name);

}  // namespace taskmaster::report
