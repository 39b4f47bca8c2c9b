// The template-line mapping against real Helm 3 and Helm 4: every document of
// the testdata charts maps to template lines except those designed not to
// (`tm-expect: file-level`), every `# @L:<id>` tag lands on its template line,
// the real charts in ../shared map at >= 90%, and what is linted is the plain
// render byte for byte.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/lint_inputs.h"
#include "render/chart_renderer.h"
#include "render/helm_output.h"
#include "support/test_files.h"
#include "support/test_paths.h"
#include "sys/process.h"

namespace fs = std::filesystem;
using namespace taskmaster;

using taskmaster::test::readFile;

namespace {

std::vector<std::string> fileLines(const fs::path& p) {
  std::vector<std::string> lines;
  std::istringstream in(readFile(p));
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

std::vector<fs::path> templateFiles(const fs::path& chart) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(chart))
    if (e.is_regular_file() && e.path().parent_path().filename() != "ci" &&
        e.path().generic_string().find("/templates/") != std::string::npos)
      out.push_back(e.path());
  return out;
}

// Where `# @L:<id>` must be reported: the line below `@from:<id>` when a
// template includes the tagged helper, else the line holding the tag.
std::optional<manifest::SourceLocation> expectedLocation(const fs::path& chart,
                                                         const std::string& id) {
  std::optional<manifest::SourceLocation> tagged;
  for (const auto& f : templateFiles(chart)) {
    auto lines = fileLines(f);
    std::string rel = fs::relative(f, chart).generic_string();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].find("@from:" + id + " ") != std::string::npos ||
          lines[i].find("@from:" + id + "*") != std::string::npos)
        return manifest::SourceLocation{rel, static_cast<uint32_t>(i + 2), chart.string()};
      std::string tag = "@L:" + id;
      size_t at = lines[i].find(tag);
      if (at != std::string::npos &&
          (at + tag.size() == lines[i].size() ||
           !std::isalnum(lines[i][at + tag.size()]) && lines[i][at + tag.size()] != '-'))
        tagged = manifest::SourceLocation{rel, static_cast<uint32_t>(i + 1), chart.string()};
    }
  }
  return tagged;
}

std::set<std::string> expectedFileLevel(const fs::path& chart) {
  std::set<std::string> out;
  for (const auto& f : templateFiles(chart))
    if (readFile(f).find("tm-expect: file-level") != std::string::npos)
      out.insert(fs::relative(f, chart).generic_string());
  return out;
}

render::RenderOptions options(const std::string& ns) {
  render::RenderOptions o;
  o.release_name = "rel";
  o.namespace_ = ns;
  return o;
}

// For line-level documents: an output line ended by its template line's own
// marker, where that template line holds no action, must be that line's text. Catches a map that is
// off by a line while still "aligned".
size_t literalLineMismatches(const fs::path& chart, const render::RenderedChart& r,
                             std::vector<std::string>& examples) {
  std::map<std::string, std::vector<std::string>> cache;
  auto out_lines = render::splitLines(r.output);
  size_t bad = 0;
  for (size_t i = 0; i < out_lines.size(); ++i) {
    manifest::SourceLocation at = r.line_map->locate(static_cast<uint32_t>(i + 1));
    if (at.line == 0 || !r.line_map->markedAt(static_cast<uint32_t>(i + 1))) continue;
    auto& lines = cache[at.file];
    if (lines.empty()) lines = fileLines(chart / at.file);
    if (at.line > lines.size()) {
      ++bad;
      continue;
    }
    const std::string& t = lines[at.line - 1];
    if (t.find("{{") != std::string::npos || t.find("}}") != std::string::npos) continue;
    auto trim = [](std::string_view s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
      return s;
    };
    if (trim(t) != trim(out_lines[i])) {
      ++bad;
      if (examples.size() < 5)
        examples.push_back(fmt::format("{}:{} '{}' vs output '{}'", at.file, at.line, trim(t),
                                       trim(out_lines[i])));
    }
  }
  return bad;
}

const std::regex kTag(R"(# @L:([A-Za-z0-9_-]+))");

