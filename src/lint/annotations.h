// Suppressions written in the manifests themselves, as annotations:
//
//   metadata.annotations (the object) or the pod template's annotations:
//     taskmaster.io/lint-ignore: "readiness-probe-missing: batch worker, serves no traffic"
//   the same places, for one container:
//     taskmaster.io/lint-ignore.worker: "run-as-root: the image needs root to bind :80"
//
// The value holds one entry `RULE[, RULE...]: REASON` per line (a YAML block
// scalar `|` for several), so a reason may contain anything but a new line.
// An object or pod-template entry suppresses the rule's findings on
// the whole object; a container entry only those about that container (the
// form Kubernetes' own per-container annotations use, e.g. AppArmor's).
// Pod templates count as the object because charts expose `podAnnotations`
// far more often than annotations of the Deployment itself.
//
// Any problem is an InputError naming the file and line: an unknown rule, a
// missing reason, a container the pod does not have, or an unknown
// `taskmaster.io/lint-*` annotation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/catalogue.h"
#include "lint/suppression.h"
#include "manifest/resource.h"

namespace taskmaster::lint {

inline constexpr std::string_view kIgnoreAnnotation = "taskmaster.io/lint-ignore";

class AnnotationSuppressions {
 public:
  // Reads and validates the annotations of every resource; throws InputError.
  AnnotationSuppressions(const manifest::ResourceSet& resources, const Catalogue& catalogue);

  // The suppression that applies to `finding` about `resource`, if any.
  std::optional<Suppression> match(const manifest::Resource& resource,
                                   const Finding& finding) const;

 private:
  struct Entry {
    std::string rule;
    std::string container;  // empty: the whole object
    Suppression suppression;
  };
  std::unordered_map<const manifest::Resource*, std::vector<Entry>> entries_;
};

}  // namespace taskmaster::lint
