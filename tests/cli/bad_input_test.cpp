// The real plugin binary on bad input: exit code 2, one line on stderr that
// names the file and says what is wrong, nothing on stdout, no internal
// error, no sanitizer report. And the exit codes of good input and findings.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_files.h"
#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"
#include "yaml/parser.h"

namespace fs = std::filesystem;
using taskmaster::sys::ProcessOptions;
using taskmaster::sys::ProcessResult;
using taskmaster::sys::runProcess;
using taskmaster::sys::TempDir;
using taskmaster::test::testdata;

using taskmaster::test::readFile;

namespace {

constexpr int kExitUsage = 2;

std::string fixture(const std::string& relative) {
  return testdata(relative).string();
}

// Options for a deterministic run: no colour, no namespace or debug from
// the environment the tests happen to run in.
ProcessOptions pluginOptions() {
  ProcessOptions o;
  o.timeout = std::chrono::seconds(120);
  o.env["NO_COLOR"] = "1";
  o.env["HELM_NAMESPACE"] = std::nullopt;
  o.env["HELM_DEBUG"] = std::nullopt;
  return o;
}

ProcessResult runPlugin(const std::vector<std::string>& args,
                        ProcessOptions options = pluginOptions()) {
  std::vector<std::string> argv = {taskmaster::test::pluginBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = runProcess(argv, options);
  REQUIRE_FALSE(r.not_found);
  REQUIRE_FALSE(r.timed_out);
  return r;
}

void checkNoSanitizerReport(const ProcessResult& r) {
  for (const char* marker : {"AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                             "runtime error:", "SUMMARY:"}) {
    CHECK_THAT(r.err, !Catch::Contains(marker));
    CHECK_THAT(r.out, !Catch::Contains(marker));
  }
}

// The contract for every bad input. Returns the message without its prefix.
std::string checkBadInput(const ProcessResult& r, const std::vector<std::string>& mentions) {
  INFO("stdout: " << r.out);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == kExitUsage);
  CHECK(r.out.empty());
  checkNoSanitizerReport(r);
  CHECK_THAT(r.err, !Catch::Contains("internal error"));
  CHECK_THAT(r.err, !Catch::Contains("terminate called"));
  // Exactly one line, ending in a newline.
  REQUIRE_FALSE(r.err.empty());
  CHECK(r.err.back() == '\n');
  CHECK(r.err.find('\n') == r.err.size() - 1);
  CHECK_THAT(r.err, Catch::StartsWith("helm taskmaster: "));
  for (const auto& m : mentions) CHECK_THAT(r.err, Catch::Contains(m));
  std::string line = r.err.substr(0, r.err.find('\n'));
  return line.substr(std::min(line.size(), std::string("helm taskmaster: ").size()));
}

// Real Helm for the tests that need it: Helm 4 first, then Helm 3.
std::vector<std::pair<int, fs::path>> realHelms() {
  std::vector<std::pair<int, fs::path>> out;
  for (int major : {4, 3})
    if (auto p = taskmaster::test::helmBinary(major)) out.emplace_back(major, *p);
  return out;
}

// The secret-looking values findings.yaml holds, read from the fixture itself.
std::vector<std::string> secretsInFindingsFixture() {
  auto stream = taskmaster::yaml::parse(readFile(testdata("manifests/findings.yaml")));
  std::vector<std::string> secrets;
  for (const auto& doc : stream->documents()) {
    auto containers = doc.root.path({"spec", "template", "spec", "containers"});
    for (size_t c = 0; c < containers.size(); ++c) {
      auto env = containers.item(c).get("env");
      for (size_t i = 0; i < env.size(); ++i)
        if (env.item(i).get("name").str() == "API_TOKEN")
          secrets.emplace_back(env.item(i).get("value").str());
    }
    auto data = doc.root.get("data");
    for (const char* key : {"DB_PASSWORD", "LLM_DEFAULTS"})
      if (data.get(key).valid()) secrets.emplace_back(data.get(key).str());
  }
  return secrets;
}

}  // namespace

TEST_CASE("cli bad input: malformed YAML names file, line and column", "[cli][bad-input]") {
  std::string path = fixture("manifests/malformed.yaml");
  ProcessResult r = runPlugin({"lint", path});
  std::string msg = checkBadInput(r, {path + ":12:15:", "invalid YAML"});
  CHECK_THAT(msg, Catch::Contains("mapping values are not allowed"));
}

TEST_CASE("cli bad input: a path that does not exist", "[cli][bad-input]") {
  TempDir temp("tm-cli-missing");
  std::string path = (temp.path() / "nope.yaml").string();
  checkBadInput(runPlugin({"lint", path}), {path, "no such file"});
  // One good file does not hide a missing one.
  checkBadInput(runPlugin({"lint", fixture("manifests/good.yaml"), path}), {path, "no such file"});
}

TEST_CASE("cli bad input: a directory with no chart and no YAML", "[cli][bad-input]") {
  TempDir temp("tm-cli-empty");
  std::ofstream(temp.path() / "README.md") << "# not yaml\n";
  std::ofstream(temp.path() / "values.json") << "{}\n";
  fs::create_directories(temp.path() / ".hidden");
  std::ofstream(temp.path() / ".hidden" / "skipped.yaml") << "a: 1\n";
  std::string msg = checkBadInput(runPlugin({"lint", temp.path().string()}),
                                  {temp.path().string(), "Chart.yaml"});
  CHECK_THAT(msg, Catch::Contains(".yaml"));
}

TEST_CASE("cli bad input: Helm not found for a chart", "[cli][bad-input][helm]") {
  TempDir temp("tm-cli-nohelm");
  fs::path emptyBin = temp.path() / "bin";
  fs::create_directories(emptyBin);
  std::string chart = fixture("charts/clean");
  SECTION("HELM_BIN points to a missing file") {
    std::string missing = (temp.path() / "missing" / "helm").string();
    ProcessOptions o = pluginOptions();
    o.env["HELM_BIN"] = missing;
    o.env["PATH"] = emptyBin.string();
    std::string msg = checkBadInput(runPlugin({"lint", chart}, o), {missing});
    CHECK_THAT(msg, Catch::Contains("helm") && Catch::Contains("not found"));
  }
  SECTION("no HELM_BIN and no helm on PATH") {
    ProcessOptions o = pluginOptions();
    o.env["HELM_BIN"] = std::nullopt;
    o.env["PATH"] = emptyBin.string();
    std::string msg = checkBadInput(runPlugin({"lint", chart}, o), {"helm"});
    CHECK_THAT(msg, Catch::Contains("not found"));
    CHECK_THAT(msg, Catch::Contains("PATH") || Catch::Contains("HELM_BIN"));
  }
  SECTION("manifests need no Helm at all") {
    ProcessOptions o = pluginOptions();
    o.env["HELM_BIN"] = (temp.path() / "missing" / "helm").string();
    o.env["PATH"] = emptyBin.string();
    ProcessResult r = runPlugin({"lint", "-n", "taskmaster", fixture("manifests/good.yaml")}, o);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
  }
}

TEST_CASE("cli bad input: Helm fails to render, its own error is shown", "[cli][bad-input][helm]") {
  auto helms = realHelms();
  if (helms.empty()) {
    WARN("skipped: no real Helm (run scripts/tools/provision-helm or set HELM3_BIN/HELM4_BIN)");
    return;
  }
  std::string chart = fixture("charts/render-error");
  for (const auto& [major, helm] : helms) {
    INFO("Helm " << major << " at " << helm);
    ProcessOptions o = pluginOptions();
    o.env["HELM_BIN"] = helm.string();
    std::string msg = checkBadInput(runPlugin({"lint", chart}, o), {chart});
    // Helm's own words, with its template position.
    CHECK_THAT(msg, Catch::Contains("image.repository is required"));
    CHECK_THAT(msg, Catch::Contains("configmap.yaml:7"));
  }
}

TEST_CASE("cli bad input: templates without Chart.yaml are read as YAML and refused",
          "[cli][bad-input]") {
  // testdata/charts/no-chart-yaml has templates/ but no Chart.yaml: almost
  // certainly a chart whose Chart.yaml is missing, not a folder of manifests
  // (its templates are not valid YAML before rendering).
  fs::path dir = testdata("charts/no-chart-yaml");
  REQUIRE_FALSE(fs::exists(dir / "Chart.yaml"));
  std::string msg = checkBadInput(runPlugin({"lint", dir.string()}), {dir.string(), "Chart.yaml"});
  CHECK_THAT(msg, Catch::Contains("not a chart"));
  // Its template file given directly is read as a manifest and fails to parse.
  std::string file = (dir / "templates" / "x.yaml").string();
  std::string parse = checkBadInput(runPlugin({"lint", file}), {file + ":5:", "invalid YAML"});
  CHECK_THAT(parse, Catch::Contains("{{"));
}

TEST_CASE("cli bad input: unknown rule names suggest the closest rule", "[cli][bad-input]") {
  std::string good = fixture("manifests/good.yaml");
  SECTION("--only") {
    std::string msg = checkBadInput(runPlugin({"lint", good, "--only", "liveness-probe-mising"}),
                                    {"liveness-probe-mising"});
    CHECK_THAT(msg, Catch::Contains("unknown rule"));
    CHECK_THAT(msg, Catch::Contains("did you mean \"liveness-probe-missing\""));
  }
  SECTION("--disable") {
    std::string msg =
        checkBadInput(runPlugin({"lint", good, "--disable", "readines-probe-missing"}),
                      {"readines-probe-missing"});
    CHECK_THAT(msg, Catch::Contains("unknown rule"));
    CHECK_THAT(msg, Catch::Contains("did you mean \"readiness-probe-missing\""));
  }
  SECTION("a name nothing resembles gets no wild guess") {
    std::string msg = checkBadInput(runPlugin({"lint", good, "--only", "zzzzzzzzzzzzzzzzzzzz"}),
                                    {"zzzzzzzzzzzzzzzzzzzz"});
    CHECK_THAT(msg, Catch::Contains("unknown rule"));
  }
}

TEST_CASE("cli bad input: --only before the path does not swallow the path", "[cli][bad-input]") {
  // `--only NAME PATH` is the natural order; the option takes one value per
  // use (it is repeatable), not every argument after it.
  std::string findings = fixture("manifests/findings.yaml");
  ProcessResult r = runPlugin({"lint", "--only", "default-namespace", findings});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);  // default-namespace is a warning; --fail-on is error
  CHECK_THAT(r.out, Catch::Contains(findings + ":") && Catch::Contains("[default-namespace]"));
  CHECK_THAT(r.out, !Catch::Contains("[liveness-probe-missing]"));
  ProcessResult two = runPlugin(
      {"lint", "--disable", "env-plaintext-secret", "--disable=default-namespace", findings});
  CHECK(two.exit_code == 1);
  CHECK_THAT(two.out, Catch::Contains("[liveness-probe-missing]"));
  CHECK_THAT(two.out, !Catch::Contains("[default-namespace]"));
  CHECK_THAT(two.out, !Catch::Contains("[env-plaintext-secret]"));
}

