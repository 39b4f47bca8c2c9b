// Prepares the chart for the instrumented render: every top-level template of
// the chart and of its directory subcharts gets line markers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace taskmaster::render {

// Instruments the templates of the chart tree at `root` in place (the caller
// passes a copy). Returns the file table: marker file id -> path relative to
// root. Packed subcharts (charts/*.tgz) stay as they are.
std::vector<std::string> instrumentChartTree(const std::filesystem::path& root);

}  // namespace taskmaster::render
