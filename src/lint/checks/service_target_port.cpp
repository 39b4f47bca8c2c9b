// service-target-port: a Service port whose targetPort (the port itself when
// unset) is not declared by any container of the pods the Service selects.
// A named targetPort that no container names sends traffic nowhere; a
// number that no container declares usually means the Service and the app
// drifted apart (8080 in the Service, 8000 in the app).
//
//   params: {}
//
// Only Services that select at least one pod template are checked (the
// service-selects-pods rule reports the others).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/label_selector.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class ServiceTargetPort : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node spec = input.resource.root.get("spec");
    yaml::Node selector = spec.get("selector");
    if (!selector.isMap() || selector.size() == 0) return;
    auto pods = input.index.selectPods(input.index.namespaceOf(input.resource),
                                       LabelSelector::fromMap(selector));
    std::set<std::string> names, numbers;
    for (const Workload* w : pods) {
      for (const manifest::ContainerRef& c : w->pod.containers) {
        yaml::Node ports = c.node.get("ports");
        for (size_t i = 0; i < ports.size(); ++i) {
          if (!ports.item(i).get("name").str().empty())
            names.emplace(ports.item(i).get("name").str());
          if (auto n = ports.item(i).get("containerPort").asInt())
            numbers.insert(std::to_string(*n));
        }
      }
    }
    if (pods.empty()) return;
    yaml::Node ports = spec.get("ports");
    for (size_t i = 0; i < ports.size(); ++i) {
      yaml::Node port = ports.item(i);
      yaml::Node target = port.get("targetPort");
      if (target.isNull()) target = port.get("port");
      if (!target.isScalar() || target.scalar().empty()) continue;
      bool numeric = target.scalarType() == yaml::ScalarType::Int;
      const std::set<std::string>& declared = numeric ? numbers : names;
      if (declared.contains(std::string(target.scalar()))) continue;
      std::string label = port.get("name").str().empty()
                              ? fmt::format("port {}", port.get("port").scalar())
                              : fmt::format("port \"{}\"", port.get("name").str());
      sink.report(
          target,
          numeric
              ? fmt::format("{} targets {}, which no selected container declares "
                            "(containerPorts: {})",
                            label, target.scalar(),
                            numbers.empty() ? "none" : fmt::format("{}", fmt::join(numbers, ", ")))
              : fmt::format("{} targets \"{}\", which names no port of the selected "
                            "containers (named ports: {})",
                            label, target.scalar(),
                            names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
    }
  }
};

}  // namespace

std::unique_ptr<Check> makeServiceTargetPort(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<ServiceTargetPort>();
}

}  // namespace taskmaster::lint
