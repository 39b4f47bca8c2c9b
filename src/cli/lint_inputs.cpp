#include "cli/lint_inputs.h"

#include <filesystem>

#include "common/error.h"
#include "manifest/manifest_input.h"
#include "schema/chart_crds.h"

namespace taskmaster::cli {

namespace fs = std::filesystem;

LoadedUnit loadManifestText(std::string text, const std::string& display) {
  LoadedUnit unit;
  auto stream = manifest::parseManifestText(std::move(text), display);
  unit.resources.add(stream, std::make_shared<manifest::IdentitySourceMap>(display));
  return unit;
}

LoadedUnit loadChart(const render::HelmClient& helm, const std::string& chart,
                     const render::RenderOptions& options) {
  render::RenderedChart rendered = render::renderChart(helm, chart, options);
  std::shared_ptr<const yaml::Stream> stream;
  try {
    stream = yaml::parse(std::move(rendered.output));
  } catch (const yaml::ParseError& e) {
    manifest::SourceLocation at = rendered.line_map->locate(e.line());
    std::string where = (fs::path(chart) / at.file).generic_string();
    if (at.line) where += ":" + std::to_string(at.line);
    throw InputError(where + ": rendered output is not valid YAML: " + e.what());
  }
  LoadedUnit unit;
  unit.line_map = rendered.line_map;
  unit.resources.add(stream, rendered.line_map);
  schema::addChartCrds(chart, unit.resources, options.timeout);
  return unit;
}

}  // namespace taskmaster::cli
