// Read access to a rule's `params` while its check template is being built.
// Every accessor validates, and every failure is an InputError that names the
// rule file and line, so a broken catalogue entry is caught at load time and
// never silently lints nothing.
#pragma once

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

class ParamReader {
 public:
  // `params` may be invalid (no params in the file): it reads as empty, and
  // errors then point at `anchor` (the rule's `template:` line).
  ParamReader(yaml::Node params, std::string file, yaml::Node anchor = {});

  yaml::Node node() const { return params_; }
  yaml::Node get(std::string_view key) const { return params_.get(key); }

  // Rejects keys outside `known`: a misspelt param would otherwise be ignored.
  void allowOnly(std::initializer_list<std::string_view> known) const;

  // A required, non-empty string.
  std::string requireString(std::string_view key) const;
  // A sequence of non-empty strings; empty when absent and not required.
  std::vector<std::string> stringList(std::string_view key, bool required) const;
  // Compiles the string scalar `pattern_node` as RE2 (an invalid pattern is a
  // load error, not a runtime surprise).
  std::shared_ptr<const re2::RE2> regex(yaml::Node pattern_node) const;
  std::vector<std::shared_ptr<const re2::RE2>> regexList(std::string_view key, bool required) const;

  [[noreturn]] void fail(yaml::Node at, std::string_view what) const;

 private:
  yaml::Node params_;
  std::string file_;
  yaml::Node anchor_;
};

// "file:line: what" (line omitted when unknown); shared by rule loading.
[[noreturn]] void failAt(std::string_view file, yaml::Node at, std::string_view what);

}  // namespace taskmaster::lint
