// Machine output, version 1 (the shape is documented in README and stable):
// {"version":1, "findings":[{"rule","severity","message",
//   "resource":{"apiVersion","kind","name","namespace"}, "container"?, "valuesSets"?,
//   "location":{"file","line"?}}], "summary":{"error","warning","info","resources","suppressed"},
//   "suppressed"?: [finding + "suppression":{"kind","reason","source"}]}  (--show-suppressed)
#pragma once

#include <ostream>

#include "report/report.h"

namespace taskmaster::report {

void writeJson(std::ostream& out, const Report& report);

}  // namespace taskmaster::report
