#include "lint/catalogue.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "common/error.h"
#include "lint/edit_distance.h"
#include "lint/embedded_rules.h"

namespace taskmaster::lint {

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& file, std::string_view what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read {}", file.string(), what));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<fs::path> yamlFilesIn(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml" && !entry.is_directory()) files.push_back(entry.path());
  if (ec)
    throw InputError(fmt::format("{}: cannot list directory: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());  // deterministic error order
  return files;
}

}  // namespace

Catalogue Catalogue::builtin() {
  Catalogue catalogue;
  // Tables first: rules name them in their params.
  for (const EmbeddedFile& file : embeddedRuleFiles())
    if (file.name.starts_with("tables/"))
      catalogue.tables_->add(
          loadTable("rules/" + std::string(file.name), std::string(file.content)));
  for (const EmbeddedFile& file : embeddedRuleFiles())
    if (!file.name.starts_with("tables/"))
      catalogue.add(loadRule("rules/" + std::string(file.name), std::string(file.content),
                             *catalogue.registry_, catalogue.tables_.get()));
  return catalogue;
}

void Catalogue::addDirectory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(fmt::format("{}: rules directory does not exist", dir.string()));
  if (fs::is_directory(dir / "tables", ec)) {
    auto tables = std::make_shared<TableSet>(*tables_);  // copies share no state with others
    for (const fs::path& file : yamlFilesIn(dir / "tables"))
      tables->add(loadTable(file.string(), readFile(file, "table file")));
    tables_ = std::move(tables);
    // Rules already loaded read the tables they name again.
    for (auto& [name, rule] : rules_) rebuildCheck(rule, *registry_, tables_.get());
  }
  for (const fs::path& file : yamlFilesIn(dir)) addFile(file);
}

void Catalogue::addFile(const fs::path& file) {
  add(loadRule(file.string(), readFile(file, "rule file"), *registry_, tables_.get()));
}

void Catalogue::add(Rule rule) {
  std::string name = rule.name;
  rules_.insert_or_assign(std::move(name), std::move(rule));
}

const Rule* Catalogue::find(std::string_view name) const {
  auto it = rules_.find(name);
  return it == rules_.end() ? nullptr : &it->second;
}

std::vector<const Rule*> Catalogue::rules() const {
  std::vector<const Rule*> out;
  for (const auto& [name, rule] : rules_) out.push_back(&rule);  // std::map: sorted by name
  return out;
}

std::vector<std::string_view> Catalogue::names() const {
  std::vector<std::string_view> out;
  for (const auto& entry : rules_) out.push_back(entry.first);
  return out;
}

void Catalogue::requireKnown(std::string_view name, std::string_view where) const {
  if (find(name)) return;
  auto suggestion = closestMatch(name, names());
  throw InputError(fmt::format(
      "{}unknown rule \"{}\"{}", where, name,
      suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion) : std::string()));
}

Rule& Catalogue::mutableRule(std::string_view name) {
  requireKnown(name);
  return rules_.find(name)->second;
}

void Catalogue::setSeverity(std::string_view name, Severity severity) {
  mutableRule(name).severity = severity;
}

void Catalogue::overrideParams(std::string_view name, yaml::Node overrides,
                               std::shared_ptr<const yaml::Stream> stream, std::string_view file) {
  lint::overrideParams(mutableRule(name), overrides, std::move(stream), file, *registry_,
                       tables_.get());
}

void Catalogue::applyProfile(std::string_view profile) {
  for (auto& [name, rule] : rules_) rule.severity = rule.severityIn(profile);
}

std::vector<const Rule*> Catalogue::select(const std::vector<std::string>& only,
                                           const std::vector<std::string>& disabled) const {
  for (const std::string& name : only) requireKnown(name);
  for (const std::string& name : disabled) requireKnown(name);
  std::set<std::string_view> wanted(only.begin(), only.end());
  std::set<std::string_view> off(disabled.begin(), disabled.end());
  std::vector<const Rule*> out;
  for (const Rule* rule : rules()) {
    if (!wanted.empty() && !wanted.contains(rule->name)) continue;
    if (off.contains(rule->name)) continue;
    out.push_back(rule);
  }
  return out;
}

std::vector<const Rule*> Catalogue::selectForProfile(
    std::string_view profile, const std::vector<std::string>& only,
    const std::vector<std::string>& enabled, const std::vector<std::string>& disabled) const {
  if (!only.empty()) return select(only, disabled);
  for (const std::string& name : enabled) requireKnown(name);
  for (const std::string& name : disabled) requireKnown(name);
  std::set<std::string_view> on(enabled.begin(), enabled.end());
  std::set<std::string_view> off(disabled.begin(), disabled.end());
  std::vector<const Rule*> out;
  for (const Rule* rule : rules())
    if ((rule->inProfile(profile) || on.contains(rule->name)) && !off.contains(rule->name))
      out.push_back(rule);
  return out;
}

}  // namespace taskmaster::lint
