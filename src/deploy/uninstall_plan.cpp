#include "deploy/uninstall_plan.h"

#include <algorithm>
#include <cctype>

#include "deploy/object_key.h"

namespace taskmaster::deploy {

namespace {

bool claimOfTemplate(const std::string& claim, const std::string& prefix) {
  if (claim.size() <= prefix.size() || claim.compare(0, prefix.size(), prefix) != 0) return false;
  return std::all_of(claim.begin() + static_cast<long>(prefix.size()), claim.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

std::vector<std::string> DataPlan::survivingClaims() const {
  std::vector<std::string> out = kept_by_helm;
  out.insert(out.end(), from_statefulsets.begin(), from_statefulsets.end());
  return out;
}

DataPlan planData(const manifest::ResourceSet& manifest, const nlohmann::json& live_claims) {
  DataPlan plan;
  std::vector<std::string> prefixes;
  for (const auto& r : manifest.resources) {
    if (isHelmHook(r)) continue;
    if (r.id.kind == "PersistentVolumeClaim") {
      bool keep = r.annotation("helm.sh/resource-policy") == "keep";
      (keep ? plan.kept_by_helm : plan.deleted_by_helm).push_back(r.id.name);
    }
    if (r.id.kind == "StatefulSet") {
      yaml::Node templates = r.root.path({"spec", "volumeClaimTemplates"});
      for (size_t i = 0; i < templates.size(); ++i)
        prefixes.push_back(std::string(templates.item(i).path({"metadata", "name"}).str()) + "-" +
                           r.id.name + "-");
    }
  }
  if (!live_claims.is_object() || !live_claims.contains("items")) return plan;
  for (const auto& item : live_claims["items"]) {
    std::string name = item.value("/metadata/name"_json_pointer, std::string());
    if (name.empty()) continue;
    auto in = [&](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), name) != list.end();
    };
    if (in(plan.deleted_by_helm) || in(plan.kept_by_helm)) continue;
    bool templated = std::any_of(prefixes.begin(), prefixes.end(),
                                 [&](const std::string& p) { return claimOfTemplate(name, p); });
    (templated ? plan.from_statefulsets : plan.other_claims).push_back(name);
  }
  return plan;
}

bool isProtectedNamespace(const std::string& ns) {
  return ns == "default" || ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease";
}

}  // namespace taskmaster::deploy
