#include "lint/exemptions.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/glob.h"

namespace taskmaster::lint {

namespace {

// A glob that is empty matches anything.
bool matches(const std::string& pattern, std::string_view value) {
  return pattern.empty() || globMatch(pattern, value);
}

std::string describe(const Exemption& e) {
  std::string what = e.kind.empty() ? "any kind" : e.kind;
  if (!e.name.empty()) what += fmt::format(" \"{}\"", e.name);
  if (!e.namespace_.empty()) what += fmt::format(" in namespace \"{}\"", e.namespace_);
  if (!e.container.empty()) what += fmt::format(", container \"{}\"", e.container);
  return what;
}

}  // namespace

ConfigExemptions::ConfigExemptions(const LintConfig& config, const Catalogue& catalogue,
                                   Date today) {
  for (const Exemption& e : config.exemptions) {
    std::vector<std::string_view> names;
    for (const auto& [rule, line] : e.rules) {
      catalogue.requireKnown(rule, fmt::format("{}:{}: exemption: ", config.file, line));
      names.push_back(rule);
    }
    std::string source = fmt::format("{}:{}", config.file, e.line);
    if (!e.expires || today <= *e.expires) {
      active_.push_back(Active{e, source});
      continue;
    }
    Finding f;
    f.rule = std::string(kExemptionExpiredRule);
    f.severity = Severity::Warning;
    f.resource.kind = "Exemption";
    f.resource.name = fmt::format("{}", fmt::join(names, ","));
    f.message = fmt::format(
        "expired on {} and no longer suppresses {} for {} (reason was: {}); fix the findings, "
        "or extend or remove the exemption",
        e.expires->str(), fmt::join(names, ", "), describe(e), e.reason);
    f.location = manifest::SourceLocation{config.file, e.line, {}};
    expired_.push_back(std::move(f));
  }
}

std::optional<Suppression> ConfigExemptions::match(const Finding& finding,
                                                   std::string_view target_namespace) const {
  std::string_view ns =
      finding.resource.namespace_.empty() ? target_namespace : finding.resource.namespace_;
  for (const Active& a : active_) {
    const Exemption& e = a.exemption;
    bool rule = false;
    for (const auto& [name, line] : e.rules) rule = rule || name == finding.rule;
    if (!rule || !matches(e.kind, finding.resource.kind) ||
        !matches(e.name, finding.resource.name) || !matches(e.namespace_, ns))
      continue;
    // An exemption for one container does not cover findings about the object.
    if (!e.container.empty() &&
        (finding.container.empty() || !globMatch(e.container, finding.container)))
      continue;
    return Suppression{Suppression::Kind::Config, e.reason, a.source};
  }
  return std::nullopt;
}

}  // namespace taskmaster::lint
