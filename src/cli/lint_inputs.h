// Turns what the user named on the command line into resources to lint:
// charts (directories or .tgz) are rendered with Helm, YAML files and
// directories of them are read as manifests, `-` is standard input.
#pragma once

#include <string>
#include <vector>

#include "manifest/resource.h"
#include "render/chart_renderer.h"
#include "render/helm_client.h"

namespace taskmaster::cli {

struct LoadedInputs {
  manifest::ResourceSet resources;
  // Per rendered chart: the chart as named and its line map (asking for its
  // stats waits for the instrumented render).
  std::vector<std::pair<std::string, std::shared_ptr<const render::RenderedLineMap>>> charts;
};

LoadedInputs loadInputs(const std::vector<std::string>& paths,
                        const render::RenderOptions& options);

}  // namespace taskmaster::cli
