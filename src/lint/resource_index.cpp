#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

std::string labelKey(std::string_view ns, std::string_view key, std::string_view value) {
  std::string k;
  k.reserve(ns.size() + key.size() + value.size() + 2);
  k.append(ns).push_back('\0');
  k.append(key).push_back('\0');
  k.append(value);
  return k;
}

}  // namespace

ResourceIndex::ResourceIndex(const manifest::ResourceSet& resources,
                             std::string_view target_namespace)
    : target_namespace_(target_namespace) {
  for (const manifest::Resource& r : resources.resources) {
    by_kind_[r.id.kind].push_back(&r);
    by_name_[r.id.kind + '\0' + r.id.name].push_back(&r);
    auto pod = manifest::findPodSpec(r);
    if (!pod) continue;
    Workload w{&r, *pod, pod->metadata.get("labels"), namespaceOf(r)};
    size_t index = workloads_.size();
    workload_of_.emplace(&r, index);
    workloads_by_ns_[std::string(w.ns)].push_back(index);
    for (size_t i = 0; i < w.labels.size(); ++i)
      workloads_by_label_[labelKey(w.ns, w.labels.key(i).str(), w.labels.value(i).scalar())]
          .push_back(index);
    workloads_.push_back(std::move(w));
  }
}

std::string_view ResourceIndex::namespaceOf(const manifest::Resource& resource) const {
  return resource.id.namespace_.empty() ? std::string_view(target_namespace_)
                                        : std::string_view(resource.id.namespace_);
}

const std::vector<const manifest::Resource*>& ResourceIndex::ofKind(std::string_view kind) const {
  static const std::vector<const manifest::Resource*> kNone;
  auto it = by_kind_.find(std::string(kind));
  return it == by_kind_.end() ? kNone : it->second;
}

const std::vector<const manifest::Resource*>& ResourceIndex::named(std::string_view kind,
                                                                   std::string_view name) const {
  static const std::vector<const manifest::Resource*> kNone;
  std::string key(kind);
  key.push_back('\0');
  key.append(name);
  auto it = by_name_.find(key);
  return it == by_name_.end() ? kNone : it->second;
}

const manifest::Resource* ResourceIndex::find(std::string_view kind, std::string_view ns,
                                              std::string_view name) const {
  for (const manifest::Resource* r : named(kind, name))
    if (namespaceOf(*r) == ns) return r;
  return nullptr;
}

const Workload* ResourceIndex::workloadOf(const manifest::Resource& resource) const {
  auto it = workload_of_.find(&resource);
  return it == workload_of_.end() ? nullptr : &workloads_[it->second];
}

std::vector<const Workload*> ResourceIndex::selectPods(std::string_view ns,
                                                       const LabelSelector& selector) const {
  static const std::vector<size_t> kNone;
  const std::vector<size_t>* candidates = &kNone;
  if (auto eq = selector.anyEquality()) {
    auto it = workloads_by_label_.find(labelKey(ns, eq->first, eq->second));
    if (it != workloads_by_label_.end()) candidates = &it->second;
  } else {
    auto it = workloads_by_ns_.find(std::string(ns));
    if (it != workloads_by_ns_.end()) candidates = &it->second;
  }
  std::vector<const Workload*> out;
  for (size_t i : *candidates)
    if (selector.matches(workloads_[i].labels)) out.push_back(&workloads_[i]);
  return out;
}

std::vector<const manifest::Resource*> ResourceIndex::hpasFor(
    const manifest::Resource& workload) const {
  std::vector<const manifest::Resource*> out;
  for (const manifest::Resource* hpa : ofKind("HorizontalPodAutoscaler")) {
    yaml::Node ref = hpa->root.path({"spec", "scaleTargetRef"});
    if (ref.get("kind").str() == workload.id.kind && ref.get("name").str() == workload.id.name &&
        namespaceOf(*hpa) == namespaceOf(workload))
      out.push_back(hpa);
  }
  return out;
}

}  // namespace taskmaster::lint
