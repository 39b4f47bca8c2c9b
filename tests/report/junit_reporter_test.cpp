// JUnit XML read back by a real XML parser (python3's xml.etree, which is
// expat: strict about escaping, encoding and characters XML cannot carry):
// suites per unit, testcases per rule and object, failures and counts.
#include "report/junit_reporter.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "sample_report.h"
#include "sys/process.h"

namespace {

using namespace taskmaster;
using lint::Severity;
using nlohmann::json;
using test::sampleFinding;
using test::sampleRule;

const char* kParseXml = R"PY(
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
assert root.tag == "testsuites", root.tag
def attrs(e, *names):
    return {n: e.get(n) for n in names}
doc = attrs(root, "name", "tests", "failures", "errors")
doc["suites"] = []
for s in root.findall("testsuite"):
    suite = attrs(s, "name", "tests", "failures", "errors", "skipped")
    suite["properties"] = {p.get("name"): p.get("value") for p in s.findall("properties/property")}
    suite["cases"] = []
    for c in s.findall("testcase"):
        case = attrs(c, "classname", "name")
        f = c.findall("failure")
        case["failures"] = len(f)
        if f:
            case["failure"] = dict(attrs(f[0], "message", "type"), text=f[0].text)
        suite["cases"].append(case)
    doc["suites"].append(suite)
print(json.dumps(doc))
)PY";

// The parsed document; nullopt (with a warning) when python3 is missing.
std::optional<json> parseJunit(const report::Report& rep) {
  std::ostringstream out;
  report::writeJunit(out, rep, "/repo");
  sys::ProcessOptions options;
  options.stdin_data = out.str();
  options.timeout = std::chrono::seconds(60);
  sys::ProcessResult r = sys::runProcess({"python3", "-c", kParseXml}, options);
  if (r.not_found) {
    WARN("skipped: python3 not found, the JUnit XML was not parsed");
    return std::nullopt;
  }
  INFO("xml:\n" << out.str());
  INFO("python3: " << r.err);
  REQUIRE(r.ok());
  return json::parse(r.out);
}

