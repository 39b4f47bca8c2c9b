// limits-vs-requests: a container whose limit for a resource is lower than
// its request. The API server rejects such a pod ("must be less than or equal
// to ... limit"), so `helm install` fails half-way through a release; it
// usually comes from overriding one of the two in values and not the other.
//
//   params: {resources: [cpu, memory, ephemeral-storage]}
//
// Quantities are compared in base units ("500m" < "1", "512Mi" < "1Gi").
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/quantity.h"

namespace taskmaster::lint {

namespace {

class LimitsVsRequests : public Check {
 public:
  explicit LimitsVsRequests(std::vector<std::string> resources)
      : resources_(std::move(resources)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node res = c.node.get("resources");
      for (const std::string& name : resources_) {
        yaml::Node limit = res.get("limits").get(name);
        yaml::Node request = res.get("requests").get(name);
        if (!limit.isScalar() || !request.isScalar()) continue;
        auto l = parseQuantity(limit.scalar());
        auto r = parseQuantity(request.scalar());
        if (!l || !r || *l >= *r) continue;
        sink.report(limit,
                    fmt::format("{}: {} limit {} is lower than its request {}", containerLabel(c),
                                name, limit.scalar(), request.scalar()),
                    c.name);
      }
    }
  }

 private:
  std::vector<std::string> resources_;
};

}  // namespace

std::unique_ptr<Check> makeLimitsVsRequests(const ParamReader& params) {
  params.allowOnly({"resources"});
  return std::make_unique<LimitsVsRequests>(params.stringList("resources", true));
}

}  // namespace taskmaster::lint
