// The set of known rules: the builtin catalogue embedded from rules/ (with its
// data tables from rules/tables/), plus user rule directories (--rules-dir,
// config) and config-file custom rules, where a rule with a builtin's name
// replaces the builtin.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/check.h"
#include "lint/rule.h"
#include "lint/tables.h"

namespace taskmaster::lint {

class Catalogue {
 public:
  explicit Catalogue(const CheckRegistry& registry = CheckRegistry::builtin())
      : registry_(&registry), tables_(std::make_shared<TableSet>()) {}

  // The rules compiled into the binary; a broken builtin rule throws
  // InputError (the build's own tests catch that first).
  static Catalogue builtin();

  // Loads every *.yaml of `dir` (not recursive) as a rule, after the tables
  // of `dir/tables/` if there is one (a table replaces the one of the same
  // name for every rule). Throws InputError for a missing directory or any
  // invalid file. Invalidates Rule pointers previously
  // returned for replaced rules.
  void addDirectory(const std::filesystem::path& dir);
  void addFile(const std::filesystem::path& file);
  // Adds or replaces (by name) one rule.
  void add(Rule rule);

  const Rule* find(std::string_view name) const;  // nullptr when unknown
  std::vector<const Rule*> rules() const;         // sorted by name
  std::vector<std::string_view> names() const;    // sorted
  const CheckRegistry& registry() const { return *registry_; }
  const TableSet* tables() const { return tables_.get(); }

  // InputError "unknown rule "x" (did you mean "y"?)" unless `name` is known;
  // `where` prefixes the message ("file:line: ").
  void requireKnown(std::string_view name, std::string_view where = {}) const;

  // Changes a rule (for config files); the name must be known.
  void setSeverity(std::string_view name, Severity severity);
  void overrideParams(std::string_view name, yaml::Node overrides,
                      std::shared_ptr<const yaml::Stream> stream, std::string_view file);
  // Sets each rule's severity to the one it declares for `profile`.
  void applyProfile(std::string_view profile);

  // Every rule (`only` empty) or just `only`, minus `disabled`, regardless of
  // profiles. Unknown names throw InputError with a "did you mean" hint.
  std::vector<const Rule*> select(const std::vector<std::string>& only,
                                  const std::vector<std::string>& disabled) const;

  // The rules of a lint run: `only` when given; else the rules in `profile`
  // plus `enabled`; minus `disabled` in both cases.
  std::vector<const Rule*> selectForProfile(std::string_view profile,
                                            const std::vector<std::string>& only,
                                            const std::vector<std::string>& enabled,
                                            const std::vector<std::string>& disabled) const;

 private:
  Rule& mutableRule(std::string_view name);

  const CheckRegistry* registry_;
  // Shared so that copies of a catalogue (one per run, with config applied)
  // keep the tables their rules' checks were built from.
  std::shared_ptr<TableSet> tables_;
  std::map<std::string, Rule, std::less<>> rules_;
};

}  // namespace taskmaster::lint
