#include "cli/lint_targets.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "common/error.h"
#include "manifest/manifest_input.h"
#include "render/chart_renderer.h"

namespace taskmaster::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCiSuffix = "-values.yaml";

// A path shown to the user: relative to the working directory when inside it.
std::string displayPath(const fs::path& absolute) {
  fs::path rel = absolute.lexically_relative(fs::current_path());
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  return absolute.generic_string();
}

// The chart a file belongs to: the nearest directory upward with Chart.yaml.
std::optional<fs::path> enclosingChart(const fs::path& file) {
  fs::path dir = fs::absolute(file).lexically_normal().parent_path();
  for (;;) {
    if (fs::exists(dir / "Chart.yaml")) return dir;
    if (dir == dir.root_path() || dir.empty()) return std::nullopt;
    dir = dir.parent_path();
  }
}

// Charts below dir (not below another chart), sorted.
std::vector<fs::path> chartsBelow(const fs::path& dir) {
  std::vector<fs::path> charts;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    if (!it->is_directory()) continue;
    std::string name = it->path().filename().string();
    if (name.size() > 1 && name[0] == '.') {
      it.disable_recursion_pending();
    } else if (fs::exists(it->path() / "Chart.yaml")) {
      charts.push_back(it->path());
      it.disable_recursion_pending();
    }
  }
  std::sort(charts.begin(), charts.end());
  return charts;
}

}  // namespace

std::vector<ValuesSet> parseValuesSetSpecs(const std::vector<std::string>& specs) {
  std::vector<ValuesSet> sets;
  for (const auto& spec : specs) {
    size_t eq = spec.find('=');
    if (eq == 0 || eq == std::string::npos)
      throw InputError("--values-set " + spec + ": expected NAME=file1,file2");
    ValuesSet set{spec.substr(0, eq), {}};
    for (const auto& s : sets)
      if (s.name == set.name) throw InputError("--values-set " + spec + ": duplicate set name");
    std::string files = spec.substr(eq + 1);
    size_t start = 0;
    while (start < files.size()) {
      size_t comma = files.find(',', start);
      if (comma == std::string::npos) comma = files.size();
      if (comma > start) set.files.push_back(files.substr(start, comma - start));
      start = comma + 1;
    }
    for (const auto& f : set.files)
      if (!fs::exists(f)) throw InputError("--values-set " + spec + ": " + f + ": no such file");
    sets.push_back(std::move(set));
  }
  return sets;
}

std::vector<ValuesSet> valuesSetsFor(const std::string& chart,
                                     const std::vector<ValuesSet>& explicit_sets,
                                     bool user_chose_values) {
  if (!explicit_sets.empty()) return explicit_sets;
  if (user_chose_values || !fs::is_directory(chart)) return {ValuesSet{}};
  std::vector<ValuesSet> sets;
  fs::path ci = fs::path(chart) / "ci";
  if (fs::is_directory(ci)) {
    for (const auto& e : fs::directory_iterator(ci)) {
      std::string name = e.path().filename().string();
      if (!e.is_regular_file() || name.size() <= kCiSuffix.size() ||
          name.compare(name.size() - kCiSuffix.size(), kCiSuffix.size(), kCiSuffix) != 0)
        continue;
      sets.push_back(ValuesSet{name.substr(0, name.size() - kCiSuffix.size()),
                               {(ci / name).generic_string()}});
    }
  }
  std::sort(sets.begin(), sets.end(), [](auto& a, auto& b) { return a.name < b.name; });
  if (sets.empty()) sets.push_back(ValuesSet{});  // the chart's own values: no matrix
  return sets;
}

std::vector<LintTarget> planTargets(const std::vector<std::string>& paths,
                                    const std::vector<ValuesSet>& explicit_sets,
                                    bool user_chose_values) {
  std::vector<LintTarget> targets;
  std::set<fs::path> seen;  // canonical paths already planned
  auto addChart = [&](const fs::path& chart, std::string shown) {
    if (!seen.insert(fs::weakly_canonical(chart)).second) return;
    LintTarget t{LintTarget::Kind::Chart, shown, {}};
    t.values_sets = valuesSetsFor(shown, explicit_sets, user_chose_values);
    targets.push_back(std::move(t));
  };
  auto addFile = [&](const fs::path& file, std::string shown) {
    if (!seen.insert(fs::weakly_canonical(file)).second) return;
    targets.push_back(LintTarget{LintTarget::Kind::ManifestFile, std::move(shown), {}});
  };
  bool stdin_used = false;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      if (!stdin_used) targets.push_back(LintTarget{LintTarget::Kind::Stdin, "<stdin>", {}});
      stdin_used = true;
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    if (!fs::exists(p, ec)) throw InputError(arg + ": no such file or directory");
    if (render::isChartDirectory(p) || render::isPackagedChart(p)) {
      addChart(p, arg);
    } else if (fs::is_directory(p)) {
      if (auto charts = chartsBelow(p); !charts.empty()) {
        for (const auto& c : charts) addChart(c, displayPath(fs::absolute(c)));
      } else if (fs::is_directory(p / "templates")) {
        throw InputError(arg + ": has templates/ but no Chart.yaml, so it is not a chart");
      } else {
        auto files = manifest::manifestFilesIn(p);
        if (files.empty())
          throw InputError(arg + ": not a chart (no Chart.yaml) and holds no .yaml or .yml files");
        for (const auto& f : files) addFile(f, f.string());
      }
    } else if (auto chart = enclosingChart(p)) {
      addChart(*chart, displayPath(*chart));
    } else {
      addFile(p, arg);
    }
  }
  return targets;
}

}  // namespace taskmaster::cli
