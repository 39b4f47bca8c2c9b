// Small helpers the check templates share: how a container is named in a
// message, and where a pod's security settings take effect.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "manifest/pod_spec.h"
#include "yaml/node.h"

namespace taskmaster::lint {

// `container "api"` or `init container "migrate"`, as messages start.
inline std::string containerLabel(const manifest::ContainerRef& c) {
  return fmt::format("{} \"{}\"", c.init ? "init container" : "container", c.name);
}

// A field of the container's securityContext, else of the pod's: the
// container's value wins where both can set it (runAsNonRoot, runAsUser,
// seccompProfile ...). Null values count as unset.
inline yaml::Node effectiveSecurityField(const manifest::PodSpecView& pod,
                                         const manifest::ContainerRef& c, std::string_view field) {
  yaml::Node own = c.node.get("securityContext").get(field);
  if (!own.isNull()) return own;
  yaml::Node inherited = pod.spec.get("securityContext").get(field);
  return inherited.isNull() ? yaml::Node() : inherited;
}

// True for `true` (and YAML 1.1 spellings such as `yes`), false otherwise.
inline bool isTrue(yaml::Node node) {
  auto b = node.asBool();
  return b && *b;
}

}  // namespace taskmaster::lint
