#include "deploy/change_plan.h"

#include <map>

namespace taskmaster::deploy {

namespace {

std::map<ObjectKey, const manifest::Resource*> index(const manifest::ResourceSet& set,
                                                     const std::string& release_namespace) {
  std::map<ObjectKey, const manifest::Resource*> out;
  for (const auto& r : set.resources)
    if (!isHelmHook(r)) out[keyOf(r, release_namespace)] = &r;  // the last of duplicates, as Helm
  return out;
}

FieldChange fieldChange(const FieldDifference& d, const std::string& kind,
                        const SecretMasker& masker) {
  FieldChange change;
  change.path = d.path;
  change.kind = !d.before  ? FieldChange::Kind::Added
                : !d.after ? FieldChange::Kind::Removed
                           : FieldChange::Kind::Changed;
  if (masker.hides(kind, d)) {
    change.hidden = true;
    return change;
  }
  if (d.before) change.before = summarizeValue(d.before);
  if (d.after) change.after = summarizeValue(d.after);
  return change;
}

}  // namespace

ChangePlan computeChangePlan(const manifest::ResourceSet& live, const manifest::ResourceSet& next,
                             const std::string& release_namespace, const SecretMasker& masker) {
  auto before = index(live, release_namespace);
  auto after = index(next, release_namespace);
  ChangePlan plan;
  for (const auto& [key, resource] : after) {
    auto old = before.find(key);
    if (old == before.end()) {
      plan.added.push_back({key, resource->id.api_version, {}, {}});
      continue;
    }
    ObjectChange change{key, resource->id.api_version, {}, {}};
    if (old->second->id.api_version != resource->id.api_version)
      change.old_api_version = old->second->id.api_version;
    for (const FieldDifference& d : diffObjects(old->second->root, resource->root))
      if (d.path != "apiVersion") change.fields.push_back(fieldChange(d, key.kind, masker));
    if (change.fields.empty() && change.old_api_version.empty())
      ++plan.unchanged;
    else
      plan.changed.push_back(std::move(change));
  }
  for (const auto& [key, resource] : before)
    if (!after.count(key)) plan.removed.push_back({key, resource->id.api_version, {}, {}});
  return plan;
}

const char* fieldChangeKindName(FieldChange::Kind kind) {
  switch (kind) {
    case FieldChange::Kind::Added:
      return "added";
    case FieldChange::Kind::Removed:
      return "removed";
    case FieldChange::Kind::Changed:
      break;
  }
  return "changed";
}

std::string describe(const FieldChange& c) {
  std::string kind = fieldChangeKindName(c.kind);
  if (c.hidden) return c.path + ": (" + kind + ", hidden)";
  switch (c.kind) {
    case FieldChange::Kind::Added:
      return c.path + ": (added) " + c.after;
    case FieldChange::Kind::Removed:
      return c.path + ": (removed) " + c.before;
    case FieldChange::Kind::Changed:
      break;
  }
  return c.path + ": " + c.before + " \u2192 " + c.after;
}

}  // namespace taskmaster::deploy
