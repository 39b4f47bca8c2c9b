// Human output: `FILE:LINE: SEVERITY: message [rule]`, grouped by file, with
// a summary line. Colour only when asked (a TTY without NO_COLOR).
#pragma once

#include <ostream>

#include "report/report.h"

namespace taskmaster::report {

void writeText(std::ostream& out, const Report& report, bool color);

// The path a terminal user can open: chart root joined with the template.
std::string displayPath(const manifest::SourceLocation& location);

}  // namespace taskmaster::report
