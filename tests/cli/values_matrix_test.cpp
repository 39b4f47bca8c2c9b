// The values matrix, many charts and pre-commit style calls, through the
// real binary: every set is linted in one run, a broken set does not stop
// the others (exit 2), shared findings are reported once naming their sets.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/lint_targets.h"
#include "common/error.h"
#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace fs = std::filesystem;
using namespace taskmaster;

namespace {

sys::ProcessResult lint(std::vector<std::string> args, const fs::path& helm) {
  args.insert(args.begin(), {test::pluginBinary().string(), "lint"});
  sys::ProcessOptions o;
  o.env["HELM_BIN"] = helm.string();
  o.env["HELM_NAMESPACE"] = std::nullopt;
  o.env["HELM_TASKMASTER_NO_CACHE"] = "1";
  return sys::runProcess(args, o);
}

std::string chart(const std::string& name) { return test::testdata("charts/" + name).string(); }

}  // namespace

TEST_CASE("values sets: ci/*-values.yaml by default, explicit sets, user values", "[cli][matrix]") {
  fs::path tm = test::sourceDir() / "charts/taskmaster";
  auto sets = cli::valuesSetsFor(tm.string(), {}, false);
  REQUIRE(sets.size() == 3);
  CHECK(sets[0].name == "existing-secret");
  CHECK(sets[1].name == "local");
  CHECK(sets[2].name == "production");
  CHECK(sets[1].files == std::vector<std::string>{(tm / "ci/local-values.yaml").generic_string()});

  auto plain = cli::valuesSetsFor(chart("clean"), {}, false);  // no ci/: the chart's own values
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].name.empty());
  CHECK(plain[0].files.empty());

  auto chosen = cli::valuesSetsFor(tm.string(), {}, true);  // -f/--set given: no matrix
  REQUIRE(chosen.size() == 1);
  CHECK(chosen[0].name.empty());

  auto spec = cli::parseValuesSetSpecs(
      {"a=" + (tm / "ci/local-values.yaml").string() + "," + (tm / "values.yaml").string(), "b="});
  REQUIRE(spec.size() == 2);
  CHECK(spec[0].files.size() == 2);
  CHECK(spec[1].files.empty());
  CHECK(cli::valuesSetsFor(tm.string(), spec, false).size() == 2);
  CHECK_THROWS_AS(cli::parseValuesSetSpecs({"novalue"}), InputError);
  CHECK_THROWS_AS(cli::parseValuesSetSpecs({"a=", "a="}), InputError);
  CHECK_THROWS_AS(cli::parseValuesSetSpecs({"a=/nonexistent.yaml"}), InputError);
}

TEST_CASE("targets: files map to their chart once; directories of charts; manifests",
          "[cli][matrix]") {
  std::string mapping = chart("mapping");
  auto targets = cli::planTargets(
      {mapping + "/templates/deployment-api.yaml", mapping + "/values.yaml",
       mapping + "/charts/sub/templates/service.yaml", chart("clean") + "/templates/deployment.yaml",
       test::testdata("manifests/good.yaml").string()},
      {}, false);
  REQUIRE(targets.size() == 4);
  CHECK(targets[0].kind == cli::LintTarget::Kind::Chart);
  CHECK(fs::equivalent(targets[0].path, mapping));
  CHECK(fs::equivalent(targets[1].path, mapping + "/charts/sub"));  // a subchart is a chart
  CHECK(fs::equivalent(targets[2].path, chart("clean")));
  CHECK(targets[3].kind == cli::LintTarget::Kind::ManifestFile);

  auto all = cli::planTargets({test::testdata("charts").string()}, {}, false);
  std::vector<std::string> names;
  for (const auto& t : all) names.push_back(fs::path(t.path).filename().string());
  // no-chart-yaml has no Chart.yaml: not a chart, and not descended into.
  CHECK(names == std::vector<std::string>{"clean", "mapping", "missing-liveness", "render-error"});
}

