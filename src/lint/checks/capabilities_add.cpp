// capabilities-add: a container that adds a dangerous Linux capability:
// SYS_ADMIN (mount, most of root's power), NET_ADMIN (rewrite the node's
// network if combined with hostNetwork, the pod's otherwise), SYS_PTRACE
// (read other processes' memory), SYS_MODULE (load kernel modules), ALL.
//
//   params: {forbidden: [ALL, SYS_ADMIN, NET_ADMIN, ...]}
//
// Names are case-insensitive, with or without CAP_. Each added capability
// is reported on its own line.
#include <fmt/format.h>

#include <set>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/capability_names.h"
#include "lint/checks/check_util.h"

namespace taskmaster::lint {

namespace {

class CapabilitiesAdd : public Check {
 public:
  explicit CapabilitiesAdd(std::vector<std::string> forbidden) {
    for (const auto& f : forbidden) forbidden_.insert(normalizeCapability(f));
  }

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node add = c.node.get("securityContext").get("capabilities").get("add");
      for (size_t i = 0; i < add.size(); ++i) {
        std::string cap = normalizeCapability(add.item(i).str());
        if (!forbidden_.contains(cap)) continue;
        sink.report(add.item(i), fmt::format("{}: adds the capability {}", containerLabel(c), cap),
                    c.name);
      }
    }
  }

 private:
  std::set<std::string> forbidden_;
};

}  // namespace

std::unique_ptr<Check> makeCapabilitiesAdd(const ParamReader& params) {
  params.allowOnly({"forbidden"});
  return std::make_unique<CapabilitiesAdd>(params.stringList("forbidden", true));
}

}  // namespace taskmaster::lint
