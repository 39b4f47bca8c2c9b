#include "report/junit_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "report/repo_path.h"

namespace taskmaster::report {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the UTF-8 sequence at s[i] and its code point; nullopt when invalid.
std::optional<std::pair<size_t, uint32_t>> decodeUtf8(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t len;
  uint32_t cp, min;
  if (c < 0x80) return std::pair<size_t, uint32_t>{1, c};
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return std::nullopt;
  }
  if (i + len > s.size()) return std::nullopt;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return std::pair<size_t, uint32_t>{len, cp};
}

// XML 1.0's Char production.
bool xmlChar(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string attr(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, escapeXml(value));
}

std::string valuesSuffix(const lint::Finding& f) {
  if (f.values_sets.empty()) return "";
  return fmt::format(" (values: {})", fmt::join(f.values_sets, ", "));
}

std::string unitName(const LintUnit& unit) {
  return unit.values_set.empty() ? unit.input : fmt::format("{} [{}]", unit.input, unit.values_set);
}

bool sameInput(const lint::Finding& f, const LintUnit& unit) {
  fs::path input = fs::path(unit.input).lexically_normal();
  if (!f.location.root.empty()) return fs::path(f.location.root).lexically_normal() == input;
  fs::path file = fs::path(f.location.file).lexically_normal();
  if (file == input) return true;
  fs::path rel = file.lexically_relative(input);  // a file of a directory input
  return !rel.empty() && *rel.begin() != "..";
}

bool sameObject(const lint::Finding& f, const LintUnit& unit) {
  if (std::find(unit.resources.begin(), unit.resources.end(), f.resource) == unit.resources.end())
    return false;
  return unit.values_set.empty() || f.values_sets.empty() ||
         std::find(f.values_sets.begin(), f.values_sets.end(), unit.values_set) !=
             f.values_sets.end();
}

// A report without units (or findings no unit claims): one unit per input,
// holding the objects that have findings.
void addUnitsFromFindings(const std::vector<const lint::Finding*>& findings,
                          std::vector<LintUnit>& units) {
  for (const lint::Finding* f : findings) {
    const std::string& input = f->location.root.empty() ? f->location.file : f->location.root;
    auto it = std::find_if(units.begin(), units.end(),
                           [&](const LintUnit& u) { return u.input == input; });
    if (it == units.end()) {
      units.push_back({input, "", {}});
      it = units.end() - 1;
    }
    if (std::find(it->resources.begin(), it->resources.end(), f->resource) == it->resources.end())
      it->resources.push_back(f->resource);
  }
}

struct TestCase {
  std::string name;
  std::vector<const lint::Finding*> findings;
};

struct Suite {
  std::string name;
  const LintUnit* unit;
  std::vector<TestCase> cases;
  size_t failures() const {
    return std::count_if(cases.begin(), cases.end(),
                         [](const TestCase& c) { return !c.findings.empty(); });
  }
};

bool ruleApplies(const lint::Rule& rule, const std::string& kind) {
  const auto& kinds = rule.scope.kinds;
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

Suite buildSuite(const LintUnit& unit, const std::vector<std::string>& rule_names,
                 const std::vector<const lint::Rule*>& rules,
                 const std::vector<const lint::Finding*>& findings) {
  Suite suite{unitName(unit), &unit, {}};
  for (const auto& id : unit.resources) {
    bool ambiguous =
        std::count_if(unit.resources.begin(), unit.resources.end(),
                      [&](const auto& o) { return o.kind == id.kind && o.name == id.name; }) > 1;
    std::string object = fmt::format("{}/{}", id.kind, id.name);
    if (ambiguous)
      object += fmt::format(" in {}", id.namespace_.empty() ? "(no namespace)" : id.namespace_);
    for (size_t r = 0; r < rule_names.size(); ++r) {
      TestCase tc{fmt::format("{} {}", rule_names[r], object), {}};
      for (const lint::Finding* f : findings)
        if (f->rule == rule_names[r] && f->resource == id) tc.findings.push_back(f);
      bool applies = r < rules.size() ? ruleApplies(*rules[r], id.kind) : false;
      if (applies || !tc.findings.empty()) suite.cases.push_back(std::move(tc));
    }
  }
  return suite;
}

void writeFailure(std::ostream& out, const TestCase& tc, const Report& report,
                  const fs::path& root) {
  lint::Severity worst = lint::Severity::Info;
  std::vector<std::string> messages;
  std::string text;
  for (const lint::Finding* f : tc.findings) {
    worst = std::max(worst, f->severity);
    messages.push_back(f->message);
    std::string path = repoPath(f->location, root).path;
    std::string where = f->location.line ? fmt::format("{}:{}", path, f->location.line) : path;
    text += fmt::format("{}: {}: {}", where, lint::severityName(f->severity), f->message);
    if (!f->container.empty()) text += fmt::format(" (container {})", f->container);
    text += valuesSuffix(*f) + '\n';
  }
  const std::string& rule_name = tc.findings.front()->rule;
  for (const lint::Rule* rule : report.rules)
    if (rule && rule->name == rule_name && !rule->remediation.empty())
      text += fmt::format("How to fix: {}\n", rule->remediation);
  out << "      <failure" << attr("message", fmt::format("{}", fmt::join(messages, "; ")))
      << attr("type", lint::severityName(worst)) << '>' << escapeXml(text) << "</failure>\n";
}

}  // namespace