TEST_CASE("the TaskMaster chart's ci/ sets are linted in one run", "[helm][cli][matrix]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  fs::path tm = test::sourceDir() / "charts/taskmaster";
  auto r = lint({tm.string(), "-n", "taskmaster", "-o", "json"}, *helm);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["findings"].empty());
  CHECK(doc["summary"]["resources"] == 7 + 11 + 15);  // existing-secret + local + production

  // One set broken by a template error: the others are still reported, exit 2.
  sys::TempDir tmp;
  std::ofstream(tmp.path() / "broken.yaml") << "backend:\n  image:\n    tag: [not, a, string]\n";
  auto broken = lint({tm.string(), "-n", "taskmaster", "-o", "json", "--values-set",
                      "local=" + (tm / "ci/local-values.yaml").string(), "--values-set",
                      "broken=" + (tm / "ci/local-values.yaml").string() + "," +
                          (tmp.path() / "broken.yaml").string(),
                      "--values-set", "production=" + (tm / "ci/production-values.yaml").string()},
                     *helm);
  CHECK(broken.exit_code == 2);
  CHECK_THAT(broken.err, Catch::Contains("[broken]"));
  auto bdoc = nlohmann::json::parse(broken.out);
  CHECK(bdoc["summary"]["resources"] == 11 + 15);
}

TEST_CASE("a finding shared by values sets is reported once, naming them", "[helm][cli][matrix]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  sys::TempDir tmp;
  std::ofstream(tmp.path() / "two.yaml") << "replicaCount: 2\n";
  std::ofstream(tmp.path() / "port.yaml") << "port: 9090\n";
  std::string ml = chart("missing-liveness");
  auto r = lint({ml, "-n", "demo", "-o", "json", "--values-set", "one=", "--values-set",
                 "two=" + (tmp.path() / "two.yaml").string(), "--values-set",
                 "port=" + (tmp.path() / "port.yaml").string()},
                *helm);
  CHECK(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["valuesSets"] == nlohmann::json({"one", "two", "port"}));
  CHECK(doc["summary"]["resources"] == 9);

  auto text = lint({ml, "-n", "demo", "--values-set", "one=", "--values-set",
                    "two=" + (tmp.path() / "two.yaml").string()},
                   *helm);
  CHECK_THAT(text.out, Catch::Contains("[liveness-probe-missing] (values: one, two)"));
}

TEST_CASE("pre-commit: files of two charts and a manifest lint two charts and one file",
          "[helm][cli][matrix]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  std::string ml = chart("missing-liveness"), clean = chart("clean");
  auto r = lint({ml + "/templates/deployment.yaml", ml + "/values.yaml", ml + "/Chart.yaml",
                 clean + "/templates/service.yaml", clean + "/templates/deployment.yaml",
                 test::testdata("manifests/good.yaml").string(), "-n", "taskmaster", "-o", "json"},
                *helm);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out);
  // missing-liveness: 3 objects, clean: 3, good.yaml: 2 - each once.
  CHECK(doc["summary"]["resources"] == 8);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["rule"] == "liveness-probe-missing");
}

TEST_CASE("values sets named in the config file", "[helm][cli][matrix]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  sys::TempDir tmp;
  fs::path copy = tmp.path() / "missing-liveness";
  fs::copy(chart("missing-liveness"), copy, fs::copy_options::recursive);
  std::ofstream(copy / "ci-a.yaml") << "replicaCount: 2\n";
  std::ofstream(copy / ".helm-taskmaster.yaml") << "valuesSets:\n"
                                                   "  base: []\n"
                                                   "  scaled: [ci-a.yaml]\n";
  auto r = lint({copy.string(), "-n", "demo", "-o", "json"}, *helm);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["valuesSets"] == nlohmann::json({"base", "scaled"}));

  // --values-set wins over the config; a missing file in the config is named.
  auto cli = lint({copy.string(), "-n", "demo", "-o", "json", "--values-set", "only="}, *helm);
  CHECK(nlohmann::json::parse(cli.out)["findings"][0]["valuesSets"] == nlohmann::json({"only"}));
  std::ofstream(copy / ".helm-taskmaster.yaml") << "valuesSets:\n  bad: [absent.yaml]\n";
  auto bad = lint({copy.string(), "-n", "demo"}, *helm);
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains(".helm-taskmaster.yaml:2") && Catch::Contains("absent.yaml"));
}
