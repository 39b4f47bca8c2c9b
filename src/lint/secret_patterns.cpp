#include "lint/secret_patterns.h"

#include <fmt/format.h>
#include <re2/re2.h>

namespace taskmaster::lint {

namespace {

bool anyMatch(const std::vector<std::shared_ptr<const re2::RE2>>& patterns, std::string_view text) {
  for (const auto& re : patterns)
    if (re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re)) return true;
  return false;
}

}  // namespace

SecretPatterns::SecretPatterns(const ParamReader& params) {
  keys_ = params.regexList("keyPatterns", true);
  ignore_keys_ = params.regexList("ignoreKeyPatterns", false);
  ignore_values_ = params.regexList("ignoreValuePatterns", false);
  yaml::Node list = params.get("valuePatterns");
  if (list && !list.isSeq()) params.fail(list, "param \"valuePatterns\" must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    yaml::Node item = list.item(i);
    if (!item.isMap() || item.size() != 2 || !item.get("kind").isScalar() ||
        item.get("kind").str().empty() || !item.get("pattern"))
      params.fail(item, "each of \"valuePatterns\" must be {kind: <description>, pattern: <RE2>}");
    values_.push_back({std::string(item.get("kind").str()), params.regex(item.get("pattern"))});
  }
}

std::optional<SecretPatterns::Match> SecretPatterns::classify(std::string_view key,
                                                              std::string_view value) const {
  if (value.empty() || anyMatch(ignore_values_, value)) return std::nullopt;
  for (const ValuePattern& p : values_)
    if (re2::RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *p.re))
      return Match{true, p.kind};
  if (anyMatch(keys_, key) && !anyMatch(ignore_keys_, key)) return Match{false, {}};
  return std::nullopt;
}

}  // namespace taskmaster::lint
