// Prepares the chart for the instrumented render: a copy in which every
// top-level template of the chart and of its directory subcharts carries line
// markers (render/instrument.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace taskmaster::render {

// Writes the instrumented copy of `chart` to `dest` (which must not exist).
// Templates are written fresh; every other file is hard-linked where the
// filesystem allows (else copied), so the user's chart is never written to.
// values.schema.json is left out: the plain render has validated the values.
// Returns the file table: marker file id -> path relative to the chart root.
// Packed subcharts (charts/*.tgz) stay as they are.
std::vector<std::string> writeInstrumentedChart(const std::filesystem::path& chart,
                                                const std::filesystem::path& dest);

}  // namespace taskmaster::render