void checkTestdataChart(int major, const fs::path& helm, const fs::path& chart) {
  render::RenderedChart r = render::renderChart(render::HelmClient(helm), chart, options("demo"));
  const auto& stats = r.line_map->stats();
  std::set<std::string> want_file_level = expectedFileLevel(chart);
  std::set<std::string> got_file_level(stats.file_level_sources.begin(),
                                       stats.file_level_sources.end());
  size_t designed = 0;
  for (const auto& d : render::splitHelmOutput(render::splitLines(r.output)))
    if (!d.empty() && want_file_level.count(d.source)) ++designed;
  WARN(fmt::format("Helm {}: {}: {} of {} documents mapped to template lines ({} designed not to)",
                   major, chart.filename().string(), stats.line_level, stats.documents, designed));
  CHECK(got_file_level == want_file_level);
  CHECK(stats.line_level + designed == stats.documents);

  // Every tag lands on its template line.
  auto out_lines = render::splitLines(r.output);
  size_t tags = 0;
  for (size_t i = 0; i < out_lines.size(); ++i) {
    std::string line(out_lines[i]);
    std::smatch m;
    if (!std::regex_search(line, m, kTag)) continue;
    ++tags;
    auto want = expectedLocation(chart, m[1]);
    REQUIRE(want);
    manifest::SourceLocation got = r.line_map->locate(static_cast<uint32_t>(i + 1));
    INFO(fmt::format("Helm {} output line {}: {}", major, i + 1, line));
    CHECK(got.file == want->file);
    CHECK(got.line == want->line);
  }
  std::vector<std::string> examples;
  size_t mismatches = literalLineMismatches(chart, r, examples);
  for (const auto& e : examples) UNSCOPED_INFO(e);
  CHECK(mismatches == 0);
  if (chart.filename() == "mapping") CHECK(tags >= 25);
}

}  // namespace

TEST_CASE("testdata charts map to template lines with real Helm", "[helm][mapping]") {
  for (int major : {3, 4}) {
    auto helm = test::helmBinary(major);
    if (!helm) {
      WARN(fmt::format("skipped: Helm {} not provisioned (scripts/tools/provision-helm)", major));
      continue;
    }
    for (const char* name : {"mapping", "missing-liveness", "clean"}) {
      SECTION(fmt::format("Helm {} {}", major, name)) {
        checkTestdataChart(major, *helm, test::testdata(std::string("charts/") + name));
      }
    }
  }
}

TEST_CASE("real charts map to template lines for at least 90% of documents", "[helm][mapping]") {
  auto shared = test::sharedDir();
  if (!shared) {
    WARN("skipped: ../shared/real-charts is absent");
    return;
  }
  for (int major : {3, 4}) {
    auto helm = test::helmBinary(major);
    if (!helm) {
      WARN(fmt::format("skipped: Helm {} not provisioned", major));
      continue;
    }
    size_t documents = 0, line_level = 0;
    for (const auto& e : fs::directory_iterator(*shared / "real-charts")) {
      if (!render::isChartDirectory(e.path())) continue;
      render::RenderedChart r =
          render::renderChart(render::HelmClient(*helm), e.path(), options("demo"));
      const auto& s = r.line_map->stats();
      documents += s.documents;
      line_level += s.line_level;
      std::vector<std::string> examples;
      size_t mismatches = literalLineMismatches(e.path(), r, examples);
      for (const auto& ex : examples) UNSCOPED_INFO(ex);
      INFO(fmt::format("Helm {} {}", major, e.path().filename().string()));
      CHECK(mismatches == 0);
      WARN(fmt::format("Helm {}: {}: {} of {} documents at template lines", major,
                       e.path().filename().string(), s.line_level, s.documents));
    }
    double share =
        documents ? 100.0 * static_cast<double>(line_level) / static_cast<double>(documents) : 0;
    WARN(fmt::format("Helm {}: real charts: {} of {} documents at template lines ({:.1f}%)", major,
                     line_level, documents, share));
    CHECK(documents > 100);
    CHECK(share >= 90.0);
  }
}

TEST_CASE("the content linted is the plain render byte for byte", "[helm][mapping]") {
  // Charts without random values, so that two renders must agree.
  std::vector<fs::path> charts = {test::testdata("charts/missing-liveness"),
                                  test::testdata("charts/clean")};
  if (auto shared = test::sharedDir()) charts.push_back(*shared / "real-charts/cert-manager");
  for (int major : {3, 4}) {
    auto helm = test::helmBinary(major);
    if (!helm) {
      WARN(fmt::format("skipped: Helm {} not provisioned", major));
      continue;
    }
    for (const auto& chart : charts) {
      auto plain = sys::runProcess(
          {helm->string(), "template", "rel", chart.string(), "--namespace", "demo"});
      REQUIRE(plain.ok());
      cli::LoadedUnit in =
          cli::loadChart(render::HelmClient(*helm), chart.string(), options("demo"));
      INFO(fmt::format("Helm {} {}", major, chart.string()));
      REQUIRE(in.resources.streams.size() == 1);
      CHECK(in.resources.streams[0]->input() == plain.out);
      CHECK(!in.resources.resources.empty());
    }
  }
}
