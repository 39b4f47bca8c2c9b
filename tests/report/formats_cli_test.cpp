// Every output format through the real binary: the exit code follows
// --fail-on in each, secret values never appear in any, several reports go
// out in one run, and -o mistakes are usage errors (exit 2, one line).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_files.h"
#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

using taskmaster::test::readFile;

namespace {

namespace fs = std::filesystem;
using namespace taskmaster;

// The deliberately planted secret values of testdata/manifests/findings.yaml.
const std::vector<std::string> kSecrets = {
    "t0k3n-not-a-real-one-1234567890", "hunter2-not-real",
    "sk-proj-FAKEfakeFAKEfake0123456789abcdefABCDEFghij",
    "FAKEfakeFAKEfake0123456789"};  // a fragment, in case a format cut it

const std::vector<std::string> kFormats = {"text", "json", "sarif", "junit", "github"};

sys::ProcessResult runPlugin(const std::vector<std::string>& args, const fs::path& cwd = {}) {
  std::vector<std::string> argv = {test::pluginBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  sys::ProcessOptions o;
  o.timeout = std::chrono::seconds(120);
  o.env["NO_COLOR"] = "1";
  o.env["HELM_NAMESPACE"] = std::nullopt;
  o.env["HELM_DEBUG"] = std::nullopt;
  o.cwd = cwd;
  sys::ProcessResult r = sys::runProcess(argv, o);
  REQUIRE_FALSE(r.not_found);
  REQUIRE_FALSE(r.timed_out);
  return r;
}

std::string findings() {
  return test::testdata("manifests/findings.yaml").string();
}

void checkUsageError(const sys::ProcessResult& r, const std::string& mention) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(mention));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE("formats: exit code follows --fail-on and no secret leaks, in every format",
          "[report][cli]") {
  for (const auto& format : kFormats) {
    for (const auto& [fail_on, want] :
         std::vector<std::pair<std::string, int>>{{"error", 1}, {"never", 0}}) {
      sys::ProcessResult r = runPlugin({"lint", findings(), "-o", format, "--fail-on", fail_on});
      INFO("format " << format << ", --fail-on " << fail_on << "\nstderr: " << r.err);
      CHECK(r.exit_code == want);
      CHECK_FALSE(r.out.empty());
      for (const auto& secret : kSecrets) CHECK_THAT(r.out, !Catch::Contains(secret));
      for (const auto& secret : kSecrets) CHECK_THAT(r.err, !Catch::Contains(secret));
    }
  }
}

// The formats agree with the JSON report of the same input (counts are not
// pinned: the catalogue grows).
TEST_CASE("formats: each format says what it should about the fixture", "[report][cli]") {
  auto json = nlohmann::json::parse(runPlugin({"lint", findings(), "-o", "json"}).out);
  const auto& all = json["findings"];
  REQUIRE(all.size() >= 8);
  std::set<std::string> failing;  // rule and object: a JUnit testcase
  for (const auto& f : all)
    failing.insert(f["rule"].get<std::string>() + " " + f["resource"].dump());

  sys::ProcessResult sarif = runPlugin({"lint", findings(), "-o", "sarif"});
  auto doc = nlohmann::json::parse(sarif.out);
  CHECK(doc["runs"][0]["results"].size() == all.size());
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"].size() >= 10);  // every rule that ran

  // Paths relative to the directory the tool runs in (the repository root).
  sys::ProcessResult gh =
      runPlugin({"lint", "manifests/findings.yaml", "-o", "github"}, test::testdata(""));
  CHECK_THAT(gh.out, Catch::StartsWith("::"));
  CHECK_THAT(gh.out, Catch::Contains("::error file=manifests/findings.yaml,line=18,"
                                     "title=liveness-probe-missing::Deployment/worker: "));
  CHECK_THAT(gh.out, Catch::Contains("\n::warning file=manifests/findings.yaml,line=6,"
                                     "title=default-namespace::Deployment/worker: "));
  size_t lines = std::count(gh.out.begin(), gh.out.end(), '\n');
  CHECK(lines == all.size());

  sys::ProcessResult junit = runPlugin({"lint", findings(), "-o", "junit"});
  CHECK_THAT(junit.out, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  // The two ConfigMap keys share one testcase.
  CHECK(failing.size() < all.size());
  std::string totals = junit.out.substr(0, junit.out.find("<testsuite "));  // <testsuites ...>
  CHECK_THAT(totals, Catch::Contains(fmt::format("failures=\"{}\"", failing.size())));
}

TEST_CASE("formats: several reports in one run", "[report][cli]") {
  sys::TempDir dir;
  sys::ProcessResult r = runPlugin({"lint", findings(), "-o", "text", "-o", "sarif=out.sarif", "-o",
                                    "junit=out.xml", "-o", "json=out.json"},
                                   dir.path());
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains(" in 2 resources.\n"));
  auto json = nlohmann::json::parse(readFile(dir.path() / "out.json"));
  CHECK(json["findings"].size() >= 8);
  auto sarif = nlohmann::json::parse(readFile(dir.path() / "out.sarif"));
  CHECK(sarif["runs"][0]["results"].size() == json["findings"].size());
  CHECK_THAT(readFile(dir.path() / "out.xml"), Catch::Contains("<testsuites"));
  for (const char* name : {"out.sarif", "out.xml", "out.json"})
    for (const auto& secret : kSecrets)
      CHECK_THAT(readFile(dir.path() / name), !Catch::Contains(secret));

  // Without a text report, stdout stays empty.
  sys::ProcessResult quiet = runPlugin({"lint", findings(), "-o", "sarif=again.sarif"}, dir.path());
  CHECK(quiet.exit_code == 1);
  CHECK(quiet.out.empty());
  CHECK(fs::exists(dir.path() / "again.sarif"));
}

TEST_CASE("formats: -o mistakes are usage errors", "[report][cli]") {
  checkUsageError(runPlugin({"lint", findings(), "-o", "json", "-o", "sarif"}),
                  "both write to stdout");
  checkUsageError(runPlugin({"lint", findings(), "-o", "xml"}), "unknown output format 'xml'");
  checkUsageError(runPlugin({"lint", findings(), "-o", "sarif="}), "names no file");
  sys::TempDir dir;
  fs::path missing = dir.path() / "missing" / "out.sarif";
  sys::ProcessResult r = runPlugin({"lint", findings(), "-o", "sarif=" + missing.string()});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("cannot write " + missing.string()));
}
