// The check templates that ship with the binary, one per file in this
// folder, each file named after its template. Adding a template: write the
// file, declare its factory here and register it in builtin_checks.cpp.
#pragma once

#include <memory>

#include "lint/check.h"

namespace taskmaster::lint {

std::unique_ptr<Check> makeApiVersionLifecycle(const ParamReader& params);
std::unique_ptr<Check> makeCapabilitiesAdd(const ParamReader& params);
std::unique_ptr<Check> makeCapabilitiesDrop(const ParamReader& params);
std::unique_ptr<Check> makeConfigReferences(const ParamReader& params);
std::unique_ptr<Check> makeConfigmapSecretData(const ParamReader& params);
std::unique_ptr<Check> makeContainerFieldRequired(const ParamReader& params);
std::unique_ptr<Check> makeDuplicateObject(const ParamReader& params);
std::unique_ptr<Check> makeEnvDuplicateNames(const ParamReader& params);
std::unique_ptr<Check> makeEnvLiteralSecret(const ParamReader& params);
std::unique_ptr<Check> makeFieldAssertion(const ParamReader& params);
std::unique_ptr<Check> makeHostPathVolume(const ParamReader& params);
std::unique_ptr<Check> makeHpaReplicaRange(const ParamReader& params);
std::unique_ptr<Check> makeHpaTarget(const ParamReader& params);
std::unique_ptr<Check> makeImagePullPolicy(const ParamReader& params);
std::unique_ptr<Check> makeIngressBackends(const ParamReader& params);
std::unique_ptr<Check> makeKindKnown(const ParamReader& params);
std::unique_ptr<Check> makeLabelsRequired(const ParamReader& params);
std::unique_ptr<Check> makeLimitsVsRequests(const ParamReader& params);
std::unique_ptr<Check> makeLivenessVsReadiness(const ParamReader& params);
std::unique_ptr<Check> makeNamespaceMatchesTarget(const ParamReader& params);
std::unique_ptr<Check> makeNamespaceNotDefault(const ParamReader& params);
std::unique_ptr<Check> makeObjectNameFormat(const ParamReader& params);
std::unique_ptr<Check> makePdbAllowsEviction(const ParamReader& params);
std::unique_ptr<Check> makePdbCoverage(const ParamReader& params);
std::unique_ptr<Check> makePdbSelectsPods(const ParamReader& params);
std::unique_ptr<Check> makeProbePortDeclared(const ParamReader& params);
std::unique_ptr<Check> makeRbacClusterAdmin(const ParamReader& params);
std::unique_ptr<Check> makeRbacSecretsAccess(const ParamReader& params);
std::unique_ptr<Check> makeRbacWildcards(const ParamReader& params);
std::unique_ptr<Check> makeRunAsNonRoot(const ParamReader& params);
std::unique_ptr<Check> makeSchemaConformance(const ParamReader& params);
std::unique_ptr<Check> makeSeccompProfile(const ParamReader& params);
std::unique_ptr<Check> makeSelectorMatchesTemplate(const ParamReader& params);
std::unique_ptr<Check> makeServiceAccountToken(const ParamReader& params);
std::unique_ptr<Check> makeServiceSelectsPods(const ParamReader& params);
std::unique_ptr<Check> makeServiceTargetPort(const ParamReader& params);
std::unique_ptr<Check> makeWorkloadReplicas(const ParamReader& params);

void addBuiltinChecks(CheckRegistry& registry);

}  // namespace taskmaster::lint
