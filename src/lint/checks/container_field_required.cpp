// container-field-required: every container in scope sets a field, given as
// a dotted path (`livenessProbe`, `resources.requests.cpu`).
//
//   params: {field: resources.requests.cpu}
//
// A field that is null, "" or {} counts as missing: that is what an unset
// values key renders to (`resources: {}`, `cpu: ""`), and Kubernetes treats
// it as unset too.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

bool isDottedPath(std::string_view path) {
  if (path.empty() || path.front() == '.' || path.back() == '.') return false;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-';
    if (!word && !(c == '.' && path[i - 1] != '.')) return false;
  }
  return true;
}

class ContainerFieldRequired : public Check {
 public:
  explicit ContainerFieldRequired(std::string field) : field_(std::move(field)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      PathLookup found = lookupDotted(c.node, field_);
      if (!isEmptyValue(found.value)) continue;
      std::string_view what = c.init ? "init container" : "container";
      // The deepest key that exists (`resources:`) is where the user adds
      // the rest; with none, the container itself (its `- name:` line).
      yaml::Node at = found.deepest_key ? found.deepest_key : c.node;
      std::string message =
          found.value ? fmt::format("{} \"{}\" sets {} to an empty value", what, c.name, field_)
                      : fmt::format("{} \"{}\" has no {}", what, c.name, field_);
      sink.report(at, std::move(message), c.name);
    }
  }

 private:
  std::string field_;
};

}  // namespace

std::unique_ptr<Check> makeContainerFieldRequired(const ParamReader& params) {
  params.allowOnly({"field"});
  std::string field = params.requireString("field");
  if (!isDottedPath(field))
    params.fail(params.get("field"),
                fmt::format("param \"field\" must be a dotted field path, got \"{}\"", field));
  return std::make_unique<ContainerFieldRequired>(std::move(field));
}

}  // namespace taskmaster::lint
