// Lookups across the whole linted input, built once per lint run so that
// cross-resource checks (a Service that selects nothing, a missing ConfigMap,
// an HPA's target) stay linear on large inputs.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/label_selector.h"
#include "manifest/pod_spec.h"
#include "manifest/resource.h"

namespace taskmaster::lint {

// A resource that carries a pod template (or is a Pod).
struct Workload {
  const manifest::Resource* resource = nullptr;
  manifest::PodSpecView pod;
  yaml::Node labels;  // the pod template's labels
  std::string_view ns;
};

class ResourceIndex {
 public:
  ResourceIndex(const manifest::ResourceSet& resources, std::string_view target_namespace);
  ResourceIndex(const ResourceIndex&) = delete;
  ResourceIndex& operator=(const ResourceIndex&) = delete;

  // metadata.namespace, else the namespace the release installs into (an
  // object without one lands there). Empty for cluster-scoped objects only
  // when the target is unknown too.
  std::string_view namespaceOf(const manifest::Resource& resource) const;

  const std::vector<const manifest::Resource*>& ofKind(std::string_view kind) const;
  // Objects of that kind and name in input order, in any namespace.
  const std::vector<const manifest::Resource*>& named(std::string_view kind,
                                                      std::string_view name) const;
  // The first object of that kind, namespace and name; nullptr when none.
  const manifest::Resource* find(std::string_view kind, std::string_view ns,
                                 std::string_view name) const;

  const std::vector<Workload>& workloads() const { return workloads_; }
  const Workload* workloadOf(const manifest::Resource& resource) const;
  // Workloads in `ns` whose pod template labels `selector` matches.
  std::vector<const Workload*> selectPods(std::string_view ns, const LabelSelector& selector) const;
  // HorizontalPodAutoscalers whose scaleTargetRef names `workload`.
  std::vector<const manifest::Resource*> hpasFor(const manifest::Resource& workload) const;

 private:
  std::string target_namespace_;
  std::unordered_map<std::string, std::vector<const manifest::Resource*>> by_kind_;
  std::unordered_map<std::string, std::vector<const manifest::Resource*>> by_name_;  // "kind\0name"
  std::vector<Workload> workloads_;
  std::unordered_map<const manifest::Resource*, size_t> workload_of_;
  std::unordered_map<std::string, std::vector<size_t>> workloads_by_label_;  // "ns\0k\0v"
  std::unordered_map<std::string, std::vector<size_t>> workloads_by_ns_;
};

}  // namespace taskmaster::lint
