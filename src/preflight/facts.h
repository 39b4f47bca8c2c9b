// Everything preflight learns about the machine, the cluster and the chart,
// gathered concurrently (probes.h) before any check judges it. Checks are
// pure functions of these facts, so each can be tested without processes.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kube/kubectl.h"
#include "preflight/chart_needs.h"
#include "preflight/preflight.h"
#include "render/helm_client.h"

namespace taskmaster::preflight {

struct HelmFacts {
  std::string binary;  // empty: not found
  std::optional<render::HelmVersion> version;
  std::string error;
};

struct ChartFacts {
  bool rendered = false;
  std::string error;  // Helm's error when not rendered
  ChartNeeds needs;
};

struct DockerFacts {
  bool cli_found = false;
  bool reachable = false;
  std::string error;    // why the daemon is not reachable
  nlohmann::json info;  // `docker info` as JSON when reachable
  // Image reference -> present in the local image store (only those asked).
  std::map<std::string, bool> images;
};

struct ContextFacts {
  bool kubectl_found = false;
  std::string name;  // the context in use; empty when none is set
  bool exists = false;
  std::string server;                  // its cluster's server URL
  bool local = false;                  // the server is this machine (Docker Desktop, loopback)
  std::vector<std::string> available;  // contexts in the kubeconfig
  std::string error;
};

struct ApiFacts {
  bool ready = false;
  std::string error;
  std::string server_version;  // "v1.33.1"
};

// Secret name -> its data keys, or the kubectl error (not_found set).
struct SecretKeys {
  std::vector<std::string> keys;
  bool not_found = false;
  std::string error;
};

struct ClusterFacts {
  using Json = kube::Kubectl::JsonResult;
  Json nodes, target_namespace, storage_classes, ingress_classes, metrics_api, services, pods;
  std::map<std::string, SecretKeys> secrets;
};

struct Facts {
  const PreflightOptions* options = nullptr;
  HelmFacts helm;
  ChartFacts chart;
  DockerFacts docker;
  ContextFacts context;
  ApiFacts api;
  ClusterFacts cluster;
  // Host ports the release publishes -> something on this machine already
  // answers there.
  std::map<long long, bool> local_ports_in_use;
};

}  // namespace taskmaster::preflight
