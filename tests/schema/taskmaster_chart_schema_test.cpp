// charts/taskmaster renders schema-clean: every ci/ values file, rendered by
// real Helm 3 and Helm 4 for Kubernetes 1.33 and 1.36 (--kube-version goes to
// Helm and picks the schema), without a schema-invalid or unknown-kind finding.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/lint_inputs.h"
#include "cli/rule_controls.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using namespace taskmaster;

TEST_CASE("charts/taskmaster is schema-clean for Kubernetes 1.33 and 1.36",
          "[schema][chart][helm]") {
  const fs::path chart = test::sourceDir() / "charts/taskmaster";
  size_t renders = 0;
  for (const char* version : {"1.33", "1.36"}) {
    cli::RuleSelection selection{
        {"schema-invalid", "unknown-kind"}, {}, {}, {chart.string()}, "taskmaster", version};
    const cli::RuleControls controls(cli::RuleControlOptions{}, selection);
    REQUIRE(controls.enabled().size() == 2);
    for (int major : {3, 4}) {
      auto helm = test::helmBinary(major);
      if (!helm) continue;
      for (const auto& values : fs::directory_iterator(chart / "ci")) {
        render::RenderOptions options;
        options.release_name = "taskmaster";
        options.namespace_ = "taskmaster";
        options.kube_version = version;
        options.values_files = {values.path().string()};
        cli::LoadedUnit unit = cli::loadChart(render::HelmClient(*helm), chart.string(), options);
        INFO(fmt::format("Helm {}, Kubernetes {}, {}", major, version,
                         values.path().filename().string()));
        CHECK(unit.resources.resources.size() >= 7);
        for (const lint::Finding& f : controls.lintUnit(unit.resources))
          FAIL_CHECK(
              fmt::format("{}:{}: {} [{}]", f.location.file, f.location.line, f.message, f.rule));
        ++renders;
      }
    }
  }
  if (renders == 0) WARN("skipped: no Helm provisioned");
}
