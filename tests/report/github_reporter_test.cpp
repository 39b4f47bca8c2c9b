// GitHub Actions workflow commands: one line per finding, the level by
// severity, the path relative to the repository root, and GitHub's escaping
// (a message that breaks the line or a property with ':' or ',' would
// otherwise be cut or misread by the runner).
#include "report/github_reporter.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "sample_report.h"

namespace {

using namespace taskmaster;
using lint::Severity;
using test::sampleFinding;

std::string github(const report::Report& rep, const std::string& root = "/repo") {
  std::ostringstream out;
  report::writeGithub(out, rep, root);
  return out.str();
}

}  // namespace

TEST_CASE("github: escaping of messages and properties", "[report][github]") {
  CHECK(report::escapeGithubData("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
  CHECK(report::escapeGithubProperty("100% done\r\nnext: a, b") ==
        "100%25 done%0D%0Anext%3A a%2C b");
  CHECK(report::escapeGithubData("%0A") == "%250A");  // not decoded back into a newline
}

TEST_CASE("github: one command per finding, level by severity", "[report][github]") {
  report::Report rep;
  rep.findings = {
      sampleFinding("liveness-probe-missing", Severity::Error, "Deployment", "web",
                    "container \"web\" has no livenessProbe",
                    {"templates/deployment.yaml", 25, "charts/app"}, "web"),
      sampleFinding("cpu-limits-missing", Severity::Warning, "Deployment", "web", "no cpu limit",
                    {"templates/deployment.yaml", 30, "charts/app"}),
      sampleFinding("default-namespace", Severity::Info, "ConfigMap", "cfg", "in default",
                    {"manifests/cm.yaml", 0, ""}),
  };
  std::string out = github(rep);
  CHECK(out ==
        "::error file=charts/app/templates/deployment.yaml,line=25,title=liveness-probe-missing::"
        "Deployment/web: container \"web\" has no livenessProbe\n"
        "::warning file=charts/app/templates/deployment.yaml,line=30,title=cpu-limits-missing::"
        "Deployment/web: no cpu limit\n"
        // No line known: the annotation goes on the file.
        "::notice file=manifests/cm.yaml,title=default-namespace::ConfigMap/cfg: in default\n");
}

TEST_CASE("github: paths relative to the repository root", "[report][github]") {
  report::Report rep;
  rep.findings = {
      sampleFinding("r", Severity::Error, "Deployment", "web", "m",
                    {"templates/d.yaml", 3, "/repo/charts/app"}),
      sampleFinding("r", Severity::Error, "Deployment", "web", "m",
                    {"templates/d.yaml", 3, "/elsewhere/app"}),
      sampleFinding("r", Severity::Error, "Deployment", "web", "m", {"<stdin>", 7, ""})};
  std::string out = github(rep, "/repo");
  CHECK_THAT(out, Catch::Contains("::error file=charts/app/templates/d.yaml,line=3,title=r::"));
  // Outside the repository: absolute (GitHub cannot place it, but the log shows it).
  CHECK_THAT(out, Catch::Contains("::error file=/elsewhere/app/templates/d.yaml,line=3,"));
  // Standard input is no file.
  CHECK_THAT(out, Catch::Contains("::error title=r::Deployment/web: m\n"));
}

TEST_CASE("github: hostile text stays on one line, values sets are named", "[report][github]") {
  report::Report rep;
  lint::Finding f = sampleFinding("r,x:y", Severity::Warning, "Deployment", "web",
                                  "line one\nline two, 50%", {"templates/a,b:c.yaml", 4, "chart"});
  f.values_sets = {"prod", "staging"};
  rep.findings = {f};
  std::string out = github(rep);
  CHECK(out ==
        "::warning file=chart/templates/a%2Cb%3Ac.yaml,line=4,title=r%2Cx%3Ay::"
        "Deployment/web: line one%0Aline two, 50%25 (values: prod, staging)\n");
}

TEST_CASE("github: no findings, no output", "[report][github]") {
  CHECK(github(report::Report{}).empty());
}
