// pdb-allows-eviction: a PodDisruptionBudget that allows no eviction at any
// replica count its pods can have: maxUnavailable 0 (or 0%), minAvailable
// 100%, or a minAvailable at least the most pods the selected workloads ever
// run (spec.replicas, or the HPA's maxReplicas). `kubectl drain`, node
// upgrades and cluster autoscaling then hang on these pods until someone
// deletes the budget.
//
//   params: {}
//
// A selected workload without spec.replicas and without an HPA in the release
// is scaled by something the manifests do not show (KEDA, `kubectl scale`,
// an HPA elsewhere): the budget is then not judged by count.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/label_selector.h"
#include "lint/replica_counts.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

// "25%" -> 25; nullopt for anything else.
std::optional<int64_t> percentOf(yaml::Node node) {
  std::string_view s = node.str();
  if (node.scalarType() != yaml::ScalarType::String || !s.ends_with('%')) return std::nullopt;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size() - 1, value);
  if (ec != std::errc() || end != s.data() + s.size() - 1) return std::nullopt;
  return value;
}

class PdbAllowsEviction : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node spec = input.resource.root.get("spec");
    yaml::Node max_unavailable = spec.get("maxUnavailable");
    if (max_unavailable.asInt() == 0 || percentOf(max_unavailable) == 0) {
      sink.report(max_unavailable, fmt::format("maxUnavailable {} allows no eviction: node drains "
                                               "hang on these pods",
                                               max_unavailable.scalar()));
      return;
    }
    yaml::Node min_available = spec.get("minAvailable");
    auto percent = percentOf(min_available);
    auto count = min_available.asInt();
    if (percent && *percent >= 100) {
      sink.report(min_available, fmt::format("minAvailable {} allows no eviction: node drains "
                                             "hang on these pods",
                                             min_available.scalar()));
      return;
    }
    if (!percent && !count) return;
    auto total = mostPods(input, spec.get("selector"));
    if (!total || *total == 0) return;
    int64_t needed =
        percent ? static_cast<int64_t>(std::ceil(static_cast<double>(*percent) * *total / 100.0))
                : *count;
    if (needed < *total) return;
    sink.report(min_available,
                fmt::format("minAvailable {} is at least the {} pod{} the selected workloads ever "
                            "run: no pod can be evicted, so node drains hang on them",
                            min_available.scalar(), *total, *total == 1 ? "" : "s"));
  }

 private:
  // The most pods the selected workloads run together; nullopt when any
  // count is unknown or nothing is selected.
  static std::optional<int64_t> mostPods(const CheckInput& input, yaml::Node selector) {
    if (selector.isNull()) return std::nullopt;
    auto parsed = LabelSelector::fromSelector(selector);
    if (!parsed) return std::nullopt;
    auto workloads = input.index.selectPods(input.index.namespaceOf(input.resource), *parsed);
    if (workloads.empty()) return std::nullopt;
    int64_t total = 0;
    for (const Workload* w : workloads) {
      ReplicaRange range = replicaRange(input.index, *w->resource);
      if (!range.max) return std::nullopt;
      total += *range.max;
    }
    return total;
  }
};

}  // namespace

std::unique_ptr<Check> makePdbAllowsEviction(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<PdbAllowsEviction>();
}

}  // namespace taskmaster::lint
