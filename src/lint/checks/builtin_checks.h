// The check templates that ship with the binary, one per file in this
// folder, each file named after its template. Adding a template: write the
// file, declare its factory here and register it in builtin_checks.cpp.
#pragma once

#include <memory>

#include "lint/check.h"

namespace taskmaster::lint {

std::unique_ptr<Check> makeContainerFieldRequired(const ParamReader& params);
std::unique_ptr<Check> makeConfigmapSecretData(const ParamReader& params);
std::unique_ptr<Check> makeEnvLiteralSecret(const ParamReader& params);
std::unique_ptr<Check> makeNamespaceMatchesTarget(const ParamReader& params);
std::unique_ptr<Check> makeNamespaceNotDefault(const ParamReader& params);

void addBuiltinChecks(CheckRegistry& registry);

}  // namespace taskmaster::lint
