#include "schema/chart_crds.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "common/error.h"
#include "manifest/manifest_input.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace taskmaster::schema {

namespace fs = std::filesystem;

namespace {

class CrdReader {
 public:
  CrdReader(manifest::ResourceSet& set, std::chrono::milliseconds timeout)
      : set_(set), timeout_(timeout) {}

  // `display` names `dir` in messages (the chart as the user gave it, or
  // "x.tgz:chart" inside an archive).
  void chartDirectory(const fs::path& dir, const std::string& display) {
    std::error_code ec;
    if (fs::is_directory(dir / "crds", ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(dir / "crds", ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string ext = it->path().extension().string();
        if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json"))
          files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files)
        file(f, display + "/" + fs::relative(f, dir).generic_string());
    }
    if (!fs::is_directory(dir / "charts", ec)) return;
    std::vector<fs::path> subcharts;
    for (const auto& e : fs::directory_iterator(dir / "charts", ec)) subcharts.push_back(e.path());
    std::sort(subcharts.begin(), subcharts.end());
    for (const fs::path& sub : subcharts) {
      std::string name = display + "/charts/" + sub.filename().string();
      if (fs::is_directory(sub, ec) && fs::exists(sub / "Chart.yaml", ec))
        chartDirectory(sub, name);
      else if (isArchive(sub))
        archive(sub, name);
    }
  }

  void archive(const fs::path& tgz, const std::string& display) {
    sys::TempDir tmp;
    // Only what finds CRDs: crds/ files, the Chart.yaml that mark subcharts,
    // and packaged subcharts.
    auto r = sys::runProcess({"tar", "-xzf", tgz.string(), "-C", tmp.path().string(), "--wildcards",
                              "*/crds/*", "*/Chart.yaml", "*.tgz"},
                             sys::withTimeout(timeout_));
    // GNU tar exits 2 when a pattern matches nothing, having extracted the rest.
    bool only_unmatched = r.exit_code == 2 &&
                          r.err.find("Not found in archive") != std::string::npos &&
                          r.err.find("Error is not recoverable") == std::string::npos;
    if (!r.ok() && !only_unmatched)
      throw InputError(
          fmt::format("{}: cannot read the chart archive: {}", display,
                      r.err.empty() ? "tar failed" : r.err.substr(0, r.err.find('\n'))));
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(tmp.path(), ec))
      if (e.is_directory()) chartDirectory(e.path(), display + ":" + e.path().filename().string());
  }

  static bool isArchive(const fs::path& p) {
    std::string name = p.filename().string();
    return fs::is_regular_file(p) && (name.ends_with(".tgz") || name.ends_with(".tar.gz"));
  }

 private:
  void file(const fs::path& path, const std::string& display) {
    manifest::ResourceSet parsed;
    parsed.add(manifest::parseManifestText(manifest::readInputFile(path), display),
               std::make_shared<manifest::IdentitySourceMap>(display));
    for (manifest::Resource& r : parsed.resources) set_.chart_crds.push_back(std::move(r));
    for (auto& stream : parsed.streams) set_.streams.push_back(std::move(stream));
  }

  manifest::ResourceSet& set_;
  std::chrono::milliseconds timeout_;
};

}  // namespace

void addChartCrds(const fs::path& chart, manifest::ResourceSet& set,
                  std::chrono::milliseconds timeout) {
  CrdReader reader(set, timeout);
  if (CrdReader::isArchive(chart))
    reader.archive(chart, chart.string());
  else
    reader.chartDirectory(chart, chart.generic_string());
}

}  // namespace taskmaster::schema
