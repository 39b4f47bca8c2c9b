// The project config file, `.helm-taskmaster.yaml`: found from the linted
// chart's directory upward, or named with --config. It enables, disables and
// re-weights rules, sets their params, adds custom rules and rule
// directories, and exempts objects from rules with a reason:
//
//   profile: production                 # default profile (--profile wins)
//   rulesDirs: [ci/lint-rules]          # relative to this file
//   rules:
//     cpu-limits-missing: {enabled: false}
//     default-namespace: {severity: error}
//     missing-config-reference:
//       params: {expectedInCluster: [taskmaster-secrets]}
//   customRules:                        # same format as a rule file
//     - {name: team-label-missing, severity: warning, ..., template: field-assertion, params: ...}
//   valuesSets:                         # the values matrix (lint --values-set wins)
//     local: [ci/local-values.yaml]     # files relative to this file
//     production: [ci/local-values.yaml, ci/prod-overrides.yaml]
//   exemptions:
//     - rule: readiness-probe-missing   # or rules: [a, b]
//       kind: Deployment                # kind, name, namespace, container: * and ? wildcards
//       name: "*-worker"
//       container: worker
//       reason: batch worker, serves no traffic      # required
//       expires: 2025-09-30             # optional; from the next day on it no longer applies
//
// Loading is strict: unknown keys and malformed values are InputErrors that
// name the file and line. Rule names are checked against the catalogue when
// the config is applied (see cli/rule_controls.h).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/date.h"
#include "lint/finding.h"
#include "yaml/node.h"

namespace taskmaster::lint {

inline constexpr std::string_view kConfigFileName = ".helm-taskmaster.yaml";

struct RuleSetting {
  std::string name;
  uint32_t line = 0;
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  yaml::Node params;  // a mapping, or invalid
};

struct Exemption {
  std::vector<std::pair<std::string, uint32_t>> rules;  // name and line
  std::string kind, name, namespace_, container;        // globs; empty matches anything
  std::string reason;
  std::optional<Date> expires;
  uint32_t line = 0;  // of the entry
};

struct LintConfig {
  std::string file;  // as shown in messages
  std::shared_ptr<const yaml::Stream> stream;
  std::optional<std::string> profile;
  std::vector<std::filesystem::path> rules_dirs;  // resolved against the file's directory
  std::vector<RuleSetting> rules;
  std::vector<yaml::Node> custom_rules;
  std::vector<Exemption> exemptions;
  // Values sets by name; files resolved against the file's directory.
  std::vector<std::pair<std::string, std::vector<std::string>>> values_sets;
};

LintConfig loadConfig(const std::filesystem::path& file);
LintConfig parseConfig(std::string text, const std::string& file,
                       const std::filesystem::path& base_dir);

// The nearest `.helm-taskmaster.yaml` in `start` (a directory, or a file's
// directory) or its parents; nullopt when there is none.
std::optional<std::filesystem::path> findConfig(const std::filesystem::path& start);

}  // namespace taskmaster::lint
