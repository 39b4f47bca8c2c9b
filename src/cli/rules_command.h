// `helm taskmaster rules`: the rule catalogue, as the lint command would use
// it here (builtin rules, plus the config file's and --rules-dir's).
//
//   helm taskmaster rules [-o text|json] [--markdown]   list every rule
//   helm taskmaster rules explain NAME                  print one rule's entry
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace taskmaster::cli {

struct RulesCommandOptions {
  std::string output = "text";
  bool markdown = false;
  std::string config_file;  // empty: the nearest .helm-taskmaster.yaml from here upward
  std::vector<std::string> rules_dirs;
  std::string explain;  // the rule `rules explain` names
};

struct RulesCommand {
  CLI::App* list = nullptr;
  CLI::App* explain = nullptr;
};

RulesCommand addRulesCommand(CLI::App& app, RulesCommandOptions& options);

// Returns the exit code; InputError (exit 2) for an unknown rule or a bad
// config file.
int runRules(const RulesCommandOptions& options, bool explain);

}  // namespace taskmaster::cli
