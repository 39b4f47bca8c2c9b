// A change plan and lint findings as people read them (indented lines below
// a step) and as the -o json result carries them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "deploy/change_plan.h"
#include "lint/finding.h"

namespace taskmaster::deploy {

// "1 changed, 0 added, 0 removed, 10 unchanged".
std::string planSummary(const ChangePlan& plan);
// changed Deployment/x, its fields indented below; then added and removed
// objects. At most `max_fields` fields per object.
std::vector<std::string> planLines(const ChangePlan& plan, const std::string& release_namespace,
                                   size_t max_fields = 25);
nlohmann::ordered_json planToJson(const ChangePlan& plan);

// "charts/taskmaster/templates/x.yaml:12: warning: Deployment/y: message [rule]".
std::string findingLine(const lint::Finding& finding);
nlohmann::ordered_json findingToJson(const lint::Finding& finding);
// "2 errors, 1 warning".
std::string findingCounts(const std::vector<lint::Finding>& findings);

}  // namespace taskmaster::deploy
