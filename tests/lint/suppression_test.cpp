// Suppressions: annotations in the manifests, config exemptions (with
// expiry) and baselines; each names its reason and where it is written, and
// each rejects unknown rule names.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "lint/annotations.h"
#include "lint/baseline.h"
#include "lint/exemptions.h"
#include "lint/linter.h"
#include "sys/temp_dir.h"
#include "yaml/parser.h"

namespace {

namespace fs = std::filesystem;
using namespace taskmaster;
using Catch::Matchers::Contains;

manifest::ResourceSet resources(const std::string& text) {
  manifest::ResourceSet set;
  set.add(yaml::parse(text), std::make_shared<manifest::IdentitySourceMap>("app.yaml"));
  return set;
}

std::string annotationError(const std::string& text) {
  try {
    lint::AnnotationSuppressions(resources(text), lint::Catalogue::builtin());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

const char* kWorker = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  annotations:
    taskmaster.io/lint-ignore: "readiness-probe-missing, liveness-probe-missing: batch worker, serves no traffic"
spec:
  template:
    metadata:
      annotations:
        taskmaster.io/lint-ignore: |
          cpu-limits-missing: bursts by design
        taskmaster.io/lint-ignore.sidecar: "run-as-root: the proxy binds :80"
    spec:
      containers:
        - name: worker
          image: worker:1
        - name: sidecar
          image: proxy:1
)";

// Built by initialisation: GCC 12 warns (-Wrestrict, wrongly) about string
// assignments inlined here.
lint::Finding finding(const std::string& rule, const std::string& container = {}) {
  return lint::Finding{.rule = rule,
                       .severity = lint::Severity::Error,
                       .message = "m",
                       .resource = {"apps/v1", "Deployment", "worker", "apps"},
                       .container = container,
                       .location = {},
                       .values_sets = {}};
}

}  // namespace

TEST_CASE("annotations suppress at object, pod template and container scope",
          "[rules][suppression]") {
  auto set = resources(kWorker);
  lint::AnnotationSuppressions a(set, lint::Catalogue::builtin());
  const manifest::Resource& r = set.resources[0];
  auto object = a.match(r, finding("readiness-probe-missing", "worker"));
  REQUIRE(object);
  CHECK(object->reason == "batch worker, serves no traffic");
  CHECK(object->source == "app.yaml:6");
  CHECK(object->kind == lint::Suppression::Kind::Annotation);
  CHECK(a.match(r, finding("liveness-probe-missing", "sidecar")));
  CHECK(a.match(r, finding("cpu-limits-missing", "sidecar"))->reason == "bursts by design");
  // Container scope covers that container only.
  CHECK(a.match(r, finding("run-as-root", "sidecar"))->reason == "the proxy binds :80");
  CHECK_FALSE(a.match(r, finding("run-as-root", "worker")));
  CHECK_FALSE(a.match(r, finding("run-as-root")));
  CHECK_FALSE(a.match(r, finding("memory-limits-missing", "worker")));
}

TEST_CASE("bad annotations are errors naming the file, line and object", "[rules][suppression]") {
  const std::string head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n";
  const std::string tail = "spec:\n  containers:\n    - {name: web, image: \"web:1\"}\n";
  CHECK(annotationError(head + "    other.io/lint-ignore: whatever\n" + tail) == "(no error)");
  CHECK_THAT(annotationError(head + "    taskmaster.io/lint-ignore: \"run-as-rot: x\"\n" + tail),
             Contains("app.yaml:6: Pod/web: annotation taskmaster.io/lint-ignore: unknown rule "
                      "\"run-as-rot\" (did you mean \"run-as-root\"?)"));
  CHECK_THAT(annotationError(head + "    taskmaster.io/lint-ignore: run-as-root\n" + tail),
             Contains("app.yaml:6:") && Contains("\"run-as-root\" has no reason"));
  CHECK_THAT(annotationError(head + "    taskmaster.io/lint-ignore: \"run-as-root:  \"\n" + tail),
             Contains("has an empty reason"));
  CHECK_THAT(
      annotationError(head + "    taskmaster.io/lint-ignore.api: \"run-as-root: x\"\n" + tail),
      Contains("annotation taskmaster.io/lint-ignore.api: the pod has no container "
               "\"api\""));
  CHECK_THAT(annotationError(head + "    taskmaster.io/lint-ignroe: \"run-as-root: x\"\n" + tail),
             Contains("annotation taskmaster.io/lint-ignroe: unknown annotation"));
  CHECK_THAT(annotationError(head + "    taskmaster.io/lint-ignore: \"\"\n" + tail),
             Contains("one entry per line"));
}

TEST_CASE("config exemptions match kind, name, namespace and container globs",
          "[rules][suppression]") {
  auto config = lint::parseConfig(R"(exemptions:
  - rule: readiness-probe-missing
    kind: Deployment
    name: "*-worker"
    reason: batch workers serve no traffic
  - rules: [run-as-root, writable-root-filesystem]
    container: side*
    reason: the proxy image needs root
  - rule: cpu-limits-missing
    reason: expired long ago
    expires: 2024-06-30
  - rule: memory-limits-missing
    reason: until the end of the day
    expires: 2025-01-01
)",
                                  "cfg.yaml", ".");
  lint::ConfigExemptions e(config, lint::Catalogue::builtin(), lint::Date{2025, 1, 1});
  lint::Finding f = finding("readiness-probe-missing", "worker");
  CHECK_FALSE(e.match(f));  // "worker" is not "*-worker"
  f.resource.name = "taskmaster-worker";
  REQUIRE(e.match(f));
  CHECK(e.match(f)->source == "cfg.yaml:2");
  CHECK(e.match(f)->kind == lint::Suppression::Kind::Config);
  f.resource.name = "taskmaster-workers";
  CHECK_FALSE(e.match(f));
  CHECK(e.match(finding("run-as-root", "sidecar")));
  // namespace globs see the release's namespace for objects that name none.
  auto in_ns = lint::parseConfig(
      "exemptions:\n  - {rule: run-as-root, namespace: task*, reason: r}\n", "n.yaml", ".");
  lint::ConfigExemptions by_ns(in_ns, lint::Catalogue::builtin(), lint::Date{2025, 1, 1});
  lint::Finding unnamespaced = finding("run-as-root");
  unnamespaced.resource.namespace_.clear();
  CHECK(by_ns.match(unnamespaced, "taskmaster"));
  CHECK_FALSE(by_ns.match(unnamespaced, "default"));
  CHECK_FALSE(by_ns.match(finding("run-as-root"), "taskmaster"));  // written: "apps"
  CHECK_FALSE(e.match(finding("run-as-root", "worker")));
  CHECK_FALSE(e.match(finding("run-as-root")));  // a container exemption is not the object's
  // Expiry: through the date given, not after.
  CHECK(e.match(finding("memory-limits-missing")));
  CHECK_FALSE(e.match(finding("cpu-limits-missing")));
  REQUIRE(e.expired().size() == 1);
  const lint::Finding& expired = e.expired()[0];
  CHECK(expired.rule == "exemption-expired");
  CHECK(expired.severity == lint::Severity::Warning);
  CHECK(expired.location.file == "cfg.yaml");
  CHECK(expired.location.line == 9);
  CHECK_THAT(expired.message, Contains("expired on 2024-06-30") && Contains("cpu-limits-missing") &&
                                  Contains("expired long ago"));
}

