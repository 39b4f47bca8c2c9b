// Gathering the facts: Helm and the chart, the Docker daemon, the kube
// context, the API server and the cluster's objects. Each probe runs its
// programs with the per-check timeout and records failures as facts instead
// of throwing.
#pragma once

#include "preflight/facts.h"

namespace taskmaster::preflight {

HelmFacts probeHelm();
ChartFacts probeChart(const HelmFacts& helm, const PreflightOptions& options);
DockerFacts probeDocker(std::chrono::milliseconds timeout);
// Asks the daemon for each image: present in the local image store?
std::map<std::string, bool> probeImages(const std::vector<std::string>& images,
                                        std::chrono::milliseconds timeout);
ContextFacts probeContext(const std::optional<kube::Kubectl>& kubectl,
                          std::chrono::milliseconds timeout);
ApiFacts probeApi(const kube::Kubectl& kubectl, std::chrono::milliseconds timeout);
// Only the lists the chart's needs call for are fetched.
ClusterFacts probeCluster(const kube::Kubectl& kubectl, const ChartFacts& chart,
                          const std::string& target_namespace, std::chrono::milliseconds timeout);

// True when a kube API server URL points at this machine: loopback or the
// names Docker Desktop gives its cluster.
bool isLocalServer(const std::string& server_url);

}  // namespace taskmaster::preflight
