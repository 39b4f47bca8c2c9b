// Splits `helm template` output into its documents. Helm prints each as
//   ---
//   # Source: <chart>/templates/<file>
//   <content>
// and, with --debug after a YAML error, in template order with blank lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace taskmaster::render {

struct RenderedDocument {
  std::string source;                   // path relative to the chart root: templates/x.yaml
  uint32_t first_line = 0;              // 0-based index of the first content line
  std::vector<std::string_view> lines;  // content, trailing blank lines dropped
  bool empty() const { return lines.empty(); }
};

// Splits text into lines without their newlines; the views point into text.
std::vector<std::string_view> splitLines(std::string_view text);

std::vector<RenderedDocument> splitHelmOutput(const std::vector<std::string_view>& lines);

// "mychart/charts/sub/templates/a.yaml" -> "charts/sub/templates/a.yaml"
std::string chartRelativeSource(std::string_view source_header_path);

}  // namespace taskmaster::render
