// SARIF's shape as GitHub code scanning and the SARIF Multitool need it: the
// rules table, levels, %SRCROOT%-relative URIs, regions, fingerprints that
// survive moved lines. The Multitool itself runs in sarif_multitool_test.sh.
#include "report/sarif_reporter.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/version.h"
#include "sample_report.h"
#include "sys/temp_dir.h"

namespace {

using namespace taskmaster;
using lint::Severity;
using nlohmann::json;
using test::sampleFinding;
using test::sampleRule;

json sarif(const report::Report& rep, const std::filesystem::path& root = "/repo") {
  std::ostringstream out;
  report::writeSarif(out, rep, root);
  return json::parse(out.str());
}

const json& location(const json& result) {
  return result["locations"][0]["physicalLocation"];
}

std::string fingerprint(const json& result) {
  return result["partialFingerprints"]["taskmasterFinding/v1"].get<std::string>();
}

}  // namespace

TEST_CASE("sarif: rule names in PascalCase", "[report][sarif]") {
  CHECK(report::pascalCase("liveness-probe-missing") == "LivenessProbeMissing");
  CHECK(report::pascalCase("cpu-limits-missing") == "CpuLimitsMissing");
  CHECK(report::pascalCase("my_rule.v2") == "MyRuleV2");
  CHECK(report::pascalCase("Already") == "Already");
}

TEST_CASE("sarif: log, tool and the full rules table", "[report][sarif]") {
  test::SampleReport s;
  s.addRule(sampleRule("liveness-probe-missing", Severity::Error, {"Deployment"}));
  s.addRule(sampleRule("cpu-limits-missing", Severity::Warning));
  lint::Rule user = sampleRule("house-style", Severity::Info);
  user.source = "/home/me/rules/house-style.yaml";
  s.addRule(user);
  json doc = sarif(s.report);

  CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(doc["version"] == "2.1.0");
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "helm-taskmaster");
  CHECK(driver["version"] == kVersion);
  CHECK(driver["informationUri"] == std::string(report::kProjectUri));
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/");
  CHECK(run["results"].empty());  // a clean run still lists its rules

  const json& rules = driver["rules"];
  REQUIRE(rules.size() == 3);
  const json& live = rules[0];
  CHECK(live["id"] == "liveness-probe-missing");
  CHECK(live["name"] == "LivenessProbeMissing");
  CHECK(live["shortDescription"]["text"] == "Summary of liveness-probe-missing.");
  CHECK(live["fullDescription"]["text"] == "Why liveness-probe-missing matters.");
  CHECK(live["help"]["text"] == "How to fix liveness-probe-missing.");
  CHECK_THAT(live["help"]["markdown"].get<std::string>(),
             Catch::Contains("How to fix liveness-probe-missing."));
  CHECK(live["defaultConfiguration"]["level"] == "error");
  CHECK(live["properties"]["tags"].size() >= 2);
  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[2]["defaultConfiguration"]["level"] == "note");
  // Only builtin rules have a page in the repository.
  CHECK(live["helpUri"] ==
        std::string(report::kProjectUri) + "/blob/main/rules/liveness-probe-missing.yaml");
  CHECK_FALSE(rules[2].contains("helpUri"));
}

