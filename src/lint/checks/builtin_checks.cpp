#include "lint/checks/builtin_checks.h"

namespace taskmaster::lint {

// An explicit list rather than self-registering statics: the checks live in
// a static library, and the linker drops object files nothing refers to.
void addBuiltinChecks(CheckRegistry& registry) {
  registry.add("api-version-lifecycle", makeApiVersionLifecycle);
  registry.add("capabilities-add", makeCapabilitiesAdd);
  registry.add("capabilities-drop", makeCapabilitiesDrop);
  registry.add("config-references", makeConfigReferences);
  registry.add("configmap-secret-data", makeConfigmapSecretData);
  registry.add("container-field-required", makeContainerFieldRequired);
  registry.add("duplicate-object", makeDuplicateObject);
  registry.add("env-duplicate-names", makeEnvDuplicateNames);
  registry.add("env-literal-secret", makeEnvLiteralSecret);
  registry.add("field-assertion", makeFieldAssertion);
  registry.add("host-path-volume", makeHostPathVolume);
  registry.add("hpa-replica-range", makeHpaReplicaRange);
  registry.add("hpa-target", makeHpaTarget);
  registry.add("image-pull-policy", makeImagePullPolicy);
  registry.add("ingress-backends", makeIngressBackends);
  registry.add("kind-known", makeKindKnown);
  registry.add("labels-required", makeLabelsRequired);
  registry.add("limits-vs-requests", makeLimitsVsRequests);
  registry.add("liveness-vs-readiness", makeLivenessVsReadiness);
  registry.add("namespace-matches-target", makeNamespaceMatchesTarget);
  registry.add("namespace-not-default", makeNamespaceNotDefault);
  registry.add("object-name-format", makeObjectNameFormat);
  registry.add("pdb-allows-eviction", makePdbAllowsEviction);
  registry.add("pdb-coverage", makePdbCoverage);
  registry.add("pdb-selects-pods", makePdbSelectsPods);
  registry.add("probe-port-declared", makeProbePortDeclared);
  registry.add("rbac-cluster-admin", makeRbacClusterAdmin);
  registry.add("rbac-secrets-access", makeRbacSecretsAccess);
  registry.add("rbac-wildcards", makeRbacWildcards);
  registry.add("run-as-non-root", makeRunAsNonRoot);
  registry.add("schema-conformance", makeSchemaConformance);
  registry.add("seccomp-profile", makeSeccompProfile);
  registry.add("selector-matches-template", makeSelectorMatchesTemplate);
  registry.add("service-account-token", makeServiceAccountToken);
  registry.add("service-selects-pods", makeServiceSelectsPods);
  registry.add("service-target-port", makeServiceTargetPort);
  registry.add("workload-replicas", makeWorkloadReplicas);
}

}  // namespace taskmaster::lint
