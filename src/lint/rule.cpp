#include "lint/rule.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "common/error.h"
#include "lint/check.h"
#include "lint/edit_distance.h"
#include "lint/params.h"
#include "yaml/parser.h"

namespace taskmaster::lint {

namespace {

constexpr std::array<std::string_view, 8> kTopLevelKeys = {
    "name", "severity", "summary", "rationale", "remediation", "scope", "template", "params"};

bool isKebabCase(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

// Reads one rule file's top level; every failure names the file and line.
class RuleReader {
 public:
  RuleReader(std::string_view file, yaml::Node root) : file_(file), root_(root) {}

  [[noreturn]] void fail(yaml::Node at, std::string_view what) const {
    failAt(file_, at ? at : root_, what);
  }

  void rejectUnknownKeys() const {
    for (size_t i = 0; i < root_.size(); ++i) {
      yaml::Node key = root_.key(i);
      std::string_view k = key.str();
      if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), k) != kTopLevelKeys.end()) continue;
      std::vector<std::string_view> known(kTopLevelKeys.begin(), kTopLevelKeys.end());
      auto suggestion = closestMatch(k, known);
      fail(key, fmt::format("unknown key \"{}\"{}", k,
                            suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion)
                                       : fmt::format(" (known: {})", fmt::join(known, ", "))));
    }
  }

  // A required string; YAML 1.1 turns `yes`, `1.0` or `null` into other
  // types, which is almost certainly a mistake in a rule file.
  std::string requireString(std::string_view key) const {
    yaml::Node value = root_.get(key);
    if (!value) fail(root_, fmt::format("missing \"{}\"", key));
    if (!value.isScalar() || value.scalarType() != yaml::ScalarType::String || value.str().empty())
      fail(value, fmt::format("\"{}\" must be a non-empty string", key));
    return std::string(value.str());
  }

  RuleScope scope() const {
    RuleScope scope;
    yaml::Node node = root_.get("scope");
    if (node.isNull()) return scope;
    if (!node.isMap()) fail(node, "\"scope\" must be a mapping");
    ParamReader reader(node, std::string(file_));
    reader.allowOnly({"kinds", "containers", "skipHelmTestHooks"});
    scope.kinds = reader.stringList("kinds", false);
    if (yaml::Node c = node.get("containers")) {
      std::string_view v = c.str();
      if (v == "regular") {
        scope.containers = ContainerScope::Regular;
      } else if (v == "init") {
        scope.containers = ContainerScope::Init;
      } else if (v == "all") {
        scope.containers = ContainerScope::All;
      } else {
        fail(c, "\"scope.containers\" must be regular, init or all");
      }
    }
    if (yaml::Node skip = node.get("skipHelmTestHooks")) {
      auto b = skip.asBool();
      if (!b) fail(skip, "\"scope.skipHelmTestHooks\" must be true or false");
      scope.skip_helm_test_hooks = *b;
    }
    return scope;
  }

 private:
  std::string_view file_;
  yaml::Node root_;
};

}  // namespace

bool RuleScope::appliesTo(const manifest::Resource& resource) const {
  if (skip_helm_test_hooks && resource.isHelmTestHook()) return false;
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), resource.id.kind) != kinds.end();
}

Rule loadRule(std::string_view file, std::string content, const CheckRegistry& registry) {
  Rule rule;
  rule.source = std::string(file);
  try {
    rule.stream = yaml::parse(std::move(content));
  } catch (const yaml::ParseError& e) {
    throw InputError(
        fmt::format("{}:{}:{}: invalid YAML: {}", file, e.line(), e.column(), e.what()));
  }
  const auto& docs = rule.stream->documents();
  if (docs.size() != 1) failAt(file, {}, "a rule file must hold exactly one YAML document");
  yaml::Node root = docs.front().root;
  RuleReader reader(file, root);
  if (!root.isMap()) reader.fail(root, "a rule file must be a mapping");
  reader.rejectUnknownKeys();

  rule.name = reader.requireString("name");
  yaml::Node name_node = root.get("name");
  if (!isKebabCase(rule.name))
    reader.fail(name_node, fmt::format("rule name \"{}\" must be kebab-case", rule.name));
  std::string stem = std::filesystem::path(file).filename().string();
  if (stem.size() > 5 && stem.ends_with(".yaml")) stem.resize(stem.size() - 5);
  if (stem != rule.name)
    reader.fail(name_node, fmt::format("rule name \"{}\" must match the file name \"{}.yaml\"",
                                       rule.name, stem));

  std::string severity = reader.requireString("severity");
  auto parsed = parseSeverity(severity);
  if (!parsed)
    reader.fail(root.get("severity"),
                fmt::format("severity \"{}\" must be error, warning or info", severity));
  rule.severity = *parsed;

  rule.summary = reader.requireString("summary");
  rule.rationale = reader.requireString("rationale");
  rule.remediation = reader.requireString("remediation");
  rule.scope = reader.scope();

  rule.template_name = reader.requireString("template");
  CheckFactory factory = registry.find(rule.template_name);
  if (!factory) {
    auto known = registry.names();
    auto suggestion = closestMatch(rule.template_name, known);
    reader.fail(root.get("template"),
                fmt::format("unknown template \"{}\"{}", rule.template_name,
                            suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion)
                                       : fmt::format(" (known: {})", fmt::join(known, ", "))));
  }

  rule.params = root.get("params");
  if (!rule.params.isNull() && !rule.params.isMap())
    reader.fail(rule.params, "\"params\" must be a mapping");
  std::unique_ptr<Check> check =
      factory(ParamReader(rule.params, rule.source, root.get("template")));
  rule.check = std::move(check);
  return rule;
}

}  // namespace taskmaster::lint
