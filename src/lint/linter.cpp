#include "lint/linter.h"

#include <algorithm>
#include <tuple>

#include "manifest/pod_spec.h"

namespace taskmaster::lint {

std::vector<Finding> lint(const manifest::ResourceSet& resources,
                          const std::vector<const Rule*>& enabled, const LintContext& context) {
  std::vector<Finding> findings;
  for (const manifest::Resource& resource : resources.resources) {
    const std::optional<manifest::PodSpecView> pod = manifest::findPodSpec(resource);
    for (const Rule* rule : enabled) {
      if (!rule->scope.appliesTo(resource)) continue;
      FindingSink sink(*rule, resource, findings);
      rule->check->run(CheckInput{*rule, resource, resources, pod, context}, sink);
    }
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.file, a.location.line, a.rule) <
           std::tie(b.location.file, b.location.line, b.rule);
  });
  return findings;
}

}  // namespace taskmaster::lint
