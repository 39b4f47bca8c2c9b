// Read access to a rule's `params` while its check template is being built.
// Every accessor validates, and every failure is an InputError that names the
// rule file (or the config file that overrode the param) and line, so a broken
// catalogue entry is caught at load time and never silently lints nothing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace re2 {
class RE2;
}

namespace taskmaster::lint {

class TableSet;
struct Table;

class ParamReader {
 public:
  // `params` may be invalid (no params in the file): it reads as empty, and
  // errors then point at `anchor` (the rule's `template:` line).
  ParamReader(yaml::Node params, std::string file, yaml::Node anchor = {});

  // Params a config file sets for the rule: each key given there replaces
  // the rule's own (`overrides` is a mapping, or invalid for none).
  void overrideWith(yaml::Node overrides, std::string file);
  // The catalogue's data tables, for table().
  void setTables(const TableSet* tables) { tables_ = tables; }

  // The override's value when it has the key, else the rule's.
  yaml::Node get(std::string_view key) const;
  bool has(std::string_view key) const { return get(key).valid(); }

  // Rejects keys outside `known`: a misspelt param would otherwise be ignored.
  void allowOnly(std::initializer_list<std::string_view> known) const;

  // A required, non-empty string.
  std::string requireString(std::string_view key) const;
  // A non-empty string, or `fallback` when absent.
  std::string optionalString(std::string_view key, std::string fallback) const;
  // true/false, or `fallback` when absent.
  bool boolean(std::string_view key, bool fallback) const;
  // An integer, or `fallback` when absent; fails outside [min, max].
  int64_t integer(std::string_view key, int64_t fallback, int64_t min, int64_t max) const;
  // One of `choices`, or `fallback` when absent.
  std::string choice(std::string_view key, std::initializer_list<std::string_view> choices,
                     std::string_view fallback) const;
  // A sequence of non-empty strings; empty when absent and not required.
  std::vector<std::string> stringList(std::string_view key, bool required) const;
  // Compiles the string scalar `pattern_node` as RE2 (an invalid pattern is a
  // load error, not a runtime surprise).
  std::shared_ptr<const re2::RE2> regex(yaml::Node pattern_node) const;
  std::vector<std::shared_ptr<const re2::RE2>> regexList(std::string_view key, bool required) const;

  // The table named by the string param `key` (e.g. `table: kubernetes-apis`).
  const Table& table(std::string_view key) const;

  [[noreturn]] void fail(yaml::Node at, std::string_view what) const;

 private:
  const std::string& fileOf(yaml::Node node) const;

  yaml::Node params_;
  std::string file_;
  yaml::Node anchor_;
  yaml::Node overrides_;
  std::string overrides_file_;
  const TableSet* tables_ = nullptr;
};

// "file:line: what" (line omitted when unknown); shared by rule loading.
[[noreturn]] void failAt(std::string_view file, yaml::Node at, std::string_view what);

}  // namespace taskmaster::lint
