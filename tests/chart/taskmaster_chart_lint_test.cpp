// The bundled chart is what the linter is judged on first: with every rule
// enabled, in both profiles, every ci/ values file, Helm 3 and Helm 4, it has
// no finding, and every document maps to template lines. The rule controls
// are those of `helm taskmaster lint` (the chart's .helm-taskmaster.yaml,
// its annotations), so what is suppressed is suppressed with a reason.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "cli/lint_inputs.h"
#include "cli/rule_controls.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using namespace taskmaster;

TEST_CASE("charts/taskmaster lints clean for every ci/ values file", "[helm][chart]") {
  fs::path chart = test::sourceDir() / "charts/taskmaster";
  REQUIRE(fs::exists(chart / "Chart.yaml"));
  // Every rule enabled, with each profile's severities.
  const lint::Catalogue builtin = lint::Catalogue::builtin();
  std::vector<std::unique_ptr<cli::RuleControls>> profiles;
  for (const char* profile : {"local", "production"}) {
    cli::RuleControlOptions options;
    options.profile = profile;
    for (std::string_view name : builtin.names()) options.enable.emplace_back(name);
    profiles.push_back(std::make_unique<cli::RuleControls>(
        options, cli::RuleSelection{{}, {}, {}, {chart.string()}, "taskmaster", ""}));
    REQUIRE(profiles.back()->enabled().size() >= 35);
  }
  size_t values_files = 0;
  for (int major : {3, 4}) {
    auto helm = test::helmBinary(major);
    if (!helm) {
      WARN(fmt::format("skipped: Helm {} not provisioned", major));
      continue;
    }
    for (const auto& e : fs::directory_iterator(chart / "ci")) {
      ++values_files;
      render::RenderOptions options;
      options.release_name = "taskmaster";
      options.namespace_ = "taskmaster";
      options.values_files = {e.path().string()};
      cli::LoadedUnit in = cli::loadChart(render::HelmClient(*helm), chart.string(), options);
      for (const auto& controls : profiles) {
        report::Report report;
        report.findings = controls->lintUnit(in.resources);
        controls->finish(report);
        INFO(fmt::format("Helm {} with {}, profile {}", major, e.path().filename().string(),
                         controls->profile()));
        for (const auto& f : report.findings)
          UNSCOPED_INFO(
              fmt::format("{}:{}: {} [{}]", f.location.file, f.location.line, f.message, f.rule));
        CHECK(report.findings.empty());
        for (const auto& s : report.suppressed) CHECK_FALSE(s.by.reason.empty());
      }
      CHECK(in.resources.resources.size() >= 7);
      REQUIRE(in.line_map);
      const render::MappingStats& stats = in.line_map->stats();
      CHECK(stats.line_level == stats.documents);
    }
  }
  if (values_files == 0) WARN("skipped: no Helm provisioned");
}
