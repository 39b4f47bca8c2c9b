// What the rendered release asks of the cluster and the machine: images and
// how they are pulled, CPU and memory, volumes, ingress, autoscaling, host
// ports and Secrets. Computed once from the rendered objects; the preflight
// checks compare it with what they find.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "manifest/resource.h"

namespace taskmaster::preflight {

struct ImageNeed {
  std::string image;
  std::string pull_policy;  // as Kubernetes defaults it: Always for :latest or no tag
  std::string user;         // "Deployment/taskmaster-backend container backend"
};

struct PodDemand {
  std::string workload;  // "Deployment/taskmaster-backend"
  long long pods = 1;    // replicas (an HPA's minReplicas); per node for DaemonSets
  bool per_node = false;
  double cpu = 0;     // cores requested by one pod
  double memory = 0;  // bytes requested by one pod
};

struct VolumeClaimNeed {
  std::string claim;  // "PersistentVolumeClaim/data" or "StatefulSet/db data"
  std::optional<std::string> storage_class;  // unset: the default StorageClass
};

struct IngressNeed {
  std::string ingress;
  std::optional<std::string> ingress_class;  // spec.ingressClassName or the old annotation
};

struct HostPortNeed {
  std::string service;  // "Service/taskmaster-frontend"
  std::string type;     // LoadBalancer or NodePort
  long long port = 0;   // the localhost port Docker Desktop publishes
};

struct SecretReference {
  std::string secret;
  std::string key;  // empty: the whole Secret (envFrom, volume)
  bool optional = false;
  std::string user;  // "Deployment/taskmaster-backend"
};

struct ChartNeeds {
  std::string namespace_;
  std::vector<ImageNeed> images;
  std::vector<PodDemand> pods;  // hooks excluded
  std::vector<VolumeClaimNeed> volume_claims;
  std::vector<IngressNeed> ingresses;
  std::vector<std::string> autoscalers;  // HorizontalPodAutoscaler names
  std::vector<HostPortNeed> host_ports;
  std::vector<std::string> services;          // names of the release's own Services
  std::vector<std::string> rendered_secrets;  // Secrets the chart creates
  std::vector<SecretReference> secret_refs;   // Secrets pods use that the chart does not create
  // "Secret/taskmaster (OPENAI_API_KEY)": values that look like placeholders
  // ("changeme", "placeholder"); only names, never the values.
  std::vector<std::string> placeholder_secrets;
  size_t objects = 0;
};

ChartNeeds chartNeeds(const manifest::ResourceSet& resources, const std::string& target_namespace);

}  // namespace taskmaster::preflight
