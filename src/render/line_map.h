// Aligns the plain render with the instrumented one (DESIGN.md) and keeps,
// for every line of the plain output, the template file and line it came from.
#pragma once

#include <string>
#include <vector>

#include "manifest/source_location.h"
#include "render/helm_output.h"

namespace taskmaster::render {

struct MappingStats {
  size_t documents = 0;                         // non-empty documents of the plain render
  size_t line_level = 0;                        // of which every line has a template line
  std::vector<std::string> file_level_sources;  // the others, by source
};

class ChartLineMap : public manifest::SourceMap {
 public:
  // plain/instrumented: the two outputs split into lines; files: the
  // instrumented file table (marker file id -> chart-relative path).
  ChartLineMap(const std::vector<std::string_view>& plain,
               const std::vector<std::string_view>& instrumented,
               const std::vector<std::string>& files, std::string chart_root);
  manifest::SourceLocation locate(uint32_t text_line) const override;
  // True when the template line's own marker ended this output line (not
  // inherited from a marker below); tests use it to check the map exactly.
  bool markedAt(uint32_t text_line) const;
  const MappingStats& stats() const { return stats_; }

 private:
  struct Entry {
    uint32_t file = 0;  // index into files_
    uint32_t line = 0;  // 0: file-level
    bool marked = false;
  };
  uint32_t fileIndex(const std::string& path);
  void mapDocument(const RenderedDocument& plain, const RenderedDocument* instrumented,
                   const std::vector<std::string>& marker_files);

  std::string root_;
  std::vector<std::string> files_;
  std::vector<Entry> entries_;  // by 0-based plain output line
  MappingStats stats_;
};

// Two lines that differ only where two renders legitimately differ: a
// checksum of an instrumented template, a random value.
bool equivalentRenderedLines(std::string_view a, std::string_view b);

}  // namespace taskmaster::render
