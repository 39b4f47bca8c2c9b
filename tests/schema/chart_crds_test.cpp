// CRDs of a chart's crds/ directories (its own and a subchart's), which
// `helm template` does not print: their kinds are known and their custom
// resources validated, from a chart directory and from a packaged chart, with
// real Helm. A crds/ file that is not YAML is an input error naming it.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <fstream>

#include "cli/lint_inputs.h"
#include "common/error.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "schema/chart_crds.h"
#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace {

using namespace taskmaster;
namespace fs = std::filesystem;

std::optional<fs::path> anyHelm() {
  for (int major : {4, 3})
    if (auto h = test::helmBinary(major)) return h;
  return std::nullopt;
}

std::vector<std::string> lintChart(const fs::path& helm, const fs::path& chart) {
  static const lint::Catalogue catalogue = lint::Catalogue::builtin();
  render::RenderOptions options;
  cli::LoadedUnit unit = cli::loadChart(render::HelmClient(helm), chart.string(), options);
  CHECK(unit.resources.chart_crds.size() == 2);
  std::vector<std::string> out;
  for (const lint::Finding& f : lint::lint(
           unit.resources, {catalogue.find("schema-invalid"), catalogue.find("unknown-kind")},
           lint::LintContext{"default"}))
    out.push_back(
        fmt::format("{}:{}: {} [{}]", f.location.file, f.location.line, f.message, f.rule));
  return out;
}

}  // namespace

TEST_CASE("chart crds: kinds of crds/ and subcharts' crds/ are known and validated",
          "[schema][chart-crds][helm]") {
  auto helm = anyHelm();
  if (!helm) {
    WARN("skipped: no Helm provisioned");
    return;
  }
  const fs::path chart = test::testdata("schema/charts/with-crds");
  const std::vector<std::string> expected = {
      "templates/backup.yaml:8: spec.retension: unknown field (did you mean \"retention\"?) "
      "[schema-invalid]",
      "templates/monitor.yaml:1: monitoring.coreos.com/v1 ServiceMonitor is neither a Kubernetes "
      "1.33 kind nor defined by a CRD of the chart (crds/ or templates); give its schema with "
      "--schema-dir to have it validated [unknown-kind]",
  };
  CHECK(lintChart(*helm, chart) == expected);

  // The same chart packaged: the CRDs come out of the archive.
  sys::TempDir tmp;
  auto packaged = sys::runProcess(
      {helm->string(), "package", chart.string(), "--destination", tmp.path().string()});
  REQUIRE(packaged.ok());
  fs::path tgz = tmp.path() / "with-crds-0.1.0.tgz";
  REQUIRE(fs::exists(tgz));
  CHECK(lintChart(*helm, tgz) == expected);
}

TEST_CASE("chart crds: a crds/ file that is not YAML is an input error", "[schema][chart-crds]") {
  sys::TempDir tmp;
  fs::create_directories(tmp.path() / "chart/crds");
  std::ofstream(tmp.path() / "chart/Chart.yaml") << "apiVersion: v2\nname: c\nversion: 0.1.0\n";
  std::ofstream(tmp.path() / "chart/crds/broken.yaml") << "kind: [unclosed\n";
  manifest::ResourceSet set;
  CHECK_THROWS_WITH(schema::addChartCrds(tmp.path() / "chart", set),
                    Catch::Contains("chart/crds/broken.yaml:2") && Catch::Contains("invalid YAML"));
  // And an archive that is not one.
  std::ofstream(tmp.path() / "fake.tgz") << "not gzip";
  CHECK_THROWS_AS(schema::addChartCrds(tmp.path() / "fake.tgz", set), InputError);
}
