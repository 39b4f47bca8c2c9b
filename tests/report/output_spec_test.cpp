// -o FORMAT[=FILE]: parsing, the one-report-on-stdout rule, and writing each
// report whole to its file (never a half-written file, an error that names
// the file).
#include "report/output_spec.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "report/json_reporter.h"
#include "sample_report.h"
#include "support/test_files.h"
#include "sys/temp_dir.h"

using taskmaster::test::readFile;

namespace {

using namespace taskmaster;
using report::Format;
using report::OutputSpec;
namespace fs = std::filesystem;

report::Report sample() {
  report::Report rep;
  rep.resources = 1;
  rep.findings = {test::sampleFinding("r", lint::Severity::Error, "Deployment", "web", "m",
                                      {"templates/d.yaml", 3, "chart"})};
  return rep;
}

std::string parseError(const std::vector<std::string>& values) {
  try {
    report::parseOutputSpecs(values);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("output: parsing -o values", "[report][output]") {
  using V = std::vector<OutputSpec>;
  CHECK(report::parseOutputSpecs({}) == V{{Format::Text, ""}});
  CHECK(report::parseOutputSpecs({"json"}) == V{{Format::Json, ""}});
  CHECK(report::parseOutputSpecs({"text", "sarif=out.sarif", "junit=out/x.xml", "github=gh.txt"}) ==
        V{{Format::Text, ""},
          {Format::Sarif, "out.sarif"},
          {Format::Junit, "out/x.xml"},
          {Format::Github, "gh.txt"}});
  CHECK(report::parseOutputSpecs({"sarif=-"}) == V{{Format::Sarif, ""}});  // - is stdout
  CHECK(report::parseOutputSpecs({"json=a=b.json"}) == V{{Format::Json, "a=b.json"}});
  for (auto f : {Format::Text, Format::Json, Format::Sarif, Format::Junit, Format::Github})
    CHECK(report::parseOutputSpecs({std::string(report::formatName(f))})[0].format == f);
}

TEST_CASE("output: bad -o values are one-line errors", "[report][output]") {
  std::string e = parseError({"sarf=x"});
  CHECK_THAT(e, Catch::Contains("unknown output format 'sarf'"));
  CHECK_THAT(e, Catch::Contains("did you mean 'sarif'"));
  CHECK_THAT(parseError({"out.sarif"}), Catch::Contains("unknown output format 'out.sarif'"));
  CHECK_THAT(parseError({"sarif="}), Catch::Contains("names no file"));
  CHECK_THAT(parseError({"json", "sarif"}), Catch::Contains("both write to stdout"));
  CHECK_THAT(parseError({"json=-", "text"}), Catch::Contains("both write to stdout"));
  CHECK_THAT(parseError({"json=a/r.out", "sarif=a/./r.out"}), Catch::Contains("same file"));
  for (const auto& values : std::vector<std::vector<std::string>>{
           {"sarf"}, {"json", "sarif"}, {"sarif="}, {"json=a", "junit=a"}}) {
    std::string msg = report::outputSpecsError(values);
    CHECK_FALSE(msg.empty());
    CHECK(msg.find('\n') == std::string::npos);
  }
  CHECK(report::outputSpecsError({"text", "sarif=x"}).empty());
}

TEST_CASE("output: which reports keep stdout for themselves", "[report][output]") {
  CHECK_FALSE(report::machineReportOnStdout({}));
  CHECK_FALSE(report::machineReportOnStdout({"text", "sarif=x.sarif"}));
  CHECK_FALSE(report::machineReportOnStdout({"json=x.json"}));
  CHECK(report::machineReportOnStdout({"json"}));
  CHECK(report::machineReportOnStdout({"github", "text=t.txt"}));
}

TEST_CASE("output: every report to its place, files replaced whole", "[report][output]") {
  sys::TempDir dir;
  fs::path json_file = dir.path() / "r.json";
  std::ofstream(json_file) << "old content that is longer than the new report will be ... "
                           << std::string(10000, 'x');
  report::Report rep = sample();
  std::ostringstream stdout_;
  report::writeOutputs(report::parseOutputSpecs({"github", "json=" + json_file.string(),
                                                 "sarif=" + (dir.path() / "r.sarif").string()}),
                       rep, stdout_, {dir.path(), false});
  std::ostringstream want_json;
  report::writeJson(want_json, rep);
  CHECK(readFile(json_file) == want_json.str());
  CHECK_THAT(readFile(dir.path() / "r.sarif"), Catch::Contains("\"version\": \"2.1.0\""));
  CHECK_THAT(stdout_.str(), Catch::StartsWith("::error file=chart/templates/d.yaml,line=3,"));
  // No temporary files left behind.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 2);

  // Text on stdout gets colour only when asked; text in a file never.
  std::ostringstream colored;
  report::writeOutputs(report::parseOutputSpecs({"text", "text=" + (dir.path() / "t").string()}),
                       rep, colored, {dir.path(), true});
  CHECK_THAT(colored.str(), Catch::Contains("\x1b["));
  CHECK(readFile(dir.path() / "t").find('\x1b') == std::string::npos);
}

TEST_CASE("output: a file that cannot be written is an error naming it", "[report][output]") {
  sys::TempDir dir;
  fs::path missing = dir.path() / "no-such-dir" / "out.sarif";
  fs::path good = dir.path() / "out.xml";
  std::ostringstream stdout_;
  try {
    report::writeOutputs(
        report::parseOutputSpecs({"text", "sarif=" + missing.string(), "junit=" + good.string()}),
        sample(), stdout_, {dir.path(), false});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("cannot write " + missing.string()));
    CHECK_THAT(e.what(), Catch::Contains("No such file or directory"));
  }
  // The other reports were still written.
  CHECK(fs::exists(good));
  CHECK_THAT(stdout_.str(), Catch::Contains("1 error"));

  // A directory in the way.
  fs::create_directory(dir.path() / "taken");
  CHECK_THROWS_WITH(
      report::writeOutputs(report::parseOutputSpecs({"json=" + (dir.path() / "taken").string()}),
                           sample(), stdout_, {dir.path(), false}),
      Catch::Contains("cannot write " + (dir.path() / "taken").string()));
}

TEST_CASE("output: devices are written in place", "[report][output]") {
  std::ostringstream stdout_;
  report::writeOutputs(report::parseOutputSpecs({"sarif=/dev/null"}), sample(), stdout_,
                       {"/", false});
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(stdout_.str().empty());
}
