// Kubernetes label selectors, as Services (a plain map), workloads, PDBs and
// NetworkPolicies (matchLabels + matchExpressions) write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace taskmaster::lint {

class LabelSelector {
 public:
  // A Service's `selector:` mapping (key: value, all must match).
  static LabelSelector fromMap(yaml::Node map);
  // A LabelSelector object {matchLabels, matchExpressions}; nullopt when an
  // expression is malformed (unknown operator, missing values), which the
  // API server would reject anyway.
  static std::optional<LabelSelector> fromSelector(yaml::Node selector);

  // Labels of a pod template (a mapping); null labels match only an empty
  // selector.
  bool matches(yaml::Node labels) const;
  // An empty selector: matches everything (PDB, NetworkPolicy), or nothing
  // for a Service, which then has no selector at all.
  bool empty() const { return equals_.empty() && expressions_.empty(); }
  // A key=value pair every match has, to look candidates up by; nullopt when
  // the selector has only expressions.
  std::optional<std::pair<std::string, std::string>> anyEquality() const;

 private:
  struct Expression {
    std::string key;
    enum class Op { In, NotIn, Exists, DoesNotExist } op;
    std::vector<std::string> values;
  };
  std::vector<std::pair<std::string, std::string>> equals_;
  std::vector<Expression> expressions_;
};

}  // namespace taskmaster::lint
