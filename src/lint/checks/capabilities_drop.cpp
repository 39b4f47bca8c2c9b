// capabilities-drop: a container that does not drop ALL Linux capabilities.
// The runtime grants a default set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID ...)
// that a web app never needs and an attacker can use (NET_RAW for ARP/DNS
// spoofing, DAC_OVERRIDE to ignore file permissions).
//
//   params: {defaultCapabilities: [CHOWN, DAC_OVERRIDE, ...]}
//
// Dropping every capability of `defaultCapabilities` (the container runtime's
// default set) leaves nothing, and passes too. Names are case-insensitive,
// with or without CAP_.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/capability_names.h"
#include "lint/checks/check_util.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

class CapabilitiesDrop : public Check {
 public:
  explicit CapabilitiesDrop(std::vector<std::string> defaults) {
    for (const auto& d : defaults) defaults_.insert(normalizeCapability(d));
  }

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node caps = c.node.get("securityContext").get("capabilities");
      yaml::Node drop = caps.get("drop");
      std::set<std::string> dropped;
      for (size_t i = 0; i < drop.size(); ++i)
        dropped.insert(normalizeCapability(drop.item(i).str()));
      if (dropped.contains("ALL")) continue;
      std::vector<std::string> kept;
      for (const std::string& d : defaults_)
        if (!dropped.contains(d)) kept.push_back(d);
      if (kept.empty()) continue;
      yaml::Node at = drop   ? keyNode(caps, "drop")
                      : caps ? keyNode(c.node.get("securityContext"), "capabilities")
                             : keyNode(c.node, "securityContext");
      std::string message =
          dropped.empty() ? fmt::format("{}: does not drop ALL capabilities", containerLabel(c))
                          : fmt::format("{}: does not drop ALL capabilities (keeps {})",
                                        containerLabel(c), fmt::join(kept, ", "));
      sink.report(at ? at : c.node, std::move(message), c.name);
    }
  }

 private:
  std::set<std::string> defaults_;
};

}  // namespace

std::unique_ptr<Check> makeCapabilitiesDrop(const ParamReader& params) {
  params.allowOnly({"defaultCapabilities"});
  return std::make_unique<CapabilitiesDrop>(params.stringList("defaultCapabilities", true));
}

}  // namespace taskmaster::lint
