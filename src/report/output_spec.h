// Where each report goes: `-o FORMAT[=FILE]`, repeatable. FORMAT is text,
// json, sarif, junit or github; without FILE (or with FILE `-`) the report
// goes to stdout, and at most one may. No -o at all means text to stdout.
// Files are written to a temporary file beside them and renamed into place,
// so a reader never sees half a report.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace taskmaster::report {

enum class Format { Text, Json, Sarif, Junit, Github };

std::string_view formatName(Format format);

struct OutputSpec {
  Format format = Format::Text;
  std::string file;  // empty: stdout
  bool operator==(const OutputSpec&) const = default;
};

// Parses every -o value (an empty list means text to stdout). Throws
// InputError naming the bad value: unknown format, empty file, two reports
// to stdout or to one file.
std::vector<OutputSpec> parseOutputSpecs(const std::vector<std::string>& values);
// The same check for a command line parser: the one-line reason, or "".
std::string outputSpecsError(const std::vector<std::string>& values);
// Whether a machine-read format (anything but text) goes to stdout, where
// nothing else may be written (progress lines stay away then). False for
// values that do not parse.
bool machineReportOnStdout(const std::vector<std::string>& values);

struct OutputContext {
  // Reports name files relative to it (GitHub, SARIF %SRCROOT%, JUnit):
  // the directory the tool runs in, normally the repository root.
  std::filesystem::path repo_root;
  bool color = false;  // text on stdout only; files never get colour
};

void writeReport(std::ostream& out, Format format, const Report& report,
                 const std::filesystem::path& repo_root, bool color);

// Writes every report: files first, then the one for `out` (stdout). A file
// that cannot be written does not stop the others; afterwards an InputError
// names it ("cannot write FILE: reason").
void writeOutputs(const std::vector<OutputSpec>& specs, const Report& report, std::ostream& out,
                  const OutputContext& ctx);

}  // namespace taskmaster::report
