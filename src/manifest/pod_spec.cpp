#include "manifest/pod_spec.h"

namespace taskmaster::manifest {

namespace {

// Path from the object root to the pod template ({} for a bare Pod).
std::optional<std::vector<std::string_view>> templatePath(std::string_view kind) {
  if (kind == "Pod") return std::vector<std::string_view>{};
  if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
      kind == "ReplicaSet" || kind == "ReplicationController" || kind == "Job")
    return std::vector<std::string_view>{"spec", "template"};
  if (kind == "CronJob")
    return std::vector<std::string_view>{"spec", "jobTemplate", "spec", "template"};
  if (kind == "PodTemplate") return std::vector<std::string_view>{"template"};
  return std::nullopt;
}

void collect(yaml::Node list, bool init, bool ephemeral, std::vector<ContainerRef>& out) {
  for (size_t i = 0; i < list.size(); ++i) {
    yaml::Node c = list.item(i);
    if (!c.isMap()) continue;
    out.push_back(ContainerRef{c, c.get("name").str(), init, ephemeral});
  }
}

}  // namespace

bool isWorkloadKind(std::string_view kind) {
  return templatePath(kind).has_value();
}

std::optional<PodSpecView> findPodSpec(const Resource& resource) {
  auto path = templatePath(resource.id.kind);
  if (!path) return std::nullopt;
  yaml::Node tmpl = resource.root;
  for (auto key : *path) tmpl = tmpl.get(key);
  yaml::Node spec = tmpl.get("spec");
  if (!spec.isMap()) return std::nullopt;
  PodSpecView view{spec, tmpl.get("metadata"), {}};
  collect(spec.get("containers"), false, false, view.containers);
  collect(spec.get("initContainers"), true, false, view.containers);
  collect(spec.get("ephemeralContainers"), false, true, view.containers);
  return view;
}

}  // namespace taskmaster::manifest
