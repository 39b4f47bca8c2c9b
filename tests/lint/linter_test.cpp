// The linter's contract: which rules meet which resources, what a Finding
// carries, and the order findings come out in.
#include "lint/linter.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "lint/catalogue.h"
#include "yaml/parser.h"

namespace {

using namespace taskmaster;

// Maps every parsed line to a template line 100 further down, the way the
// chart source map moves findings from rendered output to templates.
class ShiftedSourceMap : public manifest::SourceMap {
 public:
  explicit ShiftedSourceMap(std::string file) : file_(std::move(file)) {}
  manifest::SourceLocation locate(uint32_t line) const override { return {file_, line + 100, {}}; }

 private:
  std::string file_;
};

const char* kBackend = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
  namespace: elsewhere
spec:
  template:
    spec:
      containers:
        - name: api
          image: backend
)";

const char* kFrontend = R"(apiVersion: v1
kind: Pod
metadata:
  name: frontend
spec:
  containers:
    - name: web
      image: frontend
      livenessProbe: {httpGet: {path: /, port: 3000}}
)";

}  // namespace

TEST_CASE("findings carry rule, severity, resource, container and location", "[lint][linter]") {
  manifest::ResourceSet set;
  set.add(yaml::parse(kBackend), std::make_shared<ShiftedSourceMap>("templates/backend.yaml"));
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  auto findings = lint::lint(set, catalogue.select({"cpu-limits-missing"}, {}),
                             lint::LintContext{"taskmaster"});
  REQUIRE(findings.size() == 1);
  const lint::Finding& f = findings[0];
  CHECK(f.rule == "cpu-limits-missing");
  CHECK(f.severity == lint::Severity::Warning);
  CHECK(f.resource.kind == "Deployment");
  CHECK(f.resource.name == "backend");
  CHECK(f.container == "api");
  CHECK(f.location == manifest::SourceLocation{"templates/backend.yaml", 110, {}});
  CHECK(f.message == "container \"api\" has no resources.limits.cpu");
}

TEST_CASE("findings are sorted by file, line and rule", "[lint][linter]") {
  manifest::ResourceSet set;
  // Added in reverse file order on purpose.
  set.add(yaml::parse(kFrontend), std::make_shared<manifest::IdentitySourceMap>("b.yaml"));
  set.add(yaml::parse(kBackend), std::make_shared<manifest::IdentitySourceMap>("a.yaml"));
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  // The container and namespace rules; the order is what matters here.
  auto findings = lint::lint(
      set,
      catalogue.select({"namespace-mismatch", "cpu-limits-missing", "cpu-requests-missing",
                        "liveness-probe-missing", "memory-limits-missing",
                        "memory-requests-missing", "readiness-probe-missing"},
                       {}),
      lint::LintContext{"taskmaster"});

  std::vector<std::string> got;
  for (const auto& f : findings)
    got.push_back(fmt::format("{}:{} {}", f.location.file, f.location.line, f.rule));
  CHECK(got == std::vector<std::string>{
                   "a.yaml:5 namespace-mismatch",
                   "a.yaml:10 cpu-limits-missing",
                   "a.yaml:10 cpu-requests-missing",
                   "a.yaml:10 liveness-probe-missing",
                   "a.yaml:10 memory-limits-missing",
                   "a.yaml:10 memory-requests-missing",
                   "a.yaml:10 readiness-probe-missing",
                   "b.yaml:7 cpu-limits-missing",
                   "b.yaml:7 cpu-requests-missing",
                   "b.yaml:7 memory-limits-missing",
                   "b.yaml:7 memory-requests-missing",
                   "b.yaml:7 readiness-probe-missing",
               });
}

TEST_CASE("no rules or no resources give no findings", "[lint][linter]") {
  manifest::ResourceSet set;
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  CHECK(lint::lint(set, catalogue.select({}, {}), {"default"}).empty());
  set.add(yaml::parse(kBackend), std::make_shared<manifest::IdentitySourceMap>("a.yaml"));
  CHECK(lint::lint(set, {}, {"default"}).empty());
}

TEST_CASE("a filter sees each finding with its resource and may drop it", "[lint][linter]") {
  manifest::ResourceSet set;
  set.add(yaml::parse(kFrontend), std::make_shared<manifest::IdentitySourceMap>("b.yaml"));
  set.add(yaml::parse(kBackend), std::make_shared<manifest::IdentitySourceMap>("a.yaml"));
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  std::vector<std::string> seen;
  auto findings = lint::lint(set, catalogue.select({"cpu-limits-missing"}, {}), {"taskmaster"},
                             [&](const manifest::Resource& r, const lint::Finding& f) {
                               CHECK(r.id == f.resource);
                               seen.push_back(r.id.name);
                               return r.id.name != "frontend";
                             });
  CHECK(seen == std::vector<std::string>{"frontend", "backend"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].resource.name == "backend");
}
