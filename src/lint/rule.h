// One entry of the rule catalogue: a rules/<name>.yaml file, validated and
// bound to its check template. See rules/README.md for the file format.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"
#include "manifest/resource.h"
#include "yaml/node.h"

namespace taskmaster::lint {

class Check;
class CheckRegistry;

// Which containers of a pod a rule looks at. Ephemeral (debug) containers are
// never linted: they cannot have probes or resources and are not in charts.
enum class ContainerScope { Regular, Init, All };

struct RuleScope {
  std::vector<std::string> kinds;  // empty: every kind
  ContainerScope containers = ContainerScope::All;
  // Helm test pods run once and exit, so e.g. probes make no sense on them.
  bool skip_helm_test_hooks = false;

  bool appliesTo(const manifest::Resource& resource) const;
};

struct Rule {
  std::string name;
  Severity severity = Severity::Error;
  std::string summary;
  std::string rationale;
  std::string remediation;
  RuleScope scope;
  std::string template_name;
  yaml::Node params;  // invalid when the file has none; lives in `stream`
  std::shared_ptr<const yaml::Stream> stream;
  std::shared_ptr<const Check> check;  // built from params at load time
  std::string source;                  // file it was loaded from, for messages
};

// Parses and validates one rule file. `file` names it in error messages and
// its base name without `.yaml` must equal the rule's name. Throws
// InputError ("file:line: what") on any problem.
Rule loadRule(std::string_view file, std::string content, const CheckRegistry& registry);

}  // namespace taskmaster::lint
