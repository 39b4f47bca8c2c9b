// duplicate-object: two objects with the same API group, kind, namespace and
// name. Helm refuses to install the release ("already exists" / "resource
// mapping ... duplicate"), and with plain `kubectl apply` the second silently
// overwrites the first. It usually comes from a template copied without
// renaming, or two subcharts that share a fullname.
//
//   params: {clusterScopedKinds: [Namespace, ClusterRole, ...]}
//
// Each later copy is reported, naming where the first one is. An object
// without a namespace counts as being in the release's namespace.
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/node_lookup.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

std::string_view groupOf(std::string_view api_version) {
  size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

class DuplicateObject : public Check {
 public:
  explicit DuplicateObject(std::vector<std::string> cluster_scoped)
      : cluster_scoped_(std::move(cluster_scoped)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::Resource& self = input.resource;
    if (self.id.name.empty()) return;
    bool cluster = std::find(cluster_scoped_.begin(), cluster_scoped_.end(), self.id.kind) !=
                   cluster_scoped_.end();
    std::string_view ns = cluster ? std::string_view() : input.index.namespaceOf(self);
    for (const manifest::Resource* other : input.index.named(self.id.kind, self.id.name)) {
      if (other == &self) return;  // only copies after the first are reported
      if (groupOf(other->id.api_version) != groupOf(self.id.api_version) ||
          (!cluster && input.index.namespaceOf(*other) != ns))
        continue;
      manifest::SourceLocation first = other->locate(other->root.path({"metadata", "name"}));
      std::string where = first.line ? fmt::format("{}:{}", first.file, first.line) : first.file;
      yaml::Node at = self.root.path({"metadata", "name"});
      sink.report(at ? at : self.root,
                  fmt::format("duplicates {}/{}{} defined at {}: same kind, namespace and name",
                              self.id.kind, self.id.name,
                              ns.empty() ? "" : fmt::format(" in namespace \"{}\"", ns), where));
      return;
    }
  }

 private:
  std::vector<std::string> cluster_scoped_;
};

}  // namespace

std::unique_ptr<Check> makeDuplicateObject(const ParamReader& params) {
  params.allowOnly({"clusterScopedKinds"});
  return std::make_unique<DuplicateObject>(params.stringList("clusterScopedKinds", true));
}

}  // namespace taskmaster::lint
