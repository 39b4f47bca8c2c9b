// The preflight checks, in the order they are reported. Each is a pure
// function of the gathered facts (one per file in this folder); a check
// that depends on a failed one returns Skip with the reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "preflight/facts.h"

namespace taskmaster::preflight {

using CheckFunction = CheckResult (*)(const Facts&);

struct CheckEntry {
  const char* name;
  CheckFunction run;
};

CheckResult checkHelm(const Facts& f);
CheckResult checkDocker(const Facts& f);
CheckResult checkContext(const Facts& f);
CheckResult checkApi(const Facts& f);
CheckResult checkMode(const Facts& f);
CheckResult checkNodes(const Facts& f);
CheckResult checkChart(const Facts& f);
CheckResult checkCapacity(const Facts& f);
CheckResult checkImages(const Facts& f);
CheckResult checkNamespace(const Facts& f);
CheckResult checkSecrets(const Facts& f);
CheckResult checkStorage(const Facts& f);
CheckResult checkIngress(const Facts& f);
CheckResult checkMetrics(const Facts& f);
CheckResult checkPorts(const Facts& f);

const std::vector<CheckEntry>& allChecks();

// Shared building blocks of the checks.
CheckResult pass(const char* name, std::string message);
CheckResult warn(const char* name, std::string message, std::string remedy);
CheckResult fail(const char* name, std::string message, std::string remedy);
CheckResult skip(const char* name, std::string reason);

// Skip results for a check that needs a reachable cluster / the rendered
// chart; nullopt when what it needs is there.
std::optional<CheckResult> needsCluster(const char* name, const Facts& f);
std::optional<CheckResult> needsChart(const char* name, const Facts& f);

// The cluster's mode as the nodes tell it.
enum class ClusterMode { Kubeadm, Kind, Other, Unknown };
ClusterMode clusterMode(const Facts& f);

// Images the release may take from Docker's local store (policy not Always).
std::vector<std::string> imagesToInspect(const ChartNeeds& needs);

// "1.5 GiB", "512 MiB"; "1.25 CPU".
std::string formatBytes(double bytes);
std::string formatCpu(double cores);

}  // namespace taskmaster::preflight
