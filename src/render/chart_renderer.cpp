#include "render/chart_renderer.h"

#include "common/error.h"
#include "render/chart_instrumenter.h"
#include "render/line_map_cache.h"
#include "sys/process.h"
#include "sys/temp_dir.h"
#include "sys/thread_priority.h"

namespace taskmaster::render {

namespace fs = std::filesystem;

namespace {

// The chart root inside an unpacked .tgz: its single top-level directory.
fs::path unpack(const fs::path& tgz, const fs::path& into, const RenderOptions& o) {
  auto r = sys::runProcess({"tar", "-xzf", tgz.string(), "-C", into.string()},
                           sys::withTimeout(o.timeout));
  if (!r.ok()) throw InputError(tgz.string() + ": cannot unpack chart archive: " + r.err);
  for (const auto& e : fs::directory_iterator(into))
    if (e.is_directory() && fs::exists(e.path() / "Chart.yaml")) return e.path();
  throw InputError(tgz.string() + ": chart archive holds no Chart.yaml");
}

// Never fails the lint: without it, findings fall back to file level.
InstrumentedRender renderFresh(const HelmClient& helm, const fs::path& chart,
                               const RenderOptions& o, const std::atomic<bool>* cancel) {
  try {
    sys::TempDir tmp;
    fs::path source = chart;
    if (isPackagedChart(chart)) {
      fs::create_directory(tmp.path() / "unpacked");
      source = unpack(chart, tmp.path() / "unpacked", o);
    }
    fs::path root = tmp.path() / "chart";  // Helm takes the name from Chart.yaml
    InstrumentedRender r;
    r.files = writeInstrumentedChart(source, root);
    sys::ProcessOptions po = sys::withTimeout(o.timeout);
    po.cancel = cancel;
    // Yield the CPU to the plain render, which the user waits for: one Go
    // thread at a time and a lower priority (measured on 2 cores: the plain
    // render's overhead from running beside it fell from ~30% to ~10%).
    po.env.emplace("GOMAXPROCS", std::string(1, '1'));
    // --debug: Helm prints the output even when a document does not parse.
    auto p = sys::runProcess(helm.templateArgv(root, o, true), po);
    if (!p.cancelled) r.output = std::move(p.out);
    return r;
  } catch (const std::exception&) {
    return {};
  }
}

InstrumentedRender renderInstrumented(const HelmClient& helm, const fs::path& chart,
                                      const RenderOptions& o, const std::atomic<bool>* cancel) {
  std::optional<LineMapCache> cache;
  std::optional<uint64_t> key;
  if (!o.line_map_cache.empty()) {
    cache.emplace(o.line_map_cache);
    key = instrumentedRenderKey(helm, chart, o);
    if (key)
      if (auto hit = cache->load(*key)) return std::move(*hit);
  }
  InstrumentedRender r = renderFresh(helm, chart, o, cancel);
  if (cache && key) cache->store(*key, r);
  return r;
}

}  // namespace

void RenderedLineMap::start(HelmClient helm, fs::path chart, RenderOptions options) {
  instrumented_ = std::async(std::launch::async, [this, helm, chart, options] {
    sys::lowerCurrentThreadPriority();  // a thread of its own: only this work is slowed
    return renderInstrumented(helm, chart, options, &cancel_);
  });
}

RenderedLineMap::~RenderedLineMap() {
  cancel_ = true;
  if (instrumented_.valid()) instrumented_.wait();
}

const ChartLineMap& RenderedLineMap::map() const {
  std::call_once(built_, [this] {
    InstrumentedRender inst = instrumented_.valid() ? instrumented_.get() : InstrumentedRender{};
    map_ = std::make_unique<ChartLineMap>(splitLines(plain_), splitLines(inst.output), inst.files,
                                          root_);
  });
  return *map_;
}

manifest::SourceLocation RenderedLineMap::locate(uint32_t text_line) const {
  return map().locate(text_line);
}

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
  auto line_map = std::make_shared<RenderedLineMap>(chart.string());
  line_map->start(helm, chart, o);
  auto plain = sys::runProcess(helm.templateArgv(chart, o, false), sys::withTimeout(o.timeout));
  if (plain.not_found) throw InputError(helm.binary().string() + ": cannot run helm");
  if (plain.timed_out)
    throw InputError(chart.string() + ": helm template timed out after " +
                     std::to_string(o.timeout.count() / 1000) + "s");
  if (plain.exit_code != 0)
    throw InputError(chart.string() + ": helm template failed: " + helmErrorLine(plain.err));
  line_map->setPlainOutput(plain.out);
  return RenderedChart{std::move(plain.out), line_map};
}

}  // namespace taskmaster::render
