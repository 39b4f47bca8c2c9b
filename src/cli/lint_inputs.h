// Loading one unit of linting: a chart rendered with Helm under one values
// set, a manifest file, or text from stdin, parsed into resources.
#pragma once

#include <memory>
#include <string>

#include "manifest/resource.h"
#include "render/chart_renderer.h"
#include "render/helm_client.h"

namespace taskmaster::cli {

struct LoadedUnit {
  manifest::ResourceSet resources;
  // Charts only: the line map (asking for its stats waits for the
  // instrumented render).
  std::shared_ptr<const render::RenderedLineMap> line_map;
};

// InputError when Helm fails or the rendered output is not valid YAML.
LoadedUnit loadChart(const render::HelmClient& helm, const std::string& chart,
                     const render::RenderOptions& options);
// `display` names the text in locations and messages.
LoadedUnit loadManifestText(std::string text, const std::string& display);

}  // namespace taskmaster::cli
