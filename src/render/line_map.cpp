#include "render/line_map.h"

#include <map>
#include <optional>

#include "render/instrument.h"

namespace taskmaster::render {

namespace {

bool isVolatileChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=' || c == '_' || c == '-' || c == '.';
}

// The instrumented documents of one source, matched to the plain ones. A
// template can render an empty document in the plain render and a marker-only
// one in the instrumented render; those are dropped before pairing by order.
std::vector<const RenderedDocument*> pairBySource(const std::vector<const RenderedDocument*>& plain,
                                                  std::vector<const RenderedDocument*> inst) {
  if (inst.size() != plain.size()) {
    std::vector<const RenderedDocument*> kept;
    for (const RenderedDocument* d : inst) {
      bool only_markers = true;
      for (std::string_view l : d->lines) {
        std::string_view s = l;
        stripMarkers(s);
        if (s.find_first_not_of(" \t\r") != std::string_view::npos) only_markers = false;
      }
      if (!only_markers) kept.push_back(d);
    }
    inst = kept;
  }
  if (inst.size() != plain.size())
    return std::vector<const RenderedDocument*>(plain.size(), nullptr);
  return inst;
}

}  // namespace

bool equivalentRenderedLines(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  // Widen to whole tokens so that a checksum differing from its third digit
  // on is compared as a token, not as a fragment.
  while (prefix > 0 && isVolatileChar(a[prefix - 1])) --prefix;
  while (suffix > 0 && isVolatileChar(a[a.size() - suffix])) --suffix;
  std::string_view da = a.substr(prefix, a.size() - prefix - suffix);
  std::string_view db = b.substr(prefix, b.size() - prefix - suffix);
  if (da.empty() || db.empty()) return false;
  for (char c : da)
    if (!isVolatileChar(c)) return false;
  for (char c : db)
    if (!isVolatileChar(c)) return false;
  return true;
}

ChartLineMap::ChartLineMap(const std::vector<std::string_view>& plain,
                           const std::vector<std::string_view>& instrumented,
                           const std::vector<std::string>& files, std::string chart_root)
    : root_(std::move(chart_root)) {
  entries_.resize(plain.size());
  std::vector<RenderedDocument> plain_docs = splitHelmOutput(plain);
  std::vector<RenderedDocument> inst_docs = splitHelmOutput(instrumented);
  std::map<std::string, std::vector<const RenderedDocument*>> plain_by, inst_by;
  for (const auto& d : plain_docs) plain_by[d.source].push_back(&d);
  for (const auto& d : inst_docs) inst_by[d.source].push_back(&d);
  for (auto& [source, docs] : plain_by) {
    std::vector<const RenderedDocument*> partners = pairBySource(docs, inst_by[source]);
    for (size_t i = 0; i < docs.size(); ++i) mapDocument(*docs[i], partners[i], files);
  }
}

void ChartLineMap::mapDocument(const RenderedDocument& plain, const RenderedDocument* inst,
                               const std::vector<std::string>& marker_files) {
  uint32_t own_file = fileIndex(plain.source);
  // The header lines and the document itself default to file level.
  uint32_t from = plain.first_line >= 2 ? plain.first_line - 2 : 0;
  for (uint32_t i = from; i < plain.first_line + plain.lines.size() && i < entries_.size(); ++i)
    entries_[i] = {own_file, 0, false};
  if (plain.empty()) return;
  ++stats_.documents;

  bool aligned = inst && inst->lines.size() == plain.lines.size();
  std::vector<std::optional<Marker>> markers;
  if (aligned) {
    markers.reserve(plain.lines.size());
    for (size_t i = 0; i < plain.lines.size() && aligned; ++i) {
      std::string_view text = inst->lines[i];
      markers.push_back(stripMarkers(text));
      aligned = equivalentRenderedLines(plain.lines[i], text);
    }
  }
  bool any_marker = false;
  for (const auto& m : markers) any_marker = any_marker || m.has_value();
  if (!aligned || !any_marker) {
    stats_.file_level_sources.push_back(plain.source);
    return;
  }
  ++stats_.line_level;
  // A line without a marker belongs to the next marker below it (output of
  // include/toYaml/range ends where the template line that produced it ends);
  // lines after the last marker belong to the last one.
  std::optional<Marker> last;
  for (const auto& m : markers)
    if (m) last = m;
  std::optional<Marker> below;
  for (size_t i = plain.lines.size(); i-- > 0;) {
    if (markers[i]) below = markers[i];
    const Marker* m = below ? &*below : &*last;
    uint32_t file = m->file < marker_files.size() ? fileIndex(marker_files[m->file]) : own_file;
    entries_[plain.first_line + i] = {file, m->line, markers[i].has_value()};
  }
}

uint32_t ChartLineMap::fileIndex(const std::string& path) {
  for (size_t i = 0; i < files_.size(); ++i)
    if (files_[i] == path) return static_cast<uint32_t>(i);
  files_.push_back(path);
  return static_cast<uint32_t>(files_.size() - 1);
}

manifest::SourceLocation ChartLineMap::locate(uint32_t text_line) const {
  if (text_line == 0 || text_line > entries_.size() || files_.empty()) return {};
  const Entry& e = entries_[text_line - 1];
  return {files_[e.file], e.line, root_};
}

}  // namespace taskmaster::render

namespace taskmaster::render {

bool ChartLineMap::markedAt(uint32_t text_line) const {
  return text_line > 0 && text_line <= entries_.size() && entries_[text_line - 1].marked;
}

}  // namespace taskmaster::render