TEST_CASE("sarif: results with levels, regions and relative URIs", "[report][sarif]") {
  test::SampleReport s;
  s.addRule(sampleRule("liveness-probe-missing", Severity::Error));
  s.addRule(sampleRule("default-namespace", Severity::Warning));
  lint::Finding in_matrix = sampleFinding("liveness-probe-missing", Severity::Error, "Deployment",
                                          "web", "container \"web\" has no livenessProbe",
                                          {"templates/deployment.yaml", 25, "charts/app"}, "web");
  in_matrix.values_sets = {"prod", "staging"};
  s.report.findings = {
      in_matrix,
      sampleFinding("default-namespace", Severity::Info, "ConfigMap", "cfg", "in default",
                    {"templates/a b#c.yaml", 3, "/repo/charts/app"}),
      sampleFinding("default-namespace", Severity::Warning, "ConfigMap", "cfg", "in default",
                    {"x.yaml", 9, "/elsewhere"}),
  };
  json doc = sarif(s.report);
  const json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 3);

  const json& r0 = results[0];
  CHECK(r0["ruleId"] == "liveness-probe-missing");
  CHECK(r0["ruleIndex"] == 0);
  CHECK(r0["level"] == "error");
  CHECK(r0["message"]["text"] ==
        "Deployment/web: container \"web\" has no livenessProbe (values: prod, staging).");
  CHECK(location(r0)["artifactLocation"]["uri"] == "charts/app/templates/deployment.yaml");
  CHECK(location(r0)["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location(r0)["region"] == json{{"startLine", 25}});
  CHECK(r0["properties"]["valuesSets"] == json{"prod", "staging"});
  CHECK(r0["properties"]["container"] == "web");
  CHECK(r0["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] ==
        "demo/Deployment/web/web");

  const json& r1 = results[1];
  CHECK(r1["ruleIndex"] == 1);
  CHECK(r1["level"] == "note");  // the finding's own severity, not the rule's default
  CHECK(location(r1)["artifactLocation"]["uri"] == "charts/app/templates/a%20b%23c.yaml");
  CHECK_FALSE(r1["properties"].contains("valuesSets"));

  // Outside the repository root: an absolute file URI, no base.
  const json& r2 = results[2];
  CHECK(location(r2)["artifactLocation"]["uri"] == "file:///elsewhere/x.yaml");
  CHECK_FALSE(location(r2)["artifactLocation"].contains("uriBaseId"));
}

TEST_CASE("sarif: a file-level finding covers the whole template", "[report][sarif]") {
  sys::TempDir dir;
  std::filesystem::create_directories(dir.path() / "chart/templates");
  std::ofstream(dir.path() / "chart/templates/cm.yaml") << "a: 1\nb: 2\nc: 3\n";
  report::Report rep;
  rep.findings = {
      sampleFinding("r", Severity::Error, "ConfigMap", "cfg", "m",
                    {"templates/cm.yaml", 0, "chart"}),
      sampleFinding("r", Severity::Error, "ConfigMap", "cfg", "m",
                    {"templates/gone.yaml", 0, "chart"}),
  };
  json results = sarif(rep, dir.path())["runs"][0]["results"];
  CHECK(location(results[0])["region"] == json{{"startLine", 1}, {"endLine", 3}});
  CHECK(results[0]["properties"]["lineKnown"] == false);
  // Not on disk (a packaged chart): its first line stands for it.
  CHECK(location(results[1])["region"] == json{{"startLine", 1}});
}

TEST_CASE("sarif: fingerprints survive moved lines and tell objects apart", "[report][sarif]") {
  auto finding = [](uint32_t line, std::string container, std::string name = "web") {
    return sampleFinding("cpu-limits-missing", Severity::Warning, "Deployment", std::move(name),
                         "no cpu limit", {"templates/d.yaml", line, "charts/app"},
                         std::move(container));
  };
  report::Report a, b;
  a.findings = {finding(10, "api"), finding(10, "sidecar"), finding(40, "api", "worker")};
  b.findings = {finding(12, "api"), finding(12, "sidecar"), finding(44, "api", "worker")};
  json ra = sarif(a)["runs"][0]["results"], rb = sarif(b)["runs"][0]["results"];
  for (size_t i = 0; i < 3; ++i) CHECK(fingerprint(ra[i]) == fingerprint(rb[i]));
  CHECK(fingerprint(ra[0]) != fingerprint(ra[1]));
  CHECK(fingerprint(ra[0]) != fingerprint(ra[2]));

  // Two findings on the same object and container stay distinct.
  report::Report twice;
  twice.findings = {finding(5, "api"), finding(6, "api")};
  json rt = sarif(twice)["runs"][0]["results"];
  CHECK(fingerprint(rt[0]) != fingerprint(rt[1]));
}

TEST_CASE("sarif: a finding of a rule the table lacks gets a descriptor", "[report][sarif]") {
  report::Report rep;
  rep.findings = {
      sampleFinding("not-in-table", Severity::Error, "Deployment", "web", "m", {"d.yaml", 1, ""})};
  json run = sarif(rep)["runs"][0];
  REQUIRE(run["tool"]["driver"]["rules"].size() == 1);
  CHECK(run["tool"]["driver"]["rules"][0]["id"] == "not-in-table");
  CHECK(run["results"][0]["ruleIndex"] == 0);
}
