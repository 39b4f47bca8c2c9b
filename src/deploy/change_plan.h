// What an upgrade changes: the objects of the release as Helm last deployed
// them (`helm get manifest`) against the new render, by object and field,
// with secret values never shown. Hooks are left out on both sides: Helm
// keeps them out of the release manifest and runs them anew each time.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "deploy/object_key.h"
#include "deploy/secret_masker.h"
#include "manifest/resource.h"

namespace taskmaster::deploy {

struct FieldChange {
  enum class Kind { Added, Removed, Changed };
  Kind kind = Kind::Changed;
  std::string path;
  std::string before, after;  // summaries (field_diff.h); empty when hidden or absent
  bool hidden = false;        // shown as "(changed, hidden)"
};
const char* fieldChangeKindName(FieldChange::Kind kind);  // "added", "removed", "changed"

struct ObjectChange {
  ObjectKey key;
  std::string api_version;          // the new one (the old one for removals)
  std::string old_api_version;      // set when it changed
  std::vector<FieldChange> fields;  // changed objects only
};

struct ChangePlan {
  std::vector<ObjectChange> added, removed, changed;
  size_t unchanged = 0;
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

ChangePlan computeChangePlan(const manifest::ResourceSet& live, const manifest::ResourceSet& next,
                             const std::string& release_namespace, const SecretMasker& masker);

// "spec.replicas: 1 → 2", "spec.strategy: (added) {2 keys}",
// "data.OPENAI_API_KEY: (changed, hidden)".
std::string describe(const FieldChange& change);

}  // namespace taskmaster::deploy
