#include "cli/rule_controls.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <tuple>

#include "common/error.h"
#include "lint/annotations.h"
#include "lint/linter.h"
#include "lint/profile.h"
#include "schema/schema_dir.h"

namespace taskmaster::cli {

namespace fs = std::filesystem;

namespace {

void addUnique(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

void removeName(std::vector<std::string>& list, const std::string& name) {
  list.erase(std::remove(list.begin(), list.end(), name), list.end());
}

// The same finding from several values sets is suppressed once.
void dedupe(std::vector<lint::SuppressedFinding>& list) {
  auto key = [](const lint::SuppressedFinding& s) {
    const lint::Finding& f = s.finding;
    return std::tie(f.location.root, f.location.file, f.location.line, f.rule, f.resource.kind,
                    f.resource.namespace_, f.resource.name, f.container, f.message);
  };
  std::stable_sort(list.begin(), list.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  list.erase(std::unique(list.begin(), list.end(),
                         [&](const auto& a, const auto& b) { return key(a) == key(b); }),
             list.end());
}

}  // namespace

void addRuleControlOptions(CLI::App* cmd, RuleControlOptions& o) {
  cmd->add_option("--profile", o.profile,
                  "Rule profile: local (default; Docker Desktop) or production (availability "
                  "rules, stricter severities)")
      ->check(CLI::IsMember({"local", "production"}));
  cmd->add_option("--enable", o.enable, "Run this rule even if the profile does not (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--config", o.config_file,
                  "Config file (default: the nearest .helm-taskmaster.yaml from the first path "
                  "upward)");
  cmd->add_option("--baseline", o.baseline, "Report only findings that are not in this baseline");
  cmd->add_option("--write-baseline", o.write_baseline,
                  "Record the findings of this run in FILE (then report none of them)");
  cmd->add_flag("--show-suppressed", o.show_suppressed,
                "List suppressed findings with the reason and where it is written");
}

std::optional<lint::LintConfig> findAndLoadConfig(const std::string& explicit_file,
                                                  const std::string& start) {
  if (!explicit_file.empty()) return lint::loadConfig(explicit_file);
  fs::path from = start.empty() || start == "-" ? fs::path(".") : fs::path(start);
  auto found = lint::findConfig(from);
  if (!found) return std::nullopt;
  // Shown relative to the working directory, as the user would type it.
  std::error_code ec;
  fs::path shown = fs::proximate(*found, ec);
  lint::LintConfig config = lint::loadConfig(ec ? *found : shown);
  return config;
}

std::string chooseProfile(const std::string& option,
                          const std::optional<lint::LintConfig>& config) {
  std::string profile = !option.empty()             ? option
                        : config && config->profile ? *config->profile
                                                    : std::string(lint::kDefaultProfile);
  if (!lint::isProfile(profile))
    throw InputError(fmt::format("unknown profile \"{}\" (known: {})", profile,
                                 fmt::join(lint::kProfiles, ", ")));
  return profile;
}

LoadedCatalogue loadCatalogue(const std::optional<lint::LintConfig>& config,
                              const std::vector<std::string>& rules_dirs,
                              const std::string& profile) {
  LoadedCatalogue out{lint::Catalogue::builtin(), {}, {}};
  lint::Catalogue& catalogue = out.catalogue;
  if (config) {
    for (const fs::path& dir : config->rules_dirs) catalogue.addDirectory(dir);
    for (yaml::Node node : config->custom_rules)
      catalogue.add(lint::ruleFromNode(config->file, node, config->stream, catalogue.registry(),
                                       catalogue.tables()));
  }
  for (const std::string& dir : rules_dirs) catalogue.addDirectory(dir);
  catalogue.applyProfile(profile);
  if (!config) return out;
  for (const lint::RuleSetting& s : config->rules) {
    catalogue.requireKnown(s.name, fmt::format("{}:{}: rules: ", config->file, s.line));
    if (s.severity) catalogue.setSeverity(s.name, *s.severity);
    if (s.params) catalogue.overrideParams(s.name, s.params, config->stream, config->file);
    if (s.enabled) (*s.enabled ? out.enabled : out.disabled).push_back(s.name);
  }
  return out;
}

RuleControls::RuleControls(const RuleControlOptions& options, const RuleSelection& selection)
    : options_(options) {
  config_ = findAndLoadConfig(options.config_file,
                              selection.paths.empty() ? std::string(".") : selection.paths.front());
  profile_ = chooseProfile(options.profile, config_);
  LoadedCatalogue loaded = loadCatalogue(config_, selection.rules_dirs, profile_);
  catalogue_ = std::move(loaded.catalogue);

  // The command line wins over the config file.
  std::vector<std::string> enabled = loaded.enabled, disabled = loaded.disabled;
  for (const std::string& name : options.enable) {
    addUnique(enabled, name);
    removeName(disabled, name);
  }
  for (const std::string& name : selection.disabled) {
    addUnique(disabled, name);
    removeName(enabled, name);
  }
  enabled_ = catalogue_.selectForProfile(profile_, selection.only, enabled, disabled);

  context_.target_namespace = selection.target_namespace;
  if (!selection.kube_version.empty()) {
    auto v = lint::parseKubeVersion(selection.kube_version);
    if (!v)
      throw InputError(fmt::format("--kube-version \"{}\": expected a version such as 1.30",
                                   selection.kube_version));
    context_.kube_version = *v;
  }
  if (!selection.schema_dir.empty())
    context_.schema_dir = schema::SchemaDirectory::load(selection.schema_dir);
  if (config_) exemptions_ = lint::ConfigExemptions(*config_, catalogue_, lint::today());
  if (!options.baseline.empty()) baseline_ = lint::Baseline::load(options.baseline, catalogue_);
}

std::vector<lint::Finding> RuleControls::lintUnit(const manifest::ResourceSet& resources) const {
  const lint::AnnotationSuppressions annotations(resources, catalogue_);
  std::vector<lint::SuppressedFinding> suppressed;
  auto findings = lint::lint(resources, enabled_, context_,
                             [&](const manifest::Resource& r, const lint::Finding& f) {
                               auto by = annotations.match(r, f);
                               if (by) suppressed.push_back({f, *by});
                               return !by;
                             });
  std::lock_guard lock(mutex_);
  for (auto& s : suppressed) annotation_suppressed_.push_back(std::move(s));
  return findings;
}

void RuleControls::finish(report::Report& report) {
  std::vector<lint::SuppressedFinding> suppressed;
  {
    std::lock_guard lock(mutex_);
    suppressed = std::move(annotation_suppressed_);
  }
  std::vector<lint::Finding> remaining;
  for (lint::Finding& f : report.findings) {
    if (auto by = exemptions_.match(f, context_.target_namespace))
      suppressed.push_back({std::move(f), *by});
    else
      remaining.push_back(std::move(f));
  }

  if (!options_.write_baseline.empty()) {
    lint::Baseline::write(options_.write_baseline, remaining);
    std::cerr << fmt::format("helm taskmaster: wrote {} finding{} to the baseline {}\n",
                             remaining.size(), remaining.size() == 1 ? "" : "s",
                             options_.write_baseline);
    // What was just recorded is, from now on, the baseline.
    baseline_ = lint::Baseline::load(options_.write_baseline, catalogue_);
  }
  report.findings.clear();
  if (baseline_) {
    auto matches = baseline_->matchAll(remaining);
    for (size_t i = 0; i < remaining.size(); ++i) {
      if (matches[i])
        suppressed.push_back({std::move(remaining[i]), *matches[i]});
      else
        report.findings.push_back(std::move(remaining[i]));
    }
  } else {
    report.findings = std::move(remaining);
  }
  for (const lint::Finding& f : exemptions_.expired()) report.findings.push_back(f);
  dedupe(suppressed);
  report.suppressed = std::move(suppressed);
  report.list_suppressed = options_.show_suppressed;
}

}  // namespace taskmaster::cli
