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

void linkOrCopy(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to);
}

class ChartWriter {
 public:
  ChartWriter(const fs::path& root) : root_(root) {}

  // One chart directory (the top chart or a directory subchart).
  void chart(const fs::path& src, const fs::path& dst) {
    fs::create_directories(dst);
    std::vector<fs::directory_entry> entries(fs::directory_iterator(src), {});
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) {
      std::string name = e.path().filename().string();
      fs::path to = dst / name;
      if (e.is_symlink())
        fs::copy_symlink(e.path(), to);
      else if (e.is_directory() && name == "templates")
        templates(e.path(), to);
      else if (e.is_directory() && name == "charts")
        subcharts(e.path(), to);
      else if (e.is_directory())
        fs::copy(e.path(), to, fs::copy_options::recursive | fs::copy_options::create_hard_links);
      else if (name != "values.schema.json")
        linkOrCopy(e.path(), to);
    }
  }

  std::vector<std::string> files;

 private:
  void templates(const fs::path& src, const fs::path& dst) {
    fs::create_directories(dst);
    std::vector<fs::directory_entry> entries(fs::directory_iterator(src), {});
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) {
      fs::path to = dst / e.path().filename();
      if (e.is_symlink()) {
        fs::copy_symlink(e.path(), to);
      } else if (e.is_directory()) {
        templates(e.path(), to);
      } else if (isManifestTemplate(e.path())) {
        auto id = static_cast<uint32_t>(files.size());
        files.push_back(fs::relative(e.path(), root_).generic_string());
        std::ofstream(to, std::ios::binary) << instrumentTemplate(readAll(e.path()), id);
      } else {
        linkOrCopy(e.path(), to);
      }
    }
  }

  void subcharts(const fs::path& src, const fs::path& dst) {
    fs::create_directories(dst);
    for (const auto& e : fs::directory_iterator(src)) {
      fs::path to = dst / e.path().filename();
      if (e.is_directory() && !e.is_symlink() && fs::exists(e.path() / "Chart.yaml"))
        chart(e.path(), to);
      else if (e.is_symlink())
        fs::copy_symlink(e.path(), to);
      else if (e.is_directory())
        fs::copy(e.path(), to, fs::copy_options::recursive);
      else
        linkOrCopy(e.path(), to);
    }
  }

  fs::path root_;
};

}  // namespace

std::vector<std::string> writeInstrumentedChart(const fs::path& chart, const fs::path& dest) {
  ChartWriter writer(chart);
  writer.chart(chart, dest);
  return std::move(writer.files);
}

}  // namespace taskmaster::render
