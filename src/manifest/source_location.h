// Where a line of linted text came from: a template file and line of a chart,
// or a manifest file and line. line == 0 means only the file is known.
#pragma once

#include <cstdint>
#include <string>

namespace taskmaster::manifest {

struct SourceLocation {
  std::string file;  // chart mode: relative to the chart root (templates/x.yaml)
  uint32_t line = 0;
  std::string root;  // chart mode: the chart as the user named it; else empty
  bool operator==(const SourceLocation&) const = default;
};

// Maps a line of the parsed text (1-based) to its source.
class SourceMap {
 public:
  virtual ~SourceMap() = default;
  virtual SourceLocation locate(uint32_t text_line) const = 0;
};

// Plain manifest files: the text is the file.
class IdentitySourceMap : public SourceMap {
 public:
  explicit IdentitySourceMap(std::string file) : file_(std::move(file)) {}
  SourceLocation locate(uint32_t text_line) const override { return {file_, text_line, {}}; }

 private:
  std::string file_;
};

}  // namespace taskmaster::manifest