const json* findCase(const json& suite, const std::string& name) {
  for (const auto& c : suite["cases"])
    if (c["name"] == name) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("junit: xml escaping", "[report][junit]") {
  CHECK(report::escapeXml("a & b < c > d \"e\" 'f'") ==
        "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  CHECK(report::escapeXml("line\nnext\ttab") == "line&#10;next&#9;tab");
  CHECK(report::escapeXml("caf\xC3\xA9") == "caf\xC3\xA9");              // UTF-8 kept
  CHECK(report::escapeXml("bad \xFF byte") == "bad \xEF\xBF\xBD byte");  // invalid UTF-8
  CHECK(report::escapeXml(std::string("nul \0 bel \x07", 11)) ==         // not XML chars
        "nul \xEF\xBF\xBD bel \xEF\xBF\xBD");
}

TEST_CASE("junit: a suite per unit, a testcase per rule and object", "[report][junit]") {
  test::SampleReport s;
  s.addRule(sampleRule("liveness-probe-missing", Severity::Error, {"Deployment"}));
  s.addRule(sampleRule("default-namespace", Severity::Warning));
  manifest::ResourceId web{"apps/v1", "Deployment", "web", "demo"};
  manifest::ResourceId cfg{"v1", "ConfigMap", "cfg", "demo"};
  manifest::ResourceId worker{"apps/v1", "Deployment", "worker", "demo"};
  s.report.units = {{"charts/app", "prod", {web, cfg}},
                    {"charts/app", "staging", {web, cfg}},
                    {"manifests/worker.yaml", "", {worker}}};

  // In both values sets (merged), in one set only, and in a manifest file.
  lint::Finding both = sampleFinding("liveness-probe-missing", Severity::Error, "Deployment", "web",
                                     "container \"web\" has no livenessProbe",
                                     {"templates/deployment.yaml", 25, "charts/app"}, "web");
  both.values_sets = {"prod", "staging"};
  lint::Finding prod_only =
      sampleFinding("default-namespace", Severity::Warning, "ConfigMap", "cfg",
                    "placed in namespace \"default\"", {"templates/cm.yaml", 4, "charts/app"});
  prod_only.values_sets = {"prod"};
  lint::Finding manifest =
      sampleFinding("liveness-probe-missing", Severity::Error, "Deployment", "worker",
                    "container \"w\" has no livenessProbe", {"manifests/worker.yaml", 9, ""}, "w");
  s.report.findings = {both, prod_only, manifest};

  auto doc = parseJunit(s.report);
  if (!doc) return;
  REQUIRE((*doc)["suites"].size() == 3);
  const json& prod = (*doc)["suites"][0];
  const json& staging = (*doc)["suites"][1];
  const json& file = (*doc)["suites"][2];
  CHECK(prod["name"] == "charts/app [prod]");
  CHECK(staging["name"] == "charts/app [staging]");
  CHECK(file["name"] == "manifests/worker.yaml");
  CHECK(prod["properties"]["values-set"] == "prod");
  CHECK(prod["properties"]["input"] == "charts/app");

  // liveness applies to the Deployment only; default-namespace to both.
  CHECK(prod["tests"] == "3");
  CHECK(prod["cases"].size() == 3);
  CHECK(prod["failures"] == "2");
  CHECK(staging["tests"] == "3");
  CHECK(staging["failures"] == "1");
  CHECK(file["tests"] == "2");
  CHECK(file["failures"] == "1");
  CHECK((*doc)["tests"] == "8");
  CHECK((*doc)["failures"] == "4");

  const json* live = findCase(prod, "liveness-probe-missing Deployment/web");
  REQUIRE(live);
  CHECK((*live)["classname"] == "charts/app [prod]");
  REQUIRE((*live)["failures"] == 1);
  CHECK((*live)["failure"]["message"] == "container \"web\" has no livenessProbe");
  CHECK((*live)["failure"]["type"] == "error");
  std::string text = (*live)["failure"]["text"];
  CHECK_THAT(text, Catch::Contains("charts/app/templates/deployment.yaml:25"));
  CHECK_THAT(text, Catch::Contains("container web"));
  CHECK_THAT(text, Catch::Contains("(values: prod, staging)"));

  const json* ns_staging = findCase(staging, "default-namespace ConfigMap/cfg");
  REQUIRE(ns_staging);
  CHECK((*ns_staging)["failures"] == 0);
  const json* ns_prod = findCase(prod, "default-namespace ConfigMap/cfg");
  REQUIRE(ns_prod);
  CHECK((*ns_prod)["failure"]["type"] == "warning");
}

TEST_CASE("junit: markup and bad bytes in names and messages", "[report][junit]") {
  test::SampleReport s;
  s.addRule(sampleRule("r&d", Severity::Error));
  manifest::ResourceId odd{"v1", "ConfigMap", "a<b>&\"c\"'", "demo"};
  s.report.units = {{"charts/x&y <z>", "set \"1\"", {odd}}};
  lint::Finding f = sampleFinding("r&d", Severity::Error, "ConfigMap", "a<b>&\"c\"'",
                                  "key \"<&>\" is \x01 bad \xFF\nsecond line",
                                  {"templates/t.yaml", 2, "charts/x&y <z>"});
  s.report.findings = {f};
  auto doc = parseJunit(s.report);
  if (!doc) return;
  const json& suite = (*doc)["suites"][0];
  CHECK(suite["name"] == "charts/x&y <z> [set \"1\"]");
  REQUIRE(suite["cases"].size() == 1);
  CHECK(suite["cases"][0]["name"] == "r&d ConfigMap/a<b>&\"c\"'");
  CHECK(suite["cases"][0]["failure"]["message"] ==
        "key \"<&>\" is \xEF\xBF\xBD bad \xEF\xBF\xBD\nsecond line");
  CHECK(suite["failures"] == "1");
}

TEST_CASE("junit: without units, findings make their own suites", "[report][junit]") {
  report::Report rep;
  rep.findings = {
      sampleFinding("r", Severity::Error, "Deployment", "web", "m",
                    {"templates/d.yaml", 3, "charts/a"}),
      sampleFinding("r", Severity::Warning, "Deployment", "db", "m", {"manifests/db.yaml", 5, ""})};
  auto doc = parseJunit(rep);
  if (!doc) return;
  REQUIRE((*doc)["suites"].size() == 2);
  CHECK((*doc)["suites"][0]["name"] == "charts/a");
  CHECK((*doc)["suites"][1]["name"] == "manifests/db.yaml");
  CHECK((*doc)["failures"] == "2");

  // A run that linted nothing still has a suite for consumers to show.
  auto empty = parseJunit(report::Report{});
  REQUIRE(empty);
  REQUIRE((*empty)["suites"].size() == 1);
  CHECK((*empty)["tests"] == "0");
}
