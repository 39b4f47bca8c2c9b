#include "cli/rules_docs.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "lint/profile.h"

namespace taskmaster::cli {

namespace {

std::string severityIn(const RuleRow& row, std::string_view profile) {
  auto it = row.in_profile.find(profile);
  if (it == row.in_profile.end() || !it->second) return "-";
  return std::string(lint::severityName(*it->second));
}

std::vector<std::string> profilesOf(const RuleRow& row) {
  std::vector<std::string> out;
  for (const auto& [profile, severity] : row.in_profile)
    if (severity) out.push_back(profile);
  return out;
}

// Words wrapped at `width` columns, each line indented by `indent`.
std::string wrap(std::string_view text, size_t width, std::string_view indent) {
  std::string out, line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(" \n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out += std::string(indent) + line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) out += std::string(indent) + line + "\n";
  return out;
}

// The rule's params as written in its file, for the docs.
std::string paramsText(const lint::Rule& rule) {
  if (!rule.params.valid() || !rule.stream) return {};
  yaml::Node root =
      rule.stream->documents().empty() ? yaml::Node() : rule.stream->documents()[0].root;
  for (size_t i = 0; i < root.size(); ++i)
    if (root.key(i).str() == "params")
      return std::string(
          lint::sourceLines(*rule.stream, root.key(i).line(), lint::lastLine(root.value(i))));
  return {};
}

// Categories in the order the docs present them; others (custom) follow.
constexpr std::pair<std::string_view, std::string_view> kCategories[] = {
    {"probes", "Probes"},
    {"resources", "Resources"},
    {"security", "Security"},
    {"images", "Images"},
    {"metadata", "Namespaces and metadata"},
    {"config", "Config and secrets"},
    {"traffic", "Services and traffic"},
    {"availability", "Availability"},
    {"rbac", "RBAC"},
    {"apis", "API versions"}};

size_t categoryRank(std::string_view category) {
  for (size_t i = 0; i < std::size(kCategories); ++i)
    if (kCategories[i].first == category) return i;
  return std::size(kCategories);
}

std::string categoryTitle(std::string_view category) {
  for (const auto& [name, title] : kCategories)
    if (name == category) return std::string(title);
  std::string s(category);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

void writeRulesText(std::ostream& out, const std::vector<RuleRow>& rows) {
  size_t width = 4;
  for (const RuleRow& r : rows) width = std::max(width, r.rule->name.size());
  out << fmt::format("{:<{}}  {:<8} {:<10}  {}\n", "NAME", width, "LOCAL", "PRODUCTION", "SUMMARY");
  for (const RuleRow& r : rows)
    out << fmt::format("{:<{}}  {:<8} {:<10}  {}\n", r.rule->name, width, severityIn(r, "local"),
                       severityIn(r, "production"), r.rule->summary);
  out << fmt::format(
      "\n{} rules. LOCAL and PRODUCTION: severity in that profile (--profile), \"-\" where the "
      "rule does not run by default (--enable runs it).\n"
      "`helm taskmaster rules explain NAME` prints a rule's whole entry.\n",
      rows.size());
}

void writeRulesJson(std::ostream& out, const std::vector<RuleRow>& rows) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleRow& r : rows) {
    nlohmann::ordered_json severities = nlohmann::ordered_json::object();
    for (const auto& [profile, severity] : r.in_profile)
      if (severity) severities[profile] = lint::severityName(*severity);
    list.push_back({{"name", r.rule->name},
                    {"severity", lint::severityName(r.rule->severity)},
                    {"profiles", profilesOf(r)},
                    {"severityByProfile", severities},
                    {"category", r.rule->category},
                    {"summary", r.rule->summary},
                    {"template", r.rule->template_name},
                    {"source", r.rule->source}});
  }
  out << list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void writeRuleExplanation(std::ostream& out, const RuleRow& row) {
  const lint::Rule& r = *row.rule;
  out << fmt::format("{}: {}\n\n", r.name, r.summary);
  std::vector<std::string> severities;
  for (std::string_view p : lint::kProfiles)
    severities.push_back(fmt::format("{} {}", p, severityIn(row, p)));
  out << fmt::format("  category:  {}\n  severity:  {}\n  template:  {}\n  source:    {}\n\n",
                     r.category, fmt::join(severities, ", "), r.template_name, r.source);
  out << "Rationale:\n" << wrap(r.rationale, 100, "  ") << '\n';
  out << "Remediation:\n" << wrap(r.remediation, 100, "  ") << '\n';
  if (!r.conformance.empty()) out << "Conformance:\n" << wrap(r.conformance, 100, "  ") << '\n';
  out << "Entry:\n";
  std::string_view text = r.entry_text;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out << "  " << text.substr(pos, end - pos) << '\n';
    pos = end + 1;
  }
}

void writeRulesMarkdown(std::ostream& out, const std::vector<RuleRow>& rows,
                        const lint::TableSet& tables) {
  out << "# Rule catalogue\n\n"
         "<!-- Generated from rules/ by `helm taskmaster rules --markdown`; do not edit. -->\n\n"
         "Generated from [`rules/`](../rules/) by `helm taskmaster rules --markdown > "
         "docs/rules.md`;\na test fails when this file and the catalogue drift apart. "
         "Profiles: `local` (the default,\nDocker Desktop) and `production` (`--profile "
         "production`); \"-\" means the rule does not run\nin that profile unless enabled "
         "(`--enable RULE` or the config file).\n\n";
  out << fmt::format("{} rules.\n\n", rows.size());
  out << "| rule | category | local | production | summary |\n|---|---|---|---|---|\n";
  for (const RuleRow& r : rows)
    out << fmt::format("| [`{0}`](#{0}) | {1} | {2} | {3} | {4} |\n", r.rule->name,
                       r.rule->category, severityIn(r, "local"), severityIn(r, "production"),
                       r.rule->summary);
  std::vector<std::string> categories;
  for (const RuleRow& r : rows)
    if (std::find(categories.begin(), categories.end(), r.rule->category) == categories.end())
      categories.push_back(r.rule->category);
  std::sort(categories.begin(), categories.end(), [](const auto& a, const auto& b) {
    return std::make_pair(categoryRank(a), a) < std::make_pair(categoryRank(b), b);
  });
  for (const std::string& category : categories) {
    out << fmt::format("\n## {}\n", categoryTitle(category));
    for (const RuleRow& row : rows) {
      const lint::Rule& r = *row.rule;
      if (r.category != category) continue;
      out << fmt::format("\n### {}\n\n{}\n\n", r.name, r.summary);
      out << fmt::format("- severity: local {}, production {}\n", severityIn(row, "local"),
                         severityIn(row, "production"));
      if (!r.scope.kinds.empty())
        out << fmt::format("- kinds: {}\n", fmt::join(r.scope.kinds, ", "));
      out << fmt::format("- template: `{}`, source: `{}`\n\n", r.template_name, r.source);
      out << "**Why.** " << r.rationale << "\n\n";
      out << "**Fix.** " << r.remediation << "\n\n";
      if (!r.conformance.empty()) out << "**Conformance.** " << r.conformance << "\n\n";
      std::string params = paramsText(r);
      if (!params.empty())
        out << "```yaml\n" << params << (params.ends_with('\n') ? "" : "\n") << "```\n";
    }
  }
  const lint::Table* apis = tables.find("kubernetes-apis");
  if (!apis) return;
  out << "\n## Kubernetes API versions (`rules/tables/kubernetes-apis.yaml`)\n\n"
         "The data behind `removed-api-version` and `deprecated-api-version`.\n\n"
         "| apiVersion | kinds | deprecated in | removed in | replacement "
         "|\n|---|---|---|---|---|\n";
  yaml::Node list = apis->root.get("apis");
  for (size_t i = 0; i < list.size(); ++i) {
    yaml::Node e = list.item(i);
    std::vector<std::string_view> kinds;
    for (size_t k = 0; k < e.get("kinds").size(); ++k)
      kinds.push_back(e.get("kinds").item(k).str());
    std::string_view removed = e.get("removedIn").str();
    std::string_view replacement = e.get("replacement").str();
    out << fmt::format("| `{}` | {} | {} | {} | {} |\n", e.get("apiVersion").str(),
                       fmt::join(kinds, ", "), e.get("deprecatedIn").str(),
                       removed.empty() ? "-" : removed,
                       replacement.empty() ? std::string("-") : fmt::format("`{}`", replacement));
  }
}

}  // namespace taskmaster::cli
