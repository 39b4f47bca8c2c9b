#include "lint/config.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <initializer_list>

#include "common/error.h"
#include "lint/edit_distance.h"
#include "lint/params.h"
#include "lint/profile.h"
#include "manifest/manifest_input.h"
#include "yaml/parser.h"

namespace taskmaster::lint {

namespace fs = std::filesystem;

namespace {

class ConfigReader {
 public:
  explicit ConfigReader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(yaml::Node at, std::string_view what) const { failAt(file_, at, what); }

  void allowOnly(yaml::Node map, std::initializer_list<std::string_view> known,
                 std::string_view where) const {
    for (size_t i = 0; i < map.size(); ++i) {
      yaml::Node key = map.key(i);
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::vector<std::string_view> names(known);
      auto suggestion = closestMatch(key.str(), names);
      fail(key, fmt::format("unknown key \"{}\" in {}{}", key.str(), where,
                            suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion)
                                       : fmt::format(" (known: {})", fmt::join(names, ", "))));
    }
  }

  std::string string(yaml::Node node, std::string_view what) const {
    if (!node.isScalar() || node.isNull() || node.scalar().empty())
      fail(node, fmt::format("{} must be a non-empty string", what));
    return std::string(node.scalar());
  }

  void mapping(yaml::Node node, std::string_view what) const {
    if (!node.isMap()) fail(node, fmt::format("{} must be a mapping", what));
  }

  void sequence(yaml::Node node, std::string_view what) const {
    if (!node.isSeq()) fail(node, fmt::format("{} must be a list", what));
  }

 private:
  const std::string& file_;
};

RuleSetting readRuleSetting(const ConfigReader& reader, yaml::Node key, yaml::Node value) {
  RuleSetting s;
  s.name = reader.string(key, "a rule name");
  s.line = key.line();
  std::string where = fmt::format("rules.{}", s.name);
  reader.mapping(value, where);
  reader.allowOnly(value, {"enabled", "severity", "params"}, where);
  if (yaml::Node enabled = value.get("enabled")) {
    if (!enabled.asBool())
      reader.fail(enabled, fmt::format("{}.enabled must be true or false", where));
    s.enabled = *enabled.asBool();
  }
  if (yaml::Node severity = value.get("severity")) {
    auto parsed = parseSeverity(severity.str());
    if (!parsed)
      reader.fail(severity, fmt::format("{}.severity \"{}\" must be error, warning or info", where,
                                        severity.str()));
    s.severity = parsed;
  }
  if (yaml::Node params = value.get("params")) {
    reader.mapping(params, where + ".params");
    s.params = params;
  }
  return s;
}

Exemption readExemption(const ConfigReader& reader, yaml::Node entry) {
  Exemption e;
  e.line = entry.line();
  reader.mapping(entry, "each exemption");
  reader.allowOnly(entry,
                   {"rule", "rules", "kind", "name", "namespace", "container", "reason", "expires"},
                   "an exemption");
  if (yaml::Node rule = entry.get("rule"))
    e.rules.emplace_back(reader.string(rule, "rule"), rule.line());
  if (yaml::Node rules = entry.get("rules")) {
    reader.sequence(rules, "rules");
    for (size_t i = 0; i < rules.size(); ++i)
      e.rules.emplace_back(reader.string(rules.item(i), "each of rules"), rules.item(i).line());
  }
  if (e.rules.empty()) reader.fail(entry, "an exemption needs \"rule\" or \"rules\"");
  auto optional = [&](const char* key, std::string& out) {
    if (yaml::Node v = entry.get(key)) out = reader.string(v, key);
  };
  optional("kind", e.kind);
  optional("name", e.name);
  optional("namespace", e.namespace_);
  optional("container", e.container);
  yaml::Node reason = entry.get("reason");
  if (!reason) reader.fail(entry, "an exemption needs a \"reason\"");
  e.reason = reader.string(reason, "reason");
  if (yaml::Node expires = entry.get("expires")) {
    e.expires = parseDate(expires.str());
    if (!e.expires)
      reader.fail(expires, fmt::format("expires \"{}\" must be a date YYYY-MM-DD", expires.str()));
  }
  return e;
}

}  // namespace

LintConfig parseConfig(std::string text, const std::string& file, const fs::path& base_dir) {
  LintConfig config;
  config.file = file;
  config.stream = manifest::parseManifestText(std::move(text), file);
  const auto& docs = config.stream->documents();
  if (docs.size() > 1) failAt(file, {}, "a config file must hold one YAML document");
  if (docs.empty() || docs[0].root.isNull()) return config;  // an empty file configures nothing
  yaml::Node root = docs[0].root;
  ConfigReader reader(config.file);
  reader.mapping(root, "the config file");
  reader.allowOnly(root,
                   {"profile", "rulesDirs", "rules", "customRules", "exemptions", "valuesSets"},
                   "the config file");

  if (yaml::Node profile = root.get("profile")) {
    config.profile = reader.string(profile, "profile");
    if (!isProfile(*config.profile))
      reader.fail(profile, fmt::format("unknown profile \"{}\" (known: {})", *config.profile,
                                       fmt::join(kProfiles, ", ")));
  }
  if (yaml::Node dirs = root.get("rulesDirs")) {
    reader.sequence(dirs, "rulesDirs");
    for (size_t i = 0; i < dirs.size(); ++i) {
      fs::path dir = reader.string(dirs.item(i), "each of rulesDirs");
      config.rules_dirs.push_back(dir.is_absolute() ? dir : base_dir / dir);
    }
  }
  if (yaml::Node rules = root.get("rules")) {
    reader.mapping(rules, "rules");
    for (size_t i = 0; i < rules.size(); ++i)
      config.rules.push_back(readRuleSetting(reader, rules.key(i), rules.value(i)));
  }
  if (yaml::Node custom = root.get("customRules")) {
    reader.sequence(custom, "customRules");
    for (size_t i = 0; i < custom.size(); ++i) config.custom_rules.push_back(custom.item(i));
  }
  if (yaml::Node sets = root.get("valuesSets")) {
    reader.mapping(sets, "valuesSets");
    for (size_t i = 0; i < sets.size(); ++i) {
      std::string name = reader.string(sets.key(i), "a valuesSets name");
      yaml::Node files = sets.value(i);
      reader.sequence(files, "valuesSets." + name);
      std::vector<std::string> resolved;
      for (size_t j = 0; j < files.size(); ++j) {
        fs::path f = reader.string(files.item(j), "each file of valuesSets." + name);
        f = f.is_absolute() ? f : base_dir / f;
        if (!fs::exists(f)) reader.fail(files.item(j), f.string() + ": no such values file");
        resolved.push_back(f.generic_string());
      }
      config.values_sets.emplace_back(std::move(name), std::move(resolved));
    }
  }
  if (yaml::Node exemptions = root.get("exemptions")) {
    reader.sequence(exemptions, "exemptions");
    for (size_t i = 0; i < exemptions.size(); ++i)
      config.exemptions.push_back(readExemption(reader, exemptions.item(i)));
  }
  return config;
}

LintConfig loadConfig(const fs::path& file) {
  return parseConfig(manifest::readInputFile(file, size_t{1} << 20), file.string(),
                     file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

std::optional<fs::path> findConfig(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace taskmaster::lint
