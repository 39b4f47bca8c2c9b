// The CustomResourceDefinitions of a chart's crds/ directory and of its
// subcharts' (unpacked in charts/, or packaged as .tgz there or as the chart
// itself). Helm installs them before the templates, and `helm template` does
// not print them; the schema rules still need the kinds they define.
#pragma once

#include <chrono>
#include <filesystem>

#include "manifest/resource.h"

namespace taskmaster::schema {

// Adds every document of the crds/ files (.yaml, .yml, .json) to
// set.chart_crds. Subcharts a values condition disables are read too (their
// kinds then count as known). InputError for a file that is not valid YAML
// or an archive that cannot be read.
void addChartCrds(const std::filesystem::path& chart, manifest::ResourceSet& set,
                  std::chrono::milliseconds timeout = std::chrono::minutes(1));

}  // namespace taskmaster::schema
