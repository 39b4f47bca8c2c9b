// GitHub Actions workflow commands, one per finding, which the runner turns
// into annotations on the pull request's diff:
//   ::error file=PATH,line=N,title=RULE::KIND/NAME: message (values: a, b)
// (`warning` and `notice` for the lower severities), PATH relative to the
// repository root (the directory the tool runs in). Written to stdout in a
// workflow step, e.g. `helm taskmaster lint charts/app -o github`.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "report/report.h"

namespace taskmaster::report {

void writeGithub(std::ostream& out, const Report& report, const std::filesystem::path& repo_root);

// GitHub's escaping (actions/toolkit, command.ts): in the message % \r \n;
// in a property value also : and ,.
std::string escapeGithubData(std::string_view text);
std::string escapeGithubProperty(std::string_view text);

}  // namespace taskmaster::report
