// Reading RBAC PolicyRules (Role and ClusterRole `rules`), shared by the RBAC
// checks.
#pragma once

#include <string_view>

#include "yaml/node.h"

namespace taskmaster::lint {

// The sequence `list` holds `value` (or "*" when `wildcard` is true).
inline bool listHas(yaml::Node list, std::string_view value, bool wildcard = true) {
  for (size_t i = 0; i < list.size(); ++i) {
    std::string_view v = list.item(i).str();
    if (v == value || (wildcard && v == "*")) return true;
  }
  return false;
}

// The rule grants every verb on every resource of every API group: what
// the cluster-admin ClusterRole does, whatever the role is called.
inline bool grantsEverything(yaml::Node rule) {
  yaml::Node verbs = rule.get("verbs");
  bool all_verbs = listHas(verbs, "*");
  if (!all_verbs) {
    all_verbs = true;
    for (const char* v : {"get", "list", "watch", "create", "update", "patch", "delete"})
      all_verbs = all_verbs && listHas(verbs, v, false);
  }
  return all_verbs && listHas(rule.get("apiGroups"), "*", false) &&
         listHas(rule.get("resources"), "*", false);
}

}  // namespace taskmaster::lint
