// Preflight results for people (a table with ✓ ! ✗ and remedies) and for
// machines (JSON: {"checks":[{name,outcome,message,remedy}],"summary":{...}}).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "preflight/preflight.h"

namespace taskmaster::preflight {

void writeText(const PreflightReport& report, std::ostream& out, bool color);
nlohmann::ordered_json toJson(const PreflightReport& report);

}  // namespace taskmaster::preflight
