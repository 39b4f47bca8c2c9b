// The rule controls of `helm taskmaster lint`: profile, --enable, the config
// file, annotations, exemptions and baselines. lint_command.cpp adds the
// options and calls the three steps below; everything else lives here.
//
//   1. RuleControls(...)  before rendering: loads the catalogue, the config
//      file and the baseline, so their errors (exit 2) come first;
//   2. lintUnit(...)      per rendered chart or manifest file, from worker
//      threads: runs the enabled rules, applies annotation suppressions;
//   3. finish(report)     once: config exemptions, baseline, expired
//      exemptions, --write-baseline.
#pragma once

#include <CLI/CLI.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lint/baseline.h"
#include "lint/catalogue.h"
#include "lint/config.h"
#include "lint/exemptions.h"
#include "lint/suppression.h"
#include "manifest/resource.h"
#include "report/report.h"

namespace taskmaster::cli {

struct RuleControlOptions {
  std::string profile;  // empty: the config file's, else local
  std::vector<std::string> enable;
  std::string config_file;  // empty: found from the first path upward
  std::string baseline, write_baseline;
  bool show_suppressed = false;
};

void addRuleControlOptions(CLI::App* command, RuleControlOptions& options);

// What the rule controls need from the rest of the lint command line.
struct RuleSelection {
  std::vector<std::string> only, disabled, rules_dirs;
  std::vector<std::string> paths;  // as given; the config is searched from the first
  std::string target_namespace;
  std::string kube_version;     // --kube-version as given; empty: the default
  std::string schema_dir = {};  // --schema-dir; empty: none
};

class RuleControls {
 public:
  // Throws InputError for anything wrong in the options, config or baseline.
  RuleControls(const RuleControlOptions& options, const RuleSelection& selection);
  RuleControls(const RuleControls&) = delete;
  RuleControls& operator=(const RuleControls&) = delete;

  // Lints one unit's resources; thread-safe. Throws InputError for a bad
  // suppression annotation in them.
  std::vector<lint::Finding> lintUnit(const manifest::ResourceSet& resources) const;
  // Applies config exemptions and the baseline to the merged findings, adds
  // expired exemptions, writes --write-baseline, fills report.suppressed.
  void finish(report::Report& report);

  const lint::Catalogue& catalogue() const { return catalogue_; }
  const std::vector<const lint::Rule*>& enabled() const { return enabled_; }
  const std::string& profile() const { return profile_; }
  const lint::LintContext& context() const { return context_; }
  // The config file in use, if any.
  const std::optional<lint::LintConfig>& config() const { return config_; }

 private:
  const RuleControlOptions options_;
  lint::Catalogue catalogue_;
  std::string profile_;
  std::vector<const lint::Rule*> enabled_;
  lint::LintContext context_;
  std::optional<lint::LintConfig> config_;
  lint::ConfigExemptions exemptions_;
  std::optional<lint::Baseline> baseline_;
  mutable std::mutex mutex_;
  mutable std::vector<lint::SuppressedFinding> annotation_suppressed_;
};

// Loads the catalogue a command works with: builtin rules, the config's
// rulesDirs and customRules, then `rules_dirs`; applies the config's rule
// settings for `profile`. Shared by `lint` and `rules`.
struct LoadedCatalogue {
  lint::Catalogue catalogue;
  std::vector<std::string> enabled, disabled;  // from the config's rules: section
};
LoadedCatalogue loadCatalogue(const std::optional<lint::LintConfig>& config,
                              const std::vector<std::string>& rules_dirs,
                              const std::string& profile);

// The config file: `explicit_file` when given, else the nearest
// .helm-taskmaster.yaml from `start` upward; nullopt when there is none.
std::optional<lint::LintConfig> findAndLoadConfig(const std::string& explicit_file,
                                                  const std::string& start);

// --profile, else the config's profile, else local; InputError when unknown.
std::string chooseProfile(const std::string& option, const std::optional<lint::LintConfig>& config);

}  // namespace taskmaster::cli
