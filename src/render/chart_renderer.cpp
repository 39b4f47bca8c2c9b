#include "render/chart_renderer.h"

#include <future>

#include "common/error.h"
#include "render/chart_instrumenter.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace taskmaster::render {

namespace fs = std::filesystem;

namespace {

struct InstrumentedRender {
  std::string output;  // empty when it could not be produced
  std::vector<std::string> files;
};

// The chart root inside an unpacked .tgz: its single top-level directory.
fs::path unpack(const fs::path& tgz, const fs::path& into, const RenderOptions& o) {
  auto r = sys::runProcess({"tar", "-xzf", tgz.string(), "-C", into.string()}, sys::withTimeout(o.timeout));
  if (!r.ok()) throw InputError(tgz.string() + ": cannot unpack chart archive: " + r.err);
  for (const auto& e : fs::directory_iterator(into))
    if (e.is_directory() && fs::exists(e.path() / "Chart.yaml")) return e.path();
  throw InputError(tgz.string() + ": chart archive holds no Chart.yaml");
}

// Never fails the lint: without it, findings fall back to file level.
InstrumentedRender renderInstrumented(const HelmClient& helm, const fs::path& chart,
                                      const RenderOptions& o) {
  try {
    sys::TempDir tmp;
    fs::path root;
    if (isPackagedChart(chart)) {
      root = unpack(chart, tmp.path(), o);
    } else {
      root = tmp.path() / "chart";  // Helm takes the name from Chart.yaml
      fs::copy(chart, root, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    }
    InstrumentedRender r;
    r.files = instrumentChartTree(root);
    // --debug: Helm prints the output even when a document does not parse.
    auto p = sys::runProcess(helm.templateArgv(root, o, true), sys::withTimeout(o.timeout));
    r.output = std::move(p.out);
    return r;
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

bool isChartDirectory(const fs::path& p) {
  return fs::is_directory(p) && fs::exists(p / "Chart.yaml");
}

bool isPackagedChart(const fs::path& p) {
  std::string name = p.filename().string();
  auto endsWith = [&](std::string_view s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return fs::is_regular_file(p) && (endsWith(".tgz") || endsWith(".tar.gz"));
}

RenderedChart renderChart(const HelmClient& helm, const fs::path& chart, const RenderOptions& o) {
  auto instrumented = std::async(std::launch::async, renderInstrumented, std::cref(helm),
                                 std::cref(chart), std::cref(o));
  auto plain = sys::runProcess(helm.templateArgv(chart, o, false), sys::withTimeout(o.timeout));
  InstrumentedRender inst = instrumented.get();
  if (plain.not_found) throw InputError(helm.binary().string() + ": cannot run helm");
  if (plain.timed_out)
    throw InputError(chart.string() + ": helm template timed out after " +
                     std::to_string(o.timeout.count() / 1000) + "s");
  if (plain.exit_code != 0)
    throw InputError(chart.string() + ": helm template failed: " + helmErrorLine(plain.err));

  RenderedChart result;
  result.output = std::move(plain.out);
  result.line_map = std::make_shared<ChartLineMap>(
      splitLines(result.output), splitLines(inst.output), inst.files, chart.string());
  return result;
}

}  // namespace taskmaster::render
