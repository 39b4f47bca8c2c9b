#include "lint/linter.h"

#include <algorithm>
#include <tuple>

#include "lint/resource_index.h"
#include "manifest/pod_spec.h"
#include "schema/unit_schemas.h"

namespace taskmaster::lint {

std::vector<Finding> lint(const manifest::ResourceSet& resources,
                          const std::vector<const Rule*>& enabled, const LintContext& context) {
  return lint(resources, enabled, context, nullptr);
}

std::vector<Finding> lint(const manifest::ResourceSet& resources,
                          const std::vector<const Rule*>& enabled, const LintContext& context,
                          const FindingFilter& keep) {
  std::vector<Finding> findings;
  const ResourceIndex index(resources, context.target_namespace);
  const schema::UnitSchemas schemas(resources, context.kube_version, context.schema_dir.get());
  for (const manifest::Resource& resource : resources.resources) {
    const std::optional<manifest::PodSpecView> pod = manifest::findPodSpec(resource);
    size_t first = findings.size();
    for (const Rule* rule : enabled) {
      if (!rule->scope.appliesTo(resource)) continue;
      FindingSink sink(*rule, resource, findings);
      rule->check->run(CheckInput{*rule, resource, resources, pod, context, index, schemas}, sink);
    }
    if (!keep) continue;
    auto dropped =
        std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(first), findings.end(),
                       [&](const Finding& f) { return !keep(resource, f); });
    findings.erase(dropped, findings.end());
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.file, a.location.line, a.rule) <
           std::tie(b.location.file, b.location.line, b.rule);
  });
  return findings;
}

}  // namespace taskmaster::lint