std::string escapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto decoded = decodeUtf8(text, i);
    if (!decoded || !xmlChar(decoded->second)) {
      out += kReplacement;
      i += decoded ? decoded->first : 1;
      continue;
    }
    switch (text[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      // Kept as references: attribute value normalisation turns raw ones into spaces.
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out.append(text.substr(i, decoded->first));
    }
    i += decoded->first;
  }
  return out;
}

void writeJunit(std::ostream& out, const Report& report, const fs::path& repo_root) {
  // Rules in the order they ran, then any rule only findings name.
  std::vector<const lint::Rule*> rules;
  std::vector<std::string> rule_names;
  for (const lint::Rule* rule : report.rules) {
    if (!rule || std::find(rule_names.begin(), rule_names.end(), rule->name) != rule_names.end())
      continue;
    rules.push_back(rule);
    rule_names.push_back(rule->name);
  }
  for (const auto& f : report.findings)
    if (std::find(rule_names.begin(), rule_names.end(), f.rule) == rule_names.end())
      rule_names.push_back(f.rule);

  // Each finding goes to every unit it belongs to (a finding merged across
  // values sets fails in each set's suite); by input and object, else by
  // object alone; findings no unit claims get units of their own.
  std::vector<LintUnit> units = report.units;
  std::vector<std::vector<const lint::Finding*>> unit_findings(units.size());
  std::vector<const lint::Finding*> unclaimed;
  for (const auto& f : report.findings) {
    bool claimed = false;
    for (int pass = 0; pass < 2 && !claimed; ++pass) {
      for (size_t u = 0; u < units.size(); ++u) {
        if (sameObject(f, units[u]) && (pass == 1 || sameInput(f, units[u]))) {
          unit_findings[u].push_back(&f);
          claimed = true;
        }
      }
    }
    if (!claimed) unclaimed.push_back(&f);
  }
  size_t first_extra = units.size();
  addUnitsFromFindings(unclaimed, units);
  unit_findings.resize(units.size());
  for (const lint::Finding* f : unclaimed)
    for (size_t u = first_extra; u < units.size(); ++u)
      if (sameObject(*f, units[u]) && sameInput(*f, units[u])) unit_findings[u].push_back(f);
  // Consumers want at least one suite, even for a run that linted nothing.
  if (units.empty()) units.push_back({"helm-taskmaster", "", {}});
  unit_findings.resize(units.size());

  std::vector<Suite> suites;
  size_t tests = 0, failures = 0;
  for (size_t u = 0; u < units.size(); ++u) {
    suites.push_back(buildSuite(units[u], rule_names, rules, unit_findings[u]));
    tests += suites.back().cases.size();
    failures += suites.back().failures();
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites" << attr("name", "helm-taskmaster") << attr("tests", std::to_string(tests))
      << attr("failures", std::to_string(failures)) << attr("errors", "0") << ">\n";
  for (const Suite& suite : suites) {
    out << "  <testsuite" << attr("name", suite.name)
        << attr("tests", std::to_string(suite.cases.size()))
        << attr("failures", std::to_string(suite.failures())) << attr("errors", "0")
        << attr("skipped", "0") << ">\n";
    out << "    <properties>\n";
    out << "      <property" << attr("name", "input") << attr("value", suite.unit->input) << "/>\n";
    if (!suite.unit->values_set.empty())
      out << "      <property" << attr("name", "values-set")
          << attr("value", suite.unit->values_set) << "/>\n";
    out << "    </properties>\n";
    for (const TestCase& tc : suite.cases) {
      out << "    <testcase" << attr("classname", suite.name) << attr("name", tc.name);
      if (tc.findings.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      writeFailure(out, tc, report, repo_root);
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace taskmaster::report
