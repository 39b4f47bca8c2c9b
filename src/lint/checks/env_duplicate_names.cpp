// env-duplicate-names: a container that sets the same environment variable
// twice. Kubernetes keeps the last entry, so the value the chart author
// meant (often the first, from a values key) is silently replaced; with
// `kubectl apply`, the duplicate also breaks strategic merge patches.
//
//   params: {}
//
// Each later entry is reported, naming the line of the first.
#include <fmt/format.h>

#include <map>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"

namespace taskmaster::lint {

namespace {

class EnvDuplicateNames : public Check {
 public:
  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node env = c.node.get("env");
      std::map<std::string_view, yaml::Node> first;
      for (size_t i = 0; i < env.size(); ++i) {
        yaml::Node name = env.item(i).get("name");
        if (!name.isScalar() || name.scalar().empty()) continue;
        auto [it, inserted] = first.emplace(name.scalar(), name);
        if (inserted) continue;
        manifest::SourceLocation was = input.resource.locate(it->second);
        sink.report(name,
                    fmt::format("{}: sets env var \"{}\" again{}; Kubernetes keeps only the last "
                                "value",
                                containerLabel(c), name.scalar(),
                                was.line ? fmt::format(" (first at line {})", was.line) : ""),
                    c.name);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> makeEnvDuplicateNames(const ParamReader& params) {
  params.allowOnly({});
  return std::make_unique<EnvDuplicateNames>();
}

}  // namespace taskmaster::lint
