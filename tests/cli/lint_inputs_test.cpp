// `helm taskmaster lint` as a user runs it, on each kind of input: a chart
// directory, a packaged chart, a YAML file, a directory of YAML files, stdin;
// chart options reaching Helm; text and JSON naming the template line.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace fs = std::filesystem;
using namespace taskmaster;

namespace {

sys::ProcessResult lint(std::vector<std::string> args, const fs::path& helm,
                        std::string stdin_data = {}) {
  args.insert(args.begin(), {test::pluginBinary().string(), "lint"});
  sys::ProcessOptions o;
  o.env["HELM_BIN"] = helm.string();
  o.env["HELM_NAMESPACE"] = std::nullopt;
  o.env["NO_COLOR"] = std::nullopt;
  o.stdin_data = std::move(stdin_data);
  return sys::runProcess(args, o);
}

// The 1-based line of `needle` in a file.
uint32_t lineOf(const fs::path& file, const std::string& needle) {
  std::ifstream in(file);
  uint32_t n = 0;
  for (std::string l; std::getline(in, l);) {
    ++n;
    if (l.find(needle) != std::string::npos) return n;
  }
  return 0;
}

}  // namespace

TEST_CASE("a missing livenessProbe is reported at the container's template line", "[helm][cli]") {
  fs::path chart = test::testdata("charts/missing-liveness");
  uint32_t line = lineOf(chart / "templates/deployment.yaml", "# @L:container");
  REQUIRE(line > 0);
  for (int major : {3, 4}) {
    auto helm = test::helmBinary(major);
    if (!helm) {
      WARN(fmt::format("skipped: Helm {} not provisioned", major));
      continue;
    }
    INFO(fmt::format("Helm {}", major));
    auto text = lint({chart.string(), "--namespace", "demo"}, *helm);
    CHECK(text.exit_code == 1);
    CHECK(text.out.find(fmt::format("{}/templates/deployment.yaml:{}: error: ", chart.string(),
                                    line)) != std::string::npos);
    CHECK(text.out.find("[liveness-probe-missing]") != std::string::npos);
    CHECK(text.out.find("\x1b[") == std::string::npos);  // not a TTY: no colour
    CHECK(text.out.find("1 error, 0 warnings, 0 info in 3 resources.") != std::string::npos);

    auto json = lint({chart.string(), "-o", "json", "-n", "demo"}, *helm);
    CHECK(json.exit_code == 1);
    auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["version"] == 1);
    REQUIRE(doc["findings"].size() == 1);
    auto f = doc["findings"][0];
    CHECK(f["rule"] == "liveness-probe-missing");
    CHECK(f["severity"] == "error");
    CHECK(f["container"] == "web");
    CHECK(f["resource"]["kind"] == "Deployment");
    CHECK(f["resource"]["namespace"] == "demo");
    CHECK(f["location"]["file"] == "templates/deployment.yaml");
    CHECK(f["location"]["line"] == line);
    CHECK(doc["summary"]["error"] == 1);
    CHECK(doc["summary"]["resources"] == 3);
  }
}

TEST_CASE("a packaged chart is rendered and mapped like its directory", "[helm][cli]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  sys::TempDir tmp;
  auto pkg = sys::runProcess({helm->string(), "package",
                              test::testdata("charts/missing-liveness").string(), "--destination",
                              tmp.path().string()});
  REQUIRE(pkg.ok());
  fs::path tgz = tmp.path() / "missing-liveness-0.1.0.tgz";
  REQUIRE(fs::exists(tgz));
  auto json = lint({tgz.string(), "-o", "json", "-n", "demo"}, *helm);
  CHECK(json.exit_code == 1);
  auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["location"]["file"] == "templates/deployment.yaml");
  CHECK(doc["findings"][0]["location"]["line"] ==
        lineOf(test::testdata("charts/missing-liveness/templates/deployment.yaml"),
               "# @L:container"));
}

TEST_CASE("chart options pass through to Helm", "[helm][cli]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  fs::path chart = test::testdata("charts/mapping");
  auto count = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {chart.string(), "-o", "json", "--fail-on", "never"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = lint(args, *helm);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out)["summary"]["resources"].get<int>();
  };
  int all = count({});
  CHECK(all == 18);
  CHECK(count({"--set", "sub.enabled=false"}) < all);
  CHECK(count({"--set-string", "sub.enabled=false"}) == all);  // the string "false" is truthy
  sys::TempDir tmp;
  std::ofstream(tmp.path() / "v.yaml") << "sub:\n  enabled: false\n";
  CHECK(count({"-f", (tmp.path() / "v.yaml").string()}) < all);
  CHECK(count({"--values", (tmp.path() / "v.yaml").string(), "--kube-version", "1.30.0",
               "--api-versions", "example.com/v1", "--release-name", "other"}) < all);

  // The namespace reaches the rules from HELM_NAMESPACE (Helm sets it from -n)
  // or from --namespace.
  sys::ProcessOptions o;
  o.env["HELM_BIN"] = helm->string();
  o.env["HELM_NAMESPACE"] = "from-helm";
  auto r = sys::runProcess({test::pluginBinary().string(), "lint",
                            test::testdata("charts/missing-liveness").string(), "-o", "json"},
                           o);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"namespace\": \"from-helm\"") != std::string::npos);
  auto ns = lint(
      {test::testdata("charts/missing-liveness").string(), "-o", "json", "--namespace", "flag-ns"},
      *helm);
  CHECK(ns.out.find("\"namespace\": \"flag-ns\"") != std::string::npos);
}

TEST_CASE("manifests: a file, a directory of YAML files and stdin", "[cli]") {
  fs::path none = "/nonexistent/helm";  // manifests never need Helm
  auto file = lint({test::testdata("manifests/findings.yaml").string(), "-o", "json"}, none);
  CHECK(file.exit_code == 1);
  auto doc = nlohmann::json::parse(file.out);
  CHECK(doc["summary"]["resources"] == 2);
  CHECK(doc["findings"][0]["location"]["file"] ==
        test::testdata("manifests/findings.yaml").string());

  auto dir =
      lint({test::testdata("manifests/multi").string(), "-o", "json", "--fail-on", "never"}, none);
  CHECK(dir.exit_code == 0);
  CHECK(nlohmann::json::parse(dir.out)["summary"]["resources"] == 4);

  std::ifstream in(test::testdata("manifests/findings.yaml"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto piped = lint({"-", "-o", "json"}, none, text);
  CHECK(piped.exit_code == 1);
  auto pdoc = nlohmann::json::parse(piped.out);
  CHECK(pdoc["findings"].size() == doc["findings"].size());
  CHECK(pdoc["findings"][0]["location"]["file"] == "<stdin>");
  CHECK(pdoc["findings"][0]["location"]["line"] == doc["findings"][0]["location"]["line"]);
}
