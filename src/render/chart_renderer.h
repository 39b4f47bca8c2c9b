// Chart -> the plain render (the content that is linted, byte for byte) and a
// line map from the instrumented render, which runs in parallel. The line map
// is awaited only when asked for: a chart without findings never waits for
// (and then cancels) the instrumented render.
#pragma once

#include <atomic>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <string>

#include "render/helm_client.h"
#include "render/instrumented_render.h"
#include "render/line_map.h"

namespace taskmaster::render {

// The template-line map of one render, built on first use.
class RenderedLineMap : public manifest::SourceMap {
 public:
  explicit RenderedLineMap(std::string chart_root) : root_(std::move(chart_root)) {}
  ~RenderedLineMap() override;  // cancels the instrumented render if unused

  // Starts the instrumented render; called once, right after construction.
  void start(HelmClient helm, std::filesystem::path chart, RenderOptions options);
  // The plain render the map is for; set before the map is first used.
  void setPlainOutput(std::string output) { plain_ = std::move(output); }

  manifest::SourceLocation locate(uint32_t text_line) const override;
  bool markedAt(uint32_t text_line) const { return map().markedAt(text_line); }
  const MappingStats& stats() const { return map().stats(); }

 private:
  const ChartLineMap& map() const;

  std::string plain_;
  std::string root_;
  std::atomic<bool> cancel_{false};
  mutable std::future<InstrumentedRender> instrumented_;
  mutable std::once_flag built_;
  mutable std::unique_ptr<ChartLineMap> map_;
};

struct RenderedChart {
  std::string output;  // exactly what `helm template` printed
  std::shared_ptr<const RenderedLineMap> line_map;
};

bool isChartDirectory(const std::filesystem::path& p);
bool isPackagedChart(const std::filesystem::path& p);

// InputError when Helm fails on the chart (with Helm's own message).
RenderedChart renderChart(const HelmClient& helm, const std::filesystem::path& chart,
                          const RenderOptions& options);

}  // namespace taskmaster::render
