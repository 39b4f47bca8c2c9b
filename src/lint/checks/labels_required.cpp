// labels-required: objects without the labels tools rely on to group them:
// the recommended app.kubernetes.io/name and app.kubernetes.io/instance let
// `kubectl get -l`, dashboards, Helm itself and NetworkPolicies find every
// object of a release; without them, the release's objects are only found
// by name.
//
//   params: {labels: [app.kubernetes.io/name, ...], podTemplate: true}
//
// With podTemplate, workloads' pod templates need the labels too (pods are
// what Services, monitoring and logs select). Empty values count as missing.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

class LabelsRequired : public Check {
 public:
  LabelsRequired(std::vector<std::string> labels, bool pod_template)
      : labels_(std::move(labels)), pod_template_(pod_template) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const yaml::Node root = input.resource.root;
    yaml::Node metadata_key = keyNode(root, "metadata");
    check(root.get("metadata"), metadata_key ? metadata_key : root, "", sink);
    if (pod_template_ && input.pod && input.pod->metadata != root.get("metadata"))
      check(input.pod->metadata, input.pod->metadata ? input.pod->metadata : input.pod->spec,
            "pod template: ", sink);
  }

 private:
  // `fallback` is where a finding goes when there is no `labels:` key.
  void check(yaml::Node metadata, yaml::Node fallback, std::string_view prefix,
             FindingSink& sink) const {
    yaml::Node labels = metadata.get("labels");
    std::vector<std::string_view> missing;
    for (const std::string& l : labels_)
      if (isEmptyValue(labels.get(l))) missing.push_back(l);
    if (missing.empty()) return;
    yaml::Node at = keyNode(metadata, "labels");
    if (!at) at = fallback;
    sink.report(at, fmt::format("{}missing recommended label{} {}", prefix,
                                missing.size() == 1 ? "" : "s", fmt::join(missing, ", ")));
  }

  std::vector<std::string> labels_;
  bool pod_template_;
};

}  // namespace

std::unique_ptr<Check> makeLabelsRequired(const ParamReader& params) {
  params.allowOnly({"labels", "podTemplate"});
  return std::make_unique<LabelsRequired>(params.stringList("labels", true),
                                          params.boolean("podTemplate", false));
}

}  // namespace taskmaster::lint
