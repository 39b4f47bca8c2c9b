#include "report/text_reporter.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>

namespace taskmaster::report {

namespace {

const char* colorOf(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error:
      return "\x1b[1;31m";
    case lint::Severity::Warning:
      return "\x1b[1;33m";
    case lint::Severity::Info:
      return "\x1b[1;36m";
  }
  return "";
}

std::string plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string displayPath(const manifest::SourceLocation& loc) {
  if (loc.root.empty()) return loc.file;
  return (std::filesystem::path(loc.root) / loc.file).lexically_normal().generic_string();
}

void writeText(std::ostream& out, const Report& report, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* dim = color ? "\x1b[2m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string current;
  for (const auto& f : report.findings) {
    std::string path = displayPath(f.location);
    if (path != current) {
      if (!current.empty()) out << '\n';
      current = path;
    }
    std::string where = f.location.line ? fmt::format("{}:{}", path, f.location.line) : path;
    out << bold << where << ':' << reset << ' ' << (color ? colorOf(f.severity) : "")
        << lint::severityName(f.severity) << reset << ": " << f.resource.kind << '/'
        << f.resource.name << ": " << f.message << ' ' << dim << '[' << f.rule << ']';
    if (!f.values_sets.empty()) out << fmt::format(" (values: {})", fmt::join(f.values_sets, ", "));
    out << reset << '\n';
  }
  Summary s = report.summary();
  if (!report.findings.empty()) out << '\n';
  if (report.list_suppressed && !report.suppressed.empty()) {
    out << bold << "Suppressed:" << reset << '\n';
    for (const auto& [f, by] : report.suppressed) {
      std::string path = displayPath(f.location);
      std::string where = f.location.line ? fmt::format("{}:{}", path, f.location.line) : path;
      out << where << ": " << f.resource.kind << '/' << f.resource.name << ": " << f.message << ' '
          << dim << '[' << f.rule << ']' << reset << "\n    suppressed by "
          << lint::suppressionKindName(by.kind) << " at " << by.source << ": " << by.reason << '\n';
    }
    out << '\n';
  }
  std::string suppressed;
  if (s.suppressed)
    suppressed = fmt::format(" ({} suppressed{})", s.suppressed,
                             report.list_suppressed ? "" : "; --show-suppressed lists them");
  if (report.findings.empty()) {
    out << fmt::format("No findings in {}{}.\n", plural(s.resources, "resource"), suppressed);
  } else {
    out << fmt::format("{}, {}, {} in {}{}.\n", plural(s.error, "error"),
                       plural(s.warning, "warning"), fmt::format("{} info", s.info),
                       plural(s.resources, "resource"), suppressed);
  }
}

}  // namespace taskmaster::report
