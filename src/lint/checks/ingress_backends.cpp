// ingress-backends: an Ingress backend that names a Service the release
// does not define, or a port that Service does not have. The ingress
// controller answers 503 (or 404) for those paths; nothing fails at install.
//
//   params: {expectedInCluster: ["shared-*", ...]}   # Services created elsewhere
//
// Both networking.k8s.io/v1 (`service: {name, port: {number|name}}`) and the
// old v1beta1 form (`serviceName`, `servicePort`) are read; `resource`
// backends are not checked.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/glob.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

class IngressBackends : public Check {
 public:
  explicit IngressBackends(std::vector<std::string> expected) : expected_(std::move(expected)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    yaml::Node spec = input.resource.root.get("spec");
    std::string_view ns = input.index.namespaceOf(input.resource);
    checkBackend(spec.get("defaultBackend"), ns, input.index, sink);
    checkBackend(spec.get("backend"), ns, input.index, sink);  // v1beta1
    yaml::Node rules = spec.get("rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      yaml::Node paths = rules.item(i).get("http").get("paths");
      for (size_t p = 0; p < paths.size(); ++p)
        checkBackend(paths.item(p).get("backend"), ns, input.index, sink);
    }
  }

 private:
  void checkBackend(yaml::Node backend, std::string_view ns, const ResourceIndex& index,
                    FindingSink& sink) const {
    if (!backend.isMap()) return;
    yaml::Node name = backend.get("service").get("name");
    yaml::Node port = backend.get("service").get("port").get("number");
    if (!port) port = backend.get("service").get("port").get("name");
    if (!name) {
      name = backend.get("serviceName");
      port = backend.get("servicePort");
    }
    if (!name.isScalar() || name.scalar().empty()) return;
    for (const std::string& pattern : expected_)
      if (globMatch(pattern, name.scalar())) return;
    const manifest::Resource* service = index.find("Service", ns, name.scalar());
    if (!service) {
      sink.report(
          name, fmt::format("backend Service \"{}\" is not defined by the release", name.scalar()));
      return;
    }
    if (!port.isScalar() || port.scalar().empty()) return;
    bool numeric = port.scalarType() == yaml::ScalarType::Int;
    yaml::Node ports = service->root.path({"spec", "ports"});
    std::vector<std::string> known;
    for (size_t i = 0; i < ports.size(); ++i) {
      yaml::Node candidate = ports.item(i).get(numeric ? "port" : "name");
      if (candidate.isScalar() && candidate.scalar() == port.scalar()) return;
      if (candidate.isScalar() && !candidate.scalar().empty())
        known.emplace_back(candidate.scalar());
    }
    sink.report(port,
                fmt::format("backend Service \"{}\" has no port {}{}{} ({}: {})", name.scalar(),
                            numeric ? "" : "named \"", port.scalar(), numeric ? "" : "\"",
                            numeric ? "ports" : "named ports",
                            known.empty() ? "none" : fmt::format("{}", fmt::join(known, ", "))));
  }

  std::vector<std::string> expected_;
};

}  // namespace

std::unique_ptr<Check> makeIngressBackends(const ParamReader& params) {
  params.allowOnly({"expectedInCluster"});
  return std::make_unique<IngressBackends>(params.stringList("expectedInCluster", false));
}

}  // namespace taskmaster::lint
