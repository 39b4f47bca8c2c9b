#include "lint/checks/builtin_checks.h"

namespace taskmaster::lint {

// An explicit list rather than self-registering statics: the checks live in
// a static library, and the linker drops object files nothing refers to.
void addBuiltinChecks(CheckRegistry& registry) {
  registry.add("container-field-required", makeContainerFieldRequired);
  registry.add("configmap-secret-data", makeConfigmapSecretData);
  registry.add("env-literal-secret", makeEnvLiteralSecret);
  registry.add("namespace-matches-target", makeNamespaceMatchesTarget);
  registry.add("namespace-not-default", makeNamespaceNotDefault);
}

}  // namespace taskmaster::lint
