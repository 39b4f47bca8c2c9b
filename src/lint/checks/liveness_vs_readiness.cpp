// liveness-vs-readiness: a livenessProbe that runs the same check as the
// readinessProbe and gives up no later. When the app is slow (a burst of
// requests, a slow database), readiness takes the pod out of the Service as
// intended, but liveness fails at the same moment and restarts it, so a
// brief overload becomes a crash loop across every replica.
//
//   params: {}
//
// The check is the handler (httpGet, tcpSocket, exec, grpc) compared
// structurally. Liveness is "more tolerant", and fine, when its
// (failureThreshold x periodSeconds, timeoutSeconds, initialDelaySeconds) is
// larger, compared in that order, with Kubernetes' defaults (3, 10s, 1s, 0s).
#include <fmt/format.h>

#include <tuple>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

constexpr const char* kHandlers[] = {"httpGet", "tcpSocket", "exec", "grpc"};

int64_t intOr(yaml::Node probe, std::string_view field, int64_t fallback) {
  return probe.get(field).asInt().value_or(fallback);
}

std::tuple<int64_t, int64_t, int64_t> tolerance(yaml::Node probe) {
  return {intOr(probe, "failureThreshold", 3) * intOr(probe, "periodSeconds", 10),
          intOr(probe, "timeoutSeconds", 1), intOr(probe, "initialDelaySeconds", 0)};
}

bool sameHandler(yaml::Node a, yaml::Node b) {
  bool any = false;
  for (const char* h : kHandlers) {
    if (!sameYaml(a.get(h), b.get(h))) return false;
    any = any || a.get(h).valid();
  }
  return any;
}

class LivenessVsReadiness : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node liveness = c.node.get("livenessProbe");
      yaml::Node readiness = c.node.get("readinessProbe");
      if (!liveness.isMap() || !readiness.isMap() || !sameHandler(liveness, readiness)) continue;
      if (tolerance(liveness) > tolerance(readiness)) continue;
      int64_t budget = std::get<0>(tolerance(liveness));
      sink.report(keyNode(c.node, "livenessProbe"),
                  fmt::format("{}: livenessProbe runs the same check as readinessProbe and gives "
                              "up no later ({}s of failures); a slow pod is restarted instead of "
                              "only taken out of the Service",
                              containerLabel(c), budget),
                  c.name);
    }
  }
};

}  // namespace

std::unique_ptr<Check> makeLivenessVsReadiness(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<LivenessVsReadiness>();
}

}  // namespace taskmaster::lint
