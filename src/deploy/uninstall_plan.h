// What `helm uninstall` does to a release's data, and what is left for us:
// PersistentVolumeClaims in the release manifest are deleted by Helm unless
// annotated helm.sh/resource-policy: keep; claims a StatefulSet created from
// its volumeClaimTemplates are not Helm's and stay. Deleting the namespace
// deletes every claim in it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "manifest/resource.h"

namespace taskmaster::deploy {

struct DataPlan {
  std::vector<std::string> deleted_by_helm;    // in the manifest, no keep policy
  std::vector<std::string> kept_by_helm;       // in the manifest, helm.sh/resource-policy: keep
  std::vector<std::string> from_statefulsets;  // <template>-<statefulset>-<ordinal>, live
  std::vector<std::string> other_claims;       // the namespace's claims that are not the release's

  // The release's claims that survive `helm uninstall`.
  std::vector<std::string> survivingClaims() const;
};

// `manifest`: the release's manifest; `live_claims`: kubectl's List of the
// namespace's PersistentVolumeClaims (null when it could not be read).
DataPlan planData(const manifest::ResourceSet& manifest, const nlohmann::json& live_claims);

// Namespaces that are never deleted, whatever the options.
bool isProtectedNamespace(const std::string& ns);

}  // namespace taskmaster::deploy
