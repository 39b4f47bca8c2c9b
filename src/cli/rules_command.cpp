#include "cli/rules_command.h"

#include <iostream>

#include "cli/rule_controls.h"
#include "cli/rules_docs.h"
#include "lint/profile.h"

namespace taskmaster::cli {

namespace {

void addCatalogueOptions(CLI::App* cmd, RulesCommandOptions& o) {
  cmd->add_option("--config", o.config_file,
                  "Config file (default: the nearest .helm-taskmaster.yaml from here upward)");
  cmd->add_option("--rules-dir", o.rules_dirs, "Load more rule files from DIR (repeatable)")
      ->allow_extra_args(false);
}

// One catalogue per profile, as `lint --profile P` would load it here.
struct Catalogues {
  std::vector<LoadedCatalogue> by_profile;  // in lint::kProfiles order
  std::vector<RuleRow> rows;
};

Catalogues load(const RulesCommandOptions& o) {
  auto config = findAndLoadConfig(o.config_file, ".");
  Catalogues c;
  c.by_profile.reserve(lint::kProfiles.size());
  for (std::string_view profile : lint::kProfiles)
    c.by_profile.push_back(loadCatalogue(config, o.rules_dirs, std::string(profile)));
  for (const lint::Rule* rule : c.by_profile.front().catalogue.rules()) {
    RuleRow row{rule, {}};
    for (size_t i = 0; i < lint::kProfiles.size(); ++i) {
      const LoadedCatalogue& loaded = c.by_profile[i];
      auto enabled = loaded.catalogue.selectForProfile(lint::kProfiles[i], {}, loaded.enabled,
                                                       loaded.disabled);
      std::optional<lint::Severity> severity;
      for (const lint::Rule* r : enabled)
        if (r->name == rule->name) severity = r->severity;
      row.in_profile.emplace(std::string(lint::kProfiles[i]), severity);
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

}  // namespace

RulesCommand addRulesCommand(CLI::App& app, RulesCommandOptions& o) {
  RulesCommand cmd;
  cmd.list = app.add_subcommand("rules", "List the rule catalogue (rules explain NAME: one rule)");
  cmd.list->add_option("-o,--output", o.output, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd.list->add_flag("--markdown", o.markdown,
                     "Print the catalogue as Markdown (how docs/rules.md is generated)");
  addCatalogueOptions(cmd.list, o);
  cmd.explain = cmd.list->add_subcommand("explain", "Print one rule's whole entry");
  cmd.explain->add_option("name", o.explain, "Rule name")->required();
  addCatalogueOptions(cmd.explain, o);
  return cmd;
}

int runRules(const RulesCommandOptions& o, bool explain) {
  Catalogues c = load(o);
  if (explain) {
    const lint::Catalogue& catalogue = c.by_profile.front().catalogue;
    catalogue.requireKnown(o.explain);
    for (const RuleRow& row : c.rows)
      if (row.rule->name == o.explain) writeRuleExplanation(std::cout, row);
    return 0;
  }
  if (o.markdown)
    writeRulesMarkdown(std::cout, c.rows, *c.by_profile.front().catalogue.tables());
  else if (o.output == "json")
    writeRulesJson(std::cout, c.rows);
  else
    writeRulesText(std::cout, c.rows);
  return 0;
}

}  // namespace taskmaster::cli
