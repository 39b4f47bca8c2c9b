#include "render/chart_instrumenter.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "render/instrument.h"

namespace taskmaster::render {

namespace fs = std::filesystem;

namespace {

// Helm renders every file of templates/ but outputs only those not starting
// with `_`; NOTES.txt and JSON files are not YAML that can carry comments.
bool isManifestTemplate(const fs::path& p) {
  std::string name = p.filename().string();
  std::string ext = p.extension().string();
  return name[0] != '_' && (ext == ".yaml" || ext == ".yml" || ext == ".tpl");
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void instrumentChart(const fs::path& root, const fs::path& chart, std::vector<std::string>& files) {
  fs::path templates = chart / "templates";
  if (fs::is_directory(templates)) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(templates))
      if (e.is_regular_file() && isManifestTemplate(e.path())) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      auto id = static_cast<uint32_t>(files.size());
      files.push_back(fs::relative(p, root).generic_string());
      std::string text = instrumentTemplate(readAll(p), id);
      std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
    }
  }
  fs::path subcharts = chart / "charts";
  if (!fs::is_directory(subcharts)) return;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(subcharts))
    if (e.is_directory() && fs::exists(e.path() / "Chart.yaml")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) instrumentChart(root, d, files);
}

}  // namespace

std::vector<std::string> instrumentChartTree(const fs::path& root) {
  std::vector<std::string> files;
  instrumentChart(root, root, files);
  return files;
}

}  // namespace taskmaster::render
