// The bundled chart is what the linter is judged on first: with every rule
// enabled, every ci/ values file, Helm 3 and Helm 4, it has no finding, and
// every document maps to template lines.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "cli/lint_inputs.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using namespace taskmaster;

TEST_CASE("charts/taskmaster lints clean for every ci/ values file", "[helm][chart]") {
  fs::path chart = test::sourceDir() / "charts/taskmaster";
  REQUIRE(fs::exists(chart / "Chart.yaml"));
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  std::vector<const lint::Rule*> all = catalogue.select({}, {});
  REQUIRE(all.size() >= 10);
  size_t values_files = 0;
  for (int major : {3, 4}) {
    auto helm = test::helmBinary(major);
    if (!helm) {
      WARN(fmt::format("skipped: Helm {} not provisioned", major));
      continue;
    }
    ::setenv("HELM_BIN", helm->c_str(), 1);
    for (const auto& e : fs::directory_iterator(chart / "ci")) {
      ++values_files;
      render::RenderOptions options;
      options.release_name = "taskmaster";
      options.namespace_ = "taskmaster";
      options.values_files = {e.path().string()};
      cli::LoadedInputs in = cli::loadInputs({chart.string()}, options);
      auto findings = lint::lint(in.resources, all, lint::LintContext{"taskmaster"});
      INFO(fmt::format("Helm {} with {}", major, e.path().filename().string()));
      for (const auto& f : findings)
        UNSCOPED_INFO(
            fmt::format("{}:{}: {} [{}]", f.location.file, f.location.line, f.message, f.rule));
      CHECK(findings.empty());
      CHECK(in.resources.resources.size() >= 7);
      REQUIRE(in.charts.size() == 1);
      const render::MappingStats& stats = in.charts[0].second->stats();
      CHECK(stats.line_level == stats.documents);
    }
    ::unsetenv("HELM_BIN");
  }
  if (values_files == 0) WARN("skipped: no Helm provisioned");
}
