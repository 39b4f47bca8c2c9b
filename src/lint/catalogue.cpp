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

Catalogue Catalogue::builtin() {
  Catalogue catalogue;
  for (const EmbeddedFile& file : embeddedRuleFiles())
    catalogue.add(loadRule("rules/" + std::string(file.name), std::string(file.content),
                           *catalogue.registry_));
  return catalogue;
}

void Catalogue::addDirectory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(fmt::format("{}: rules directory does not exist", dir.string()));
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml" && !entry.is_directory()) files.push_back(entry.path());
  if (ec)
    throw InputError(
        fmt::format("{}: cannot list rules directory: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());  // deterministic error order
  for (const fs::path& file : files) addFile(file);
}

void Catalogue::addFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read rule file", file.string()));
  std::ostringstream content;
  content << in.rdbuf();
  add(loadRule(file.string(), content.str(), *registry_));
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

void Catalogue::requireKnown(const std::string& name) const {
  if (find(name)) return;
  std::vector<std::string_view> names;
  for (const auto& entry : rules_) names.push_back(entry.first);
  auto suggestion = closestMatch(name, names);
  throw InputError(fmt::format(
      "unknown rule \"{}\"{}", name,
      suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion) : std::string()));
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

}  // namespace taskmaster::lint
