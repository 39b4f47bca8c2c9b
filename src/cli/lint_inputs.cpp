#include "cli/lint_inputs.h"

#include <filesystem>
#include <optional>

#include "common/error.h"
#include "manifest/manifest_input.h"
#include "render/chart_renderer.h"

namespace taskmaster::cli {

namespace fs = std::filesystem;

namespace {

void addManifestText(LoadedInputs& in, std::string text, const std::string& display) {
  auto stream = manifest::parseManifestText(std::move(text), display);
  in.resources.add(stream, std::make_shared<manifest::IdentitySourceMap>(display));
}

void addChart(LoadedInputs& in, const render::HelmClient& helm, const fs::path& chart,
              const render::RenderOptions& options) {
  render::RenderedChart rendered = render::renderChart(helm, chart, options);
  std::shared_ptr<const yaml::Stream> stream;
  try {
    stream = yaml::parse(rendered.output);
  } catch (const yaml::ParseError& e) {
    manifest::SourceLocation at = rendered.line_map->locate(e.line());
    std::string where = (fs::path(chart) / at.file).generic_string();
    if (at.line) where += ":" + std::to_string(at.line);
    throw InputError(where + ": rendered output is not valid YAML: " + e.what());
  }
  in.charts.emplace_back(chart.string(), rendered.line_map);
  in.resources.add(stream, rendered.line_map);
}

}  // namespace

LoadedInputs loadInputs(const std::vector<std::string>& paths,
                        const render::RenderOptions& options) {
  LoadedInputs in;
  std::optional<render::HelmClient> helm;  // located only when a chart needs it
  for (const std::string& arg : paths) {
    if (arg == "-") {
      addManifestText(in, manifest::readStandardInput(), "<stdin>");
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    if (!fs::exists(p, ec)) throw InputError(arg + ": no such file or directory");
    if (render::isChartDirectory(p) || render::isPackagedChart(p)) {
      if (!helm) helm = render::HelmClient::locate();
      addChart(in, *helm, p, options);
    } else if (fs::is_directory(p) && fs::is_directory(p / "templates")) {
      throw InputError(arg + ": has templates/ but no Chart.yaml, so it is not a chart");
    } else if (fs::is_directory(p)) {
      auto files = manifest::manifestFilesIn(p);
      if (files.empty())
        throw InputError(arg + ": not a chart (no Chart.yaml) and holds no .yaml or .yml files");
      for (const auto& f : files) addManifestText(in, manifest::readInputFile(f), f.string());
    } else {
      addManifestText(in, manifest::readInputFile(p), arg);
    }
  }
  return in;
}

}  // namespace taskmaster::cli
