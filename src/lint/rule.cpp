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
#include "lint/profile.h"
#include "yaml/parser.h"

namespace taskmaster::lint {

namespace {

constexpr std::array<std::string_view, 12> kTopLevelKeys = {
    "name",        "severity", "category",        "summary", "rationale", "remediation",
    "conformance", "profiles", "profileSeverity", "scope",   "template",  "params"};

bool isKebabCase(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

// Reads one rule's top level; every failure names the file and line.
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

  std::string optionalString(std::string_view key, std::string fallback) const {
    if (!root_.get(key)) return fallback;
    return requireString(key);
  }

  Severity severity(yaml::Node value) const {
    auto parsed = parseSeverity(value.str());
    if (!value.isScalar() || !parsed)
      fail(value, fmt::format("severity \"{}\" must be error, warning or info", value.str()));
    return *parsed;
  }

  std::string profile(yaml::Node p) const {
    if (!isProfile(p.str()))
      fail(p,
           fmt::format("unknown profile \"{}\" (known: {})", p.str(), fmt::join(kProfiles, ", ")));
    return std::string(p.str());
  }

  std::vector<std::string> profiles() const {
    yaml::Node node = root_.get("profiles");
    if (!node) return {kProfiles.begin(), kProfiles.end()};
    if (!node.isSeq() || node.size() == 0)
      fail(node, fmt::format("\"profiles\" must be a non-empty list of profiles ({})",
                             fmt::join(kProfiles, ", ")));
    std::vector<std::string> out;
    for (size_t i = 0; i < node.size(); ++i) out.push_back(profile(node.item(i)));
    return out;
  }

  std::map<std::string, Severity, std::less<>> profileSeverity() const {
    std::map<std::string, Severity, std::less<>> out;
    yaml::Node node = root_.get("profileSeverity");
    if (!node) return out;
    if (!node.isMap()) fail(node, "\"profileSeverity\" must be a mapping {profile: severity}");
    for (size_t i = 0; i < node.size(); ++i)
      out.emplace(profile(node.key(i)), severity(node.value(i)));
    return out;
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
    scope.skip_helm_test_hooks = reader.boolean("skipHelmTestHooks", false);
    return scope;
  }

 private:
  std::string_view file_;
  yaml::Node root_;
};

// `anchor` is where param errors point when the rule has no params (its
// `template:` line).
void buildCheck(Rule& rule, yaml::Node anchor, const CheckRegistry& registry,
                const TableSet* tables) {
  CheckFactory factory = registry.find(rule.template_name);
  ParamReader params(rule.params, rule.source, anchor);
  if (rule.param_overrides) params.overrideWith(rule.param_overrides, rule.overrides_source);
  params.setTables(tables);
  std::unique_ptr<Check> check = factory(params);
  rule.check = std::move(check);
}

}  // namespace

bool RuleScope::appliesTo(const manifest::Resource& resource) const {
  if (skip_helm_test_hooks && resource.isHelmTestHook()) return false;
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), resource.id.kind) != kinds.end();
}

bool Rule::inProfile(std::string_view profile) const {
  return std::find(profiles.begin(), profiles.end(), profile) != profiles.end();
}

Severity Rule::severityIn(std::string_view profile) const {
  auto it = profile_severity.find(profile);
  return it == profile_severity.end() ? severity : it->second;
}

std::string_view sourceLines(const yaml::Stream& stream, uint32_t first, uint32_t last) {
  std::string_view text = stream.input();
  size_t begin = 0;
  for (uint32_t line = 1; line < first && begin != std::string_view::npos; ++line) {
    begin = text.find('\n', begin);
    if (begin != std::string_view::npos) ++begin;
  }
  if (begin == std::string_view::npos) return {};
  size_t end = begin;
  for (uint32_t line = first; line <= last && end != std::string_view::npos; ++line) {
    end = text.find('\n', end);
    if (end != std::string_view::npos) ++end;
  }
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

uint32_t lastLine(yaml::Node node) {
  uint32_t last = node.line();
  for (size_t i = 0; i < node.size(); ++i) {
    if (node.isMap()) {
      last = std::max(last, lastLine(node.key(i)));
      last = std::max(last, lastLine(node.value(i)));
    } else {
      last = std::max(last, lastLine(node.item(i)));
    }
  }
  return last;
}

Rule ruleFromNode(std::string_view file, yaml::Node root,
                  std::shared_ptr<const yaml::Stream> stream, const CheckRegistry& registry,
                  const TableSet* tables) {
  Rule rule;
  rule.source = std::string(file);
  rule.stream = std::move(stream);
  RuleReader reader(file, root);
  if (!root.isMap()) reader.fail(root, "a rule must be a mapping");
  reader.rejectUnknownKeys();

  rule.name = reader.requireString("name");
  if (!isKebabCase(rule.name))
    reader.fail(root.get("name"), fmt::format("rule name \"{}\" must be kebab-case", rule.name));
  reader.requireString("severity");
  rule.severity = reader.severity(root.get("severity"));
  rule.category = reader.optionalString("category", "custom");
  rule.summary = reader.requireString("summary");
  rule.rationale = reader.requireString("rationale");
  rule.remediation = reader.requireString("remediation");
  rule.conformance = reader.optionalString("conformance", "");
  rule.profiles = reader.profiles();
  rule.profile_severity = reader.profileSeverity();
  rule.scope = reader.scope();

  rule.template_name = reader.requireString("template");
  if (!registry.find(rule.template_name)) {
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
  buildCheck(rule, root.get("template"), registry, tables);
  rule.entry_text = std::string(sourceLines(*rule.stream, root.line(), lastLine(root)));
  return rule;
}

Rule loadRule(std::string_view file, std::string content, const CheckRegistry& registry,
              const TableSet* tables) {
  std::shared_ptr<const yaml::Stream> stream;
  try {
    stream = yaml::parse(std::move(content));
  } catch (const yaml::ParseError& e) {
    throw InputError(
        fmt::format("{}:{}:{}: invalid YAML: {}", file, e.line(), e.column(), e.what()));
  }
  const auto& docs = stream->documents();
  if (docs.size() != 1) failAt(file, {}, "a rule file must hold exactly one YAML document");
  yaml::Node root = docs.front().root;
  if (!root.isMap()) failAt(file, root, "a rule file must be a mapping");
  // The file name is checked first: it is how users find a rule.
  yaml::Node name_node = root.get("name");
  std::string stem = std::filesystem::path(file).filename().string();
  if (stem.size() > 5 && stem.ends_with(".yaml")) stem.resize(stem.size() - 5);
  Rule rule = ruleFromNode(file, root, stream, registry, tables);
  rule.entry_text = stream->input();
  if (stem != rule.name)
    failAt(file, name_node,
           fmt::format("rule name \"{}\" must match the file name \"{}.yaml\"", rule.name, stem));
  return rule;
}

void rebuildCheck(Rule& rule, const CheckRegistry& registry, const TableSet* tables) {
  buildCheck(rule, rule.params, registry, tables);
}

void overrideParams(Rule& rule, yaml::Node overrides, std::shared_ptr<const yaml::Stream> stream,
                    std::string_view file, const CheckRegistry& registry, const TableSet* tables) {
  rule.param_overrides = overrides;
  rule.overrides_stream = std::move(stream);
  rule.overrides_source = std::string(file);
  buildCheck(rule, rule.params, registry, tables);
}

}  // namespace taskmaster::lint
