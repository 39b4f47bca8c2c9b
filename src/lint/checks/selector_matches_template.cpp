// selector-matches-template: a workload whose spec.selector does not match
// its own pod template's labels, or that has none where apps/v1 requires one.
// The API server rejects it ("selector does not match template labels"), so
// `helm install` fails; it typically follows renaming a label in a helper
// that only the template or only the selector uses.
//
//   params: {requireSelector: [Deployment, StatefulSet, DaemonSet, ReplicaSet]}
//
// Jobs and ReplicationControllers default their selector to the template's
// labels and are only checked when they set one.
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/label_selector.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

class SelectorMatchesTemplate : public Check {
 public:
  explicit SelectorMatchesTemplate(std::vector<std::string> require)
      : require_(std::move(require)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::Resource& r = input.resource;
    if (!input.pod || r.id.kind == "Pod" || r.id.kind == "CronJob" || r.id.kind == "PodTemplate")
      return;
    yaml::Node spec = r.root.get("spec");
    yaml::Node selector = spec.get("selector");
    bool required = std::find(require_.begin(), require_.end(), r.id.kind) != require_.end();
    if (isEmptyValue(selector)) {
      if (required)
        sink.report(selector ? keyNode(spec, "selector") : keyNode(r.root, "spec"),
                    selector ? "spec.selector is empty, which apps/v1 rejects"
                             : "has no spec.selector, which apps/v1 requires");
      return;
    }
    // ReplicationController selectors are a plain map; the others are
    // LabelSelector objects.
    std::optional<LabelSelector> parsed = r.id.kind == "ReplicationController"
                                              ? LabelSelector::fromMap(selector)
                                              : LabelSelector::fromSelector(selector);
    yaml::Node at = keyNode(spec, "selector");
    if (!parsed) {
      sink.report(at, "spec.selector has a malformed matchExpressions entry");
      return;
    }
    if (!parsed->matches(input.pod->metadata.get("labels")))
      sink.report(at, "spec.selector does not match the pod template's labels");
  }

 private:
  std::vector<std::string> require_;
};

}  // namespace

std::unique_ptr<Check> makeSelectorMatchesTemplate(const ParamReader& params) {
  params.allowOnly({"requireSelector"});
  return std::make_unique<SelectorMatchesTemplate>(params.stringList("requireSelector", true));
}

}  // namespace taskmaster::lint
