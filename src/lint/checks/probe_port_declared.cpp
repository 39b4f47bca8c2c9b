// probe-port-declared: a probe (httpGet, tcpSocket, grpc) whose port is not
// one the container declares in `ports`. A named port that does not exist
// makes the kubelet fail the probe every time (the pod never becomes ready,
// or is restarted forever); a number that is not declared usually means the
// probe and the server drifted apart (port 8080 in the probe, 8000 in the app).
//
//   params: {probes: [livenessProbe, readinessProbe, startupProbe]}
//
// A quoted number (`port: "8000"`, from `| quote` in a template) is a port
// *name* to Kubernetes, and is reported as such.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"

namespace taskmaster::lint {

namespace {

class ProbePortDeclared : public Check {
 public:
  explicit ProbePortDeclared(std::vector<std::string> probes) : probes_(std::move(probes)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node ports = c.node.get("ports");
      for (const std::string& probe_name : probes_) {
        yaml::Node probe = c.node.get(probe_name);
        for (const char* handler : {"httpGet", "tcpSocket", "grpc"}) {
          yaml::Node port = probe.get(handler).get("port");
          if (port.isNull()) continue;
          if (auto problem = check(port, ports))
            sink.report(port,
                        fmt::format("{}: {} port {}", containerLabel(c), probe_name, *problem),
                        c.name);
        }
      }
    }
  }

 private:
  // Why `port` is not declared in `ports`; nullopt when it is.
  static std::optional<std::string> check(yaml::Node port, yaml::Node ports) {
    bool numeric = port.scalarType() == yaml::ScalarType::Int;
    std::vector<std::string> declared;
    for (size_t i = 0; i < ports.size(); ++i) {
      yaml::Node p = ports.item(i);
      yaml::Node value = numeric ? p.get("containerPort") : p.get("name");
      if (value.isScalar() && value.scalar() == port.scalar()) return std::nullopt;
      if (numeric) {
        if (auto n = p.get("containerPort").asInt()) declared.push_back(std::to_string(*n));
      } else if (!p.get("name").str().empty()) {
        declared.emplace_back(p.get("name").str());
      }
    }
    std::string known = declared.empty() ? "none" : fmt::format("{}", fmt::join(declared, ", "));
    if (numeric)
      return fmt::format("{} is not a declared containerPort (declared: {})", port.scalar(), known);
    bool digits = !port.scalar().empty() &&
                  port.scalar().find_first_not_of("0123456789") == std::string_view::npos;
    if (digits)
      return fmt::format(
          "\"{}\" is quoted, so Kubernetes reads it as a port name, and no port has that name "
          "(named ports: {})",
          port.scalar(), known);
    return fmt::format("\"{}\" names no port of the container (named ports: {})", port.scalar(),
                       known);
  }

  std::vector<std::string> probes_;
};

}  // namespace

std::unique_ptr<Check> makeProbePortDeclared(const ParamReader& params) {
  params.allowOnly({"probes"});
  return std::make_unique<ProbePortDeclared>(params.stringList("probes", true));
}

}  // namespace taskmaster::lint
