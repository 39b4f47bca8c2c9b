#include "cli/lint_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <thread>
#include <tuple>

#include "cli/lint_inputs.h"
#include "cli/progress_line.h"
#include "common/error.h"
#include "manifest/manifest_input.h"

namespace taskmaster::cli {

namespace {

// One chart under one values set, one manifest file, or stdin.
struct Unit {
  const LintTarget* target;
  const ValuesSet* set;  // charts only
  std::string label;     // "charts/x [production]"
};

struct UnitResult {
  std::vector<lint::Finding> findings;
  std::vector<manifest::ResourceId> resources;
  std::shared_ptr<const render::RenderedLineMap> line_map;
  std::string error;
};

std::vector<Unit> expand(const std::vector<LintTarget>& targets) {
  std::vector<Unit> units;
  for (const auto& t : targets) {
    if (t.kind != LintTarget::Kind::Chart) {
      units.push_back(Unit{&t, nullptr, t.path});
      continue;
    }
    for (const auto& set : t.values_sets)
      units.push_back(Unit{&t, &set, set.name.empty() ? t.path : t.path + " [" + set.name + "]"});
  }
  return units;
}

LoadedUnit load(const Unit& u, const std::optional<render::HelmClient>& helm,
                const render::RenderOptions& base, std::string& stdin_text) {
  switch (u.target->kind) {
    case LintTarget::Kind::Stdin:
      return loadManifestText(std::move(stdin_text), "<stdin>");
    case LintTarget::Kind::ManifestFile:
      return loadManifestText(manifest::readInputFile(u.target->path), u.target->path);
    case LintTarget::Kind::Chart:
      break;
  }
  render::RenderOptions o = base;
  o.values_files.insert(o.values_files.end(), u.set->files.begin(), u.set->files.end());
  return loadChart(*helm, u.target->path, o);
}

// Findings equal but for their values set are one finding listing the sets.
void mergeInto(std::vector<lint::Finding>& merged,
               std::map<std::tuple<std::string, std::string, std::string, std::string, std::string,
                                   std::string, std::string, uint32_t>,
                        size_t>& index,
               lint::Finding f, const std::string& set) {
  auto key = std::make_tuple(f.rule, f.message, f.resource.kind,
                             f.resource.namespace_ + "/" + f.resource.name, f.container,
                             f.location.root, f.location.file, f.location.line);
  auto it = index.find(key);
  if (it != index.end()) {
    if (!set.empty()) merged[it->second].values_sets.push_back(set);
    return;
  }
  if (!set.empty()) f.values_sets = {set};
  index.emplace(key, merged.size());
  merged.push_back(std::move(f));
}

}  // namespace

LintRun runLintTargets(const std::vector<LintTarget>& targets, const LintRunOptions& options,
                       const UnitLinter& lint_unit) {
  std::vector<Unit> units = expand(targets);
  std::optional<render::HelmClient> helm;
  std::string stdin_text;
  for (const auto& t : targets) {
    if (t.kind == LintTarget::Kind::Chart && !helm) helm = render::HelmClient::locate();
    if (t.kind == LintTarget::Kind::Stdin) stdin_text = manifest::readStandardInput();
  }

  std::vector<UnitResult> results(units.size());
  std::atomic<size_t> next{0}, done{0};
  ProgressLine progress(options.progress && !units.empty());
  auto work = [&] {
    for (size_t i; (i = next++) < units.size();) {
      UnitResult& r = results[i];
      try {
        LoadedUnit loaded = load(units[i], helm, options.render, stdin_text);
        r.findings = lint_unit(loaded.resources);
        for (const auto& res : loaded.resources.resources) r.resources.push_back(res.id);
        if (options.keep_line_maps) r.line_map = std::move(loaded.line_map);
      } catch (const InputError& e) {
        // Name the values set: "charts/x [broken]: helm template failed: ...".
        r.error = e.what();
        const std::string& path = units[i].target->path;
        if (units[i].label != path && r.error.compare(0, path.size(), path) == 0)
          r.error.replace(0, path.size(), units[i].label);
      } catch (const std::exception& e) {
        r.error = units[i].label + ": internal error: " + e.what();
      }
      progress.update(++done, units.size(), units[i].label);
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, units.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  LintRun run;
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string,
                      std::string, uint32_t>,
           size_t>
      index;
  for (size_t i = 0; i < units.size(); ++i) {
    UnitResult& r = results[i];
    const std::string set = units[i].set ? units[i].set->name : "";
    if (!r.error.empty()) {
      run.errors.push_back(r.error);
      continue;
    }
    for (auto& f : r.findings) mergeInto(run.report.findings, index, std::move(f), set);
    run.report.resources += r.resources.size();
    run.report.units.push_back(
        report::LintUnit{units[i].target->path, set, std::move(r.resources)});
    if (r.line_map) run.charts.emplace_back(units[i].label, std::move(r.line_map));
  }
  std::stable_sort(run.report.findings.begin(), run.report.findings.end(),
                   [](const lint::Finding& a, const lint::Finding& b) {
                     return std::tie(a.location.root, a.location.file, a.location.line) <
                            std::tie(b.location.root, b.location.file, b.location.line);
                   });
  return run;
}

}  // namespace taskmaster::cli