TEST_CASE("baselines match by rule, object and container, each entry once",
          "[rules][suppression]") {
  sys::TempDir dir;
  fs::path file = dir.path() / "baseline.json";
  lint::Finding a = finding("readiness-probe-missing", "worker");
  a.location = {"templates/worker.yaml", 12, {}};
  lint::Finding b = finding("env-plaintext-secret", "worker");
  b.message = "sets secret-looking variable \"API_TOKEN\"";
  lint::Baseline::write(file, {a, b});

  lint::Baseline baseline = lint::Baseline::load(file, lint::Catalogue::builtin());
  CHECK(baseline.size() == 2);
  // The same finding at another line is still the same finding.
  lint::Finding moved = a;
  moved.location.line = 40;
  // A second secret in the same container is new; the recorded one matches
  // by message even though it comes second.
  lint::Finding b2 = b;
  b2.message = "sets secret-looking variable \"DB_PASSWORD\"";
  lint::Finding other = finding("readiness-probe-missing", "api");
  auto matches = baseline.matchAll({moved, b2, b, other});
  CHECK(matches[0]);
  CHECK_FALSE(matches[1]);
  CHECK(matches[2]);
  CHECK(matches[2]->kind == lint::Suppression::Kind::Baseline);
  CHECK(matches[2]->source == file.string());
  CHECK_FALSE(matches[3]);
}

TEST_CASE("baseline files are validated", "[rules][suppression]") {
  auto catalogue = lint::Catalogue::builtin();
  CHECK_THROWS_WITH(lint::Baseline::parse("{", "b.json", catalogue),
                    Contains("b.json: not a baseline file (invalid JSON"));
  CHECK_THROWS_WITH(
      lint::Baseline::parse("{\"version\": 2, \"findings\": []}", "b.json", catalogue),
      Contains("b.json: not a baseline file"));
  CHECK_THROWS_WITH(
      lint::Baseline::parse(R"({"version": 1, "findings": [{"rule": "run-as-rot", "kind": "Pod",
                              "name": "web"}]})",
                            "b.json", catalogue),
      "b.json: finding 1: unknown rule \"run-as-rot\" (did you mean \"run-as-root\"?)");
  CHECK_THROWS_WITH(
      lint::Baseline::parse(R"({"version": 1, "findings": [{"rule": "run-as-root"}]})", "b.json",
                            catalogue),
      "b.json: finding 1: \"kind\" must be a string");
}
