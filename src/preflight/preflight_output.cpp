#include "preflight/preflight_output.h"

#include <fmt/format.h>

#include <map>

namespace taskmaster::preflight {

namespace {

struct Style {
  const char* symbol;
  const char* color;  // ANSI SGR
};

Style styleOf(Outcome o) {
  switch (o) {
    case Outcome::Pass:
      return {"✓", "32"};
    case Outcome::Warn:
      return {"!", "33"};
    case Outcome::Fail:
      return {"✗", "31"};
    case Outcome::Skip:
      return {"-", "2"};
  }
  return {"?", "0"};
}

std::map<Outcome, int> counts(const PreflightReport& report) {
  std::map<Outcome, int> n{
      {Outcome::Pass, 0}, {Outcome::Warn, 0}, {Outcome::Fail, 0}, {Outcome::Skip, 0}};
  for (const auto& c : report.checks) ++n[c.outcome];
  return n;
}

}  // namespace

void writeText(const PreflightReport& report, std::ostream& out, bool color) {
  size_t width = 0;
  for (const auto& c : report.checks) width = std::max(width, c.name.size());
  auto paint = [color](const char* sgr, const std::string& text) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", sgr, text) : text;
  };
  for (const auto& c : report.checks) {
    Style s = styleOf(c.outcome);
    std::string message = c.outcome == Outcome::Skip ? "skipped: " + c.message : c.message;
    out << fmt::format("{} {:<{}}  {}\n", paint(s.color, s.symbol), c.name, width, message);
    if (!c.remedy.empty()) out << fmt::format("  {:<{}}  → {}\n", "", width, c.remedy);
  }
  auto n = counts(report);
  std::string summary = fmt::format(
      "{} passed, {} warning{}, {} failed, {} skipped", n[Outcome::Pass], n[Outcome::Warn],
      n[Outcome::Warn] == 1 ? "" : "s", n[Outcome::Fail], n[Outcome::Skip]);
  out << '\n'
      << (report.failed() ? paint("31", "Preflight failed: " + summary + ".")
                          : paint("32", "Preflight passed: " + summary + "."))
      << '\n';
}

nlohmann::ordered_json toJson(const PreflightReport& report) {
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  for (const auto& c : report.checks)
    checks.push_back({{"name", c.name},
                      {"outcome", outcomeName(c.outcome)},
                      {"message", c.message},
                      {"remedy", c.remedy}});
  auto n = counts(report);
  return {{"checks", checks},
          {"summary",
           {{"passed", n[Outcome::Pass]},
            {"warnings", n[Outcome::Warn]},
            {"failed", n[Outcome::Fail]},
            {"skipped", n[Outcome::Skip]},
            {"ok", !report.failed()}}}};
}

}  // namespace taskmaster::preflight
