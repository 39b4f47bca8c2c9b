// Chart -> the plain render (the content that is linted, byte for byte) and a
// line map from the instrumented render, run in parallel.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "render/helm_client.h"
#include "render/line_map.h"

namespace taskmaster::render {

struct RenderedChart {
  std::string output;  // exactly what `helm template` printed
  std::shared_ptr<const ChartLineMap> line_map;
};

bool isChartDirectory(const std::filesystem::path& p);
bool isPackagedChart(const std::filesystem::path& p);

// InputError when Helm fails on the chart (with Helm's own message).
RenderedChart renderChart(const HelmClient& helm, const std::filesystem::path& chart,
                          const RenderOptions& options);

}  // namespace taskmaster::render
