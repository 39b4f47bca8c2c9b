// The set of known rules: the builtin catalogue embedded from rules/, plus
// user rule directories (--rules-dir, config), where a rule with a builtin's
// name replaces the builtin.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lint/check.h"
#include "lint/rule.h"

namespace taskmaster::lint {

class Catalogue {
 public:
  explicit Catalogue(const CheckRegistry& registry = CheckRegistry::builtin())
      : registry_(&registry) {}

  // The rules compiled into the binary; a broken builtin rule throws
  // InputError (the build's own tests catch that first).
  static Catalogue builtin();

  // Loads every *.yaml of `dir` (not recursive). Throws InputError for a
  // missing directory or any invalid rule file. Invalidates Rule pointers
  // previously returned for replaced rules.
  void addDirectory(const std::filesystem::path& dir);
  void addFile(const std::filesystem::path& file);
  // Adds or replaces (by name) one rule.
  void add(Rule rule);

  const Rule* find(std::string_view name) const;  // nullptr when unknown
  std::vector<const Rule*> rules() const;         // sorted by name

  // The enabled rules: `only` (all rules when empty) minus `disabled`.
  // Unknown names in either throw InputError with a "did you mean" hint.
  std::vector<const Rule*> select(const std::vector<std::string>& only,
                                  const std::vector<std::string>& disabled) const;

 private:
  void requireKnown(const std::string& name) const;

  const CheckRegistry* registry_;
  std::map<std::string, Rule, std::less<>> rules_;
};

}  // namespace taskmaster::lint
