#include "render/helm_output.h"

namespace taskmaster::render {

namespace {
constexpr std::string_view kSourcePrefix = "# Source: ";

bool isSeparator(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  for (char c : line.substr(3))
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}
}  // namespace

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string chartRelativeSource(std::string_view path) {
  size_t slash = path.find('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::vector<RenderedDocument> splitHelmOutput(const std::vector<std::string_view>& lines) {
  std::vector<RenderedDocument> docs;
  auto finish = [&] {
    if (docs.empty()) return;
    auto& l = docs.back().lines;
    while (!l.empty() && l.back().find_first_not_of(" \t\r") == std::string_view::npos)
      l.pop_back();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!isSeparator(lines[i])) {
      if (!docs.empty()) docs.back().lines.push_back(lines[i]);
      continue;
    }
    // A bare `---` (Helm's --debug output after a YAML error prints a
    // multi-document template under one header) continues the same source.
    finish();
    RenderedDocument d;
    bool header =
        i + 1 < lines.size() && lines[i + 1].substr(0, kSourcePrefix.size()) == kSourcePrefix;
    if (header)
      d.source = chartRelativeSource(lines[i + 1].substr(kSourcePrefix.size()));
    else if (!docs.empty())
      d.source = docs.back().source;
    else
      continue;
    if (header) ++i;
    d.first_line = static_cast<uint32_t>(i + 1);
    docs.push_back(std::move(d));
  }
  finish();
  return docs;
}

}  // namespace taskmaster::render
