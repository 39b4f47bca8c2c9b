// Presenting the rule catalogue: the `rules` listing (text and JSON), one
// rule's full entry (`rules explain`), and docs/rules.md (`rules --markdown`),
// which is generated so that the documentation never drifts from rules/.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lint/catalogue.h"

namespace taskmaster::cli {

// One rule as a listing shows it: its entry, and its severity in each
// profile (nullopt where it does not run by default).
struct RuleRow {
  const lint::Rule* rule = nullptr;
  std::map<std::string, std::optional<lint::Severity>, std::less<>> in_profile;
};

void writeRulesText(std::ostream& out, const std::vector<RuleRow>& rows);
void writeRulesJson(std::ostream& out, const std::vector<RuleRow>& rows);
void writeRuleExplanation(std::ostream& out, const RuleRow& row);
// The whole catalogue as Markdown, with the data tables it uses.
void writeRulesMarkdown(std::ostream& out, const std::vector<RuleRow>& rows,
                        const lint::TableSet& tables);

}  // namespace taskmaster::cli