TEST_CASE("cli bad input: unknown output format and unknown flag", "[cli][bad-input]") {
  std::string good = fixture("manifests/good.yaml");
  SECTION("output format") {
    std::string msg = checkBadInput(runPlugin({"lint", "-o", "xml", good}), {"xml"});
    CHECK_THAT(msg, Catch::Contains("--output") || Catch::Contains("-o"));
    CHECK_THAT(msg, Catch::Contains("json"));  // says what is accepted
  }
  SECTION("flag") {
    checkBadInput(runPlugin({"lint", "--bogus-flag", good}), {"--bogus-flag"});
  }
  SECTION("--fail-on value") {
    checkBadInput(runPlugin({"lint", "--fail-on", "sometimes", good}), {"sometimes", "--fail-on"});
  }
  SECTION("no subcommand") {
    ProcessResult r = runPlugin({});
    CHECK(r.exit_code == kExitUsage);
    CHECK(r.out.empty());
    checkNoSanitizerReport(r);
  }
}

TEST_CASE("cli bad input: hostile YAML is refused with a position", "[cli][bad-input]") {
  SECTION("alias bomb") {
    std::string path = fixture("manifests/alias-bomb.yaml");
    std::string msg = checkBadInput(runPlugin({"lint", path}), {path + ":"});
    CHECK_THAT(msg, Catch::Contains("alias"));
  }
  SECTION("deep nesting") {
    std::string path = fixture("manifests/deep.yaml");
    std::string msg = checkBadInput(runPlugin({"lint", path}), {path + ":1:201:"});
    CHECK_THAT(msg, Catch::Contains("nesting"));
  }
  SECTION("binary file") {
    std::string path = fixture("manifests/binary.yaml");
    std::string msg = checkBadInput(runPlugin({"lint", path}), {path});
    CHECK_THAT(msg, Catch::Contains("binary"));
  }
}

