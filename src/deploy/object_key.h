// How a deployed object is identified across two renders: API group (not
// version: autoscaling/v2beta2 -> v2 is a change of the same object), kind,
// namespace and name, as Helm itself matches objects on upgrade.
#pragma once

#include <compare>
#include <string>

#include "manifest/resource.h"

namespace taskmaster::deploy {

struct ObjectKey {
  std::string group;  // "" for the core group (v1)
  std::string kind;
  std::string namespace_;  // the release namespace when the manifest names none
  std::string name;
  auto operator<=>(const ObjectKey&) const = default;
};

ObjectKey keyOf(const manifest::Resource& resource, const std::string& release_namespace);

// "Deployment/taskmaster-backend", with " in namespace X" when X is not the
// release's namespace.
std::string displayName(const ObjectKey& key, const std::string& release_namespace);

// Helm keeps hooks (tests, jobs run around installs) out of a release's
// manifest; they are not part of what an upgrade changes.
bool isHelmHook(const manifest::Resource& resource);

}  // namespace taskmaster::deploy
