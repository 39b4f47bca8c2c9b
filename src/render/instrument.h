// Instrumentation of Go templates for the line map (DESIGN.md, "Rendering
// with real Helm"): a YAML comment marker ` #tm:<file>:<line>` is appended to
// every template line whose end lies in literal text, so that the rendered
// output says which template line finished each output line. Lines where a
// comment would change what Helm renders or how YAML reads it are left alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taskmaster::render {

struct Marker {
  uint32_t file = 0;  // index into the instrumented file table
  uint32_t line = 0;  // 1-based template line
};

std::string instrumentTemplate(std::string_view text, uint32_t file_id);

// Removes trailing markers from an output line; returns the last one (the
// template line whose newline ended this output line), if any.
std::optional<Marker> stripMarkers(std::string_view& line);

}  // namespace taskmaster::render