TEST_CASE("cli bad input: a file beyond 256 MiB is refused without reading it",
          "[cli][bad-input]") {
  TempDir temp("tm-cli-huge");
  fs::path big = temp.path() / "big.yaml";
  ProcessResult t = runProcess({"truncate", "-s", "300M", big.string()});
  REQUIRE(t.ok());
  REQUIRE(fs::file_size(big) == 300u * 1024 * 1024);
  SECTION("named directly") {
    auto start = std::chrono::steady_clock::now();
    std::string msg = checkBadInput(runPlugin({"lint", big.string()}), {big.string()});
    CHECK_THAT(msg, Catch::Contains("256 MiB"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
  SECTION("found in a directory beside a good file") {
    // The run lints what it can (the good file is reported on stdout), and
    // the refused file is the one line on stderr that makes the exit code 2.
    std::ofstream(temp.path() / "a-small.yaml") << "apiVersion: v1\nkind: Namespace\n";
    ProcessResult r = runPlugin({"lint", temp.path().string()});
    INFO("stdout: " << r.out);
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == kExitUsage);
    CHECK_THAT(r.out, Catch::Contains("in 1 resource."));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_THAT(r.err, Catch::Contains(big.string()) && Catch::Contains("256 MiB"));
    checkNoSanitizerReport(r);
  }
}

TEST_CASE("cli bad input: malformed YAML on stdin", "[cli][bad-input]") {
  ProcessOptions o = pluginOptions();
  o.stdin_data = readFile(testdata("manifests/malformed.yaml"));
  std::string msg = checkBadInput(runPlugin({"lint", "-"}, o), {"<stdin>:12:15:"});
  CHECK_THAT(msg, Catch::Contains("invalid YAML"));

  ProcessOptions binary = pluginOptions();
  binary.stdin_data = std::string("kind: Pod\n\0\0", 12);
  checkBadInput(runPlugin({"lint", "-"}, binary), {"<stdin>", "binary"});
}

TEST_CASE("cli exit codes: good input exits 0", "[cli][exit-code]") {
  ProcessResult r = runPlugin({"lint", "-n", "taskmaster", fixture("manifests/good.yaml")});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("No findings") && Catch::Contains("2 resources"));
  checkNoSanitizerReport(r);

  ProcessOptions viaHelm = pluginOptions();
  viaHelm.env["HELM_NAMESPACE"] = "taskmaster";  // what Helm passes for `-n taskmaster`
  ProcessResult dir = runPlugin({"lint", fixture("manifests/multi")}, viaHelm);
  CHECK(dir.exit_code == 0);
  CHECK_THAT(dir.out, Catch::Contains("4 resources"));

  ProcessOptions stdinOptions = pluginOptions();
  stdinOptions.stdin_data = readFile(testdata("manifests/good.yaml"));
  ProcessResult fromStdin = runPlugin({"lint", "-n", "taskmaster", "-"}, stdinOptions);
  CHECK(fromStdin.exit_code == 0);
}

TEST_CASE("cli exit codes: findings exit 1 and --fail-on moves the bar", "[cli][exit-code]") {
  std::string findings = fixture("manifests/findings.yaml");
  SECTION("default: errors fail") {
    ProcessResult r = runPlugin({"lint", findings});
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Catch::Contains(findings + ":"));
    CHECK_THAT(r.out, Catch::Contains("error"));
    checkNoSanitizerReport(r);
  }
  SECTION("--fail-on never reports but exits 0") {
    ProcessResult r = runPlugin({"lint", findings, "--fail-on", "never"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("[env-plaintext-secret]"));
  }
  SECTION("warnings only: --fail-on error passes, warning and info fail") {
    // default-namespace is a warning; findings.yaml places both objects in "default".
    auto run = [&](const std::string& failOn) {
      return runPlugin({"lint", findings, "--only", "default-namespace", "--fail-on", failOn});
    };
    ProcessResult error = run("error");
    INFO("stdout: " << error.out << "\nstderr: " << error.err);
    CHECK(error.exit_code == 0);
    CHECK_THAT(error.out, Catch::Contains("warning") && Catch::Contains("[default-namespace]"));
    CHECK_THAT(error.out, !Catch::Contains(": error:"));
    CHECK(run("warning").exit_code == 1);
    CHECK(run("info").exit_code == 1);
    CHECK(run("never").exit_code == 0);
  }
  SECTION("--disable removes a rule's findings") {
    ProcessResult r = runPlugin({"lint", findings, "--disable", "env-plaintext-secret"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, !Catch::Contains("[env-plaintext-secret]"));
    CHECK_THAT(r.out, Catch::Contains("[liveness-probe-missing]"));
  }
}

TEST_CASE("cli output: JSON parses and never leaks the secret values", "[cli][json]") {
  std::vector<std::string> secrets = secretsInFindingsFixture();
  REQUIRE(secrets.size() == 3);
  for (const auto& s : secrets) REQUIRE(s.size() >= 8);

  std::string findings = fixture("manifests/findings.yaml");
  ProcessResult r = runPlugin({"lint", "-o", "json", findings});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  nlohmann::json doc;
  REQUIRE_NOTHROW(doc = nlohmann::json::parse(r.out));
  REQUIRE(doc.contains("findings"));
  REQUIRE(doc["findings"].is_array());
  REQUIRE_FALSE(doc["findings"].empty());
  std::map<std::string, int> rules;
  for (const auto& f : doc["findings"]) {
    REQUIRE(f.contains("rule"));
    REQUIRE(f.contains("severity"));
    REQUIRE(f.contains("message"));
    CHECK(f["location"]["file"] == findings);
    CHECK(f["location"]["line"].get<int>() > 0);
    ++rules[f["rule"].get<std::string>()];
  }
  CHECK(rules["env-plaintext-secret"] == 1);
  CHECK(rules["configmap-contains-secret"] >= 1);
  for (const auto& secret : secrets) {
    INFO("secret from the fixture: " << secret);
    CHECK_THAT(r.out, !Catch::Contains(secret));
    // Nor a large piece of it.
    CHECK_THAT(r.out, !Catch::Contains(secret.substr(0, secret.size() / 2 + 1)));
  }
  // Text output is held to the same standard.
  ProcessResult text = runPlugin({"lint", findings});
  for (const auto& secret : secrets) CHECK_THAT(text.out, !Catch::Contains(secret));

  // A clean run is valid JSON too, with no findings.
  ProcessResult clean =
      runPlugin({"lint", "-o", "json", "-n", "taskmaster", fixture("manifests/good.yaml")});
  CHECK(clean.exit_code == 0);
  nlohmann::json cleanDoc;
  REQUIRE_NOTHROW(cleanDoc = nlohmann::json::parse(clean.out));
  CHECK(cleanDoc["findings"].empty());
}
