// The lint findings an upgrade brings: those of the new render that the
// release as last deployed did not have. Findings match by rule, object,
// container and message (never by line: the live manifest has no template
// lines), each old finding at most once.
#pragma once

#include <string>
#include <vector>

#include "lint/finding.h"

namespace taskmaster::deploy {

std::vector<lint::Finding> newFindings(const std::vector<lint::Finding>& live,
                                       const std::vector<lint::Finding>& next,
                                       const std::string& release_namespace);

}  // namespace taskmaster::deploy
