#include "report/github_reporter.h"

#include <fmt/format.h>

#include "report/repo_path.h"

namespace taskmaster::report {

namespace {

const char* commandOf(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error:
      return "error";
    case lint::Severity::Warning:
      return "warning";
    case lint::Severity::Info:
      return "notice";
  }
  return "warning";
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string escapeGithubData(std::string_view text) {
  return escape(text, false);
}

std::string escapeGithubProperty(std::string_view text) {
  return escape(text, true);
}

void writeGithub(std::ostream& out, const Report& report, const std::filesystem::path& repo_root) {
  for (const auto& f : report.findings) {
    std::string props;
    RepoPath path = repoPath(f.location, repo_root);
    if (!path.is_stdin) {
      props = "file=" + escapeGithubProperty(path.path);
      if (f.location.line) props += fmt::format(",line={}", f.location.line);
      props += ',';
    }
    props += "title=" + escapeGithubProperty(f.rule);
    std::string message = fmt::format("{}/{}: {}", f.resource.kind, f.resource.name, f.message);
    if (!f.values_sets.empty())
      message += fmt::format(" (values: {})", fmt::join(f.values_sets, ", "));
    out << "::" << commandOf(f.severity) << ' ' << props << "::" << escapeGithubData(message)
        << '\n';
  }
}

}  // namespace taskmaster::report
