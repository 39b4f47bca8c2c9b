// One entry of the rule catalogue: a rules/<name>.yaml file (or an entry of a
// config file's customRules), validated and bound to its check template. See
// rules/README.md for the format.
#pragma once

#include <map>
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
class TableSet;

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
  std::string category;  // groups rules in listings and docs; "custom" when unset
  std::string summary;
  std::string rationale;
  std::string remediation;
  // Where the rule's semantics deliberately differ from peer linters.
  std::string conformance;
  // Profiles the rule runs in by default (all of lint::kProfiles when unset),
  // and severities that differ from `severity` in some of them.
  std::vector<std::string> profiles;
  std::map<std::string, Severity, std::less<>> profile_severity;
  RuleScope scope;
  std::string template_name;
  yaml::Node params;  // invalid when the file has none; lives in `stream`
  std::shared_ptr<const yaml::Stream> stream;
  std::shared_ptr<const Check> check;  // built from params at load time
  std::string source;                  // file it was loaded from, for messages
  // Params a config file set over `params` (see overrideParams).
  yaml::Node param_overrides;
  std::shared_ptr<const yaml::Stream> overrides_stream;
  std::string overrides_source;

  bool inProfile(std::string_view profile) const;
  Severity severityIn(std::string_view profile) const;
  // The rule as written: the whole rule file, or the customRules entry.
  std::string entry_text;
};

// The lines `first`..`last` (1-based, inclusive) of `stream`'s input.
std::string_view sourceLines(const yaml::Stream& stream, uint32_t first, uint32_t last);
// The last line any part of `node` is on.
uint32_t lastLine(yaml::Node node);

// Parses and validates one rule file. `file` names it in error messages and
// its base name without `.yaml` must equal the rule's name. Throws
// InputError ("file:line: what") on any problem.
Rule loadRule(std::string_view file, std::string content, const CheckRegistry& registry,
              const TableSet* tables = nullptr);

// A rule given as a mapping inside another YAML file (a config file's
// customRules); `stream` owns `root`. No file-name check.
Rule ruleFromNode(std::string_view file, yaml::Node root,
                  std::shared_ptr<const yaml::Stream> stream, const CheckRegistry& registry,
                  const TableSet* tables);

// Rebuilds `rule.check` from its params (and overrides), e.g. after the
// tables it names were replaced.
void rebuildCheck(Rule& rule, const CheckRegistry& registry, const TableSet* tables);

// Rebuilds `rule.check` with `overrides` (a mapping from a config file, each
// key replacing the rule's own param), validating them as the template does.
void overrideParams(Rule& rule, yaml::Node overrides, std::shared_ptr<const yaml::Stream> stream,
                    std::string_view file, const CheckRegistry& registry, const TableSet* tables);

}  // namespace taskmaster::lint
