// The rule controls as users drive them: the real binary on manifests in a
// temporary directory (no Helm needed): profiles, --enable/--disable/--only,
// the config file (found from the linted path upward), annotations,
// exemptions with expiry, baselines, --show-suppressed, --kube-version, and
// exit code 2 with a one-line message for every bad name or key.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace taskmaster;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

// A Deployment with one replica, no probes on `worker`, and a pod
// annotation that explains the missing readiness probe.
const char* kApp = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  labels: {app.kubernetes.io/name: worker, app.kubernetes.io/instance: t}
spec:
  replicas: 1
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker, app.kubernetes.io/name: worker, app.kubernetes.io/instance: t}
      annotations:
        taskmaster.io/lint-ignore: "readiness-probe-missing: batch worker, serves no traffic"
    spec:
      containers:
        - name: worker
          image: registry.example.com/worker:1.0
)";

struct Project {
  sys::TempDir dir;
  Project(const std::string& config, const std::string& manifest = kApp) {
    if (!config.empty()) write(".helm-taskmaster.yaml", config);
    write("app.yaml", manifest);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir.path() / name, std::ios::binary) << text;
  }
  std::string path(const std::string& name) const { return (dir.path() / name).string(); }
};

sys::ProcessResult run(const std::vector<std::string>& args) {
  sys::ProcessOptions o;
  o.timeout = std::chrono::seconds(60);
  o.env["NO_COLOR"] = "1";
  o.env["HELM_NAMESPACE"] = std::nullopt;
  o.env["HELM_DEBUG"] = std::nullopt;
  std::vector<std::string> argv = {test::pluginBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  sys::ProcessResult r = sys::runProcess(argv, o);
  REQUIRE_FALSE(r.not_found);
  return r;
}

// Exit 2, nothing on stdout, one line on stderr.
std::string usageError(const std::vector<std::string>& args) {
  sys::ProcessResult r = run(args);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_THAT(r.err, StartsWith("helm taskmaster: ") && !Contains("internal error"));
  return r.err;
}

nlohmann::json lintJson(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"lint", "-o", "json"};
  all.insert(all.end(), args.begin(), args.end());
  sys::ProcessResult r = run(all);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> rulesOf(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) out.push_back(f["rule"]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("profiles and --enable/--disable choose the rules that run", "[rules][cli]") {
  Project p("");
  auto local = rulesOf(lintJson({p.path("app.yaml"), "-n", "apps"}));
  CHECK(std::find(local.begin(), local.end(), "replicas-minimum") == local.end());
  CHECK(std::find(local.begin(), local.end(), "liveness-probe-missing") != local.end());
  auto production = lintJson({p.path("app.yaml"), "-n", "apps", "--profile", "production"});
  auto prod_rules = rulesOf(production);
  CHECK(std::find(prod_rules.begin(), prod_rules.end(), "replicas-minimum") != prod_rules.end());
  for (const auto& f : production["findings"])
    if (f["rule"] == "run-as-root") CHECK(f["severity"] == "error");
  auto enabled = rulesOf(lintJson({p.path("app.yaml"), "-n", "apps", "--enable", "replicas-minimum",
                                   "--disable", "liveness-probe-missing"}));
  CHECK(std::find(enabled.begin(), enabled.end(), "replicas-minimum") != enabled.end());
  CHECK(std::find(enabled.begin(), enabled.end(), "liveness-probe-missing") == enabled.end());

  CHECK_THAT(usageError({"lint", p.path("app.yaml"), "--enable", "replica-minimum"}),
             Contains("unknown rule \"replica-minimum\" (did you mean \"replicas-minimum\"?)"));
  CHECK_THAT(usageError({"lint", p.path("app.yaml"), "--disable", "run-as-rot"}),
             Contains("unknown rule \"run-as-rot\""));
  CHECK_THAT(usageError({"lint", p.path("app.yaml"), "--only", "nope"}),
             Contains("unknown rule \"nope\""));
  CHECK_THAT(usageError({"lint", p.path("app.yaml"), "--profile", "staging"}),
             Contains("--profile"));
}

TEST_CASE("the config file is found from the linted path and applied", "[rules][cli]") {
  Project p(R"(profile: production
rules:
  liveness-probe-missing: {enabled: false}
  run-as-root: {severity: info}
)");
  auto report = lintJson({p.path("app.yaml"), "-n", "apps"});
  auto rules = rulesOf(report);
  CHECK(std::find(rules.begin(), rules.end(), "replicas-minimum") != rules.end());
  CHECK(std::find(rules.begin(), rules.end(), "liveness-probe-missing") == rules.end());
  for (const auto& f : report["findings"])
    if (f["rule"] == "run-as-root") CHECK(f["severity"] == "info");
  // The command line wins over the config.
  auto local = rulesOf(lintJson({p.path("app.yaml"), "-n", "apps", "--profile", "local", "--enable",
                                 "liveness-probe-missing"}));
  CHECK(std::find(local.begin(), local.end(), "replicas-minimum") == local.end());
  CHECK(std::find(local.begin(), local.end(), "liveness-probe-missing") != local.end());
  // --config names another file.
  p.write("other.yaml", "rules:\n  cpu-limits-missing: {enabled: false}\n");
  auto other = rulesOf(lintJson({p.path("app.yaml"), "--config", p.path("other.yaml")}));
  CHECK(std::find(other.begin(), other.end(), "cpu-limits-missing") == other.end());
  CHECK(std::find(other.begin(), other.end(), "replicas-minimum") == other.end());
}

TEST_CASE("bad config keys and bad annotations exit 2 naming them", "[rules][cli]") {
  Project bad_key("rules:\n  run-as-root: {severity: error}\nexemption: []\n");
  CHECK_THAT(usageError({"lint", bad_key.path("app.yaml")}),
             Contains(".helm-taskmaster.yaml:3: unknown key \"exemption\" in the config file "
                      "(did you mean \"exemptions\"?)"));
  Project bad_rule("rules:\n  run-as-rot: {severity: error}\n");
  CHECK_THAT(usageError({"lint", bad_rule.path("app.yaml")}),
             Contains(".helm-taskmaster.yaml:2: rules: unknown rule \"run-as-rot\""));

  std::string manifest = kApp;
  manifest.replace(manifest.find("readiness-probe-missing: batch"), 23, "readiness-probe-mising");
  Project bad_annotation("", manifest);
  std::string err = usageError({"lint", bad_annotation.path("app.yaml")});
  CHECK_THAT(err, Contains("app.yaml:14: Deployment/worker: annotation taskmaster.io/lint-ignore: "
                           "unknown rule \"readiness-probe-mising\" (did you mean "
                           "\"readiness-probe-missing\"?)"));
  manifest = kApp;
  manifest.replace(manifest.find(": batch worker, serves no traffic"), 33, "");
  Project no_reason("", manifest);
  CHECK_THAT(usageError({"lint", no_reason.path("app.yaml")}),
             Contains("app.yaml:14:") && Contains("has no reason"));
}

TEST_CASE("suppressed findings are counted and listed with their reason", "[rules][cli]") {
  Project p(R"(exemptions:
  - rule: cpu-limits-missing
    kind: Deployment
    name: work*
    reason: bursts by design
    expires: 2999-12-31
)");
  auto report = lintJson({p.path("app.yaml"), "-n", "apps", "--show-suppressed"});
  CHECK(report["summary"]["suppressed"] == 2);
  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& s : report["suppressed"]) by_rule[s["rule"]] = s["suppression"];
  REQUIRE(by_rule.size() == 2);
  CHECK(by_rule["readiness-probe-missing"]["kind"] == "annotation");
  CHECK(by_rule["readiness-probe-missing"]["reason"] == "batch worker, serves no traffic");
  CHECK(by_rule["readiness-probe-missing"]["source"] == p.path("app.yaml") + ":14");
  CHECK(by_rule["cpu-limits-missing"]["kind"] == "config");
  CHECK(by_rule["cpu-limits-missing"]["reason"] == "bursts by design");
  CHECK_THAT(by_rule["cpu-limits-missing"]["source"].get<std::string>(),
             Contains(".helm-taskmaster.yaml:2"));
  auto rules = rulesOf(report);
  CHECK(std::find(rules.begin(), rules.end(), "cpu-limits-missing") == rules.end());
  // Without --show-suppressed: counted, not listed.
  auto quiet = lintJson({p.path("app.yaml"), "-n", "apps"});
  CHECK(quiet["summary"]["suppressed"] == 2);
  CHECK_FALSE(quiet.contains("suppressed"));

  sys::ProcessResult text = run({"lint", p.path("app.yaml"), "-n", "apps", "--show-suppressed"});
  CHECK_THAT(text.out, Contains("Suppressed:") &&
                           Contains("suppressed by annotation at " + p.path("app.yaml") +
                                    ":14: batch worker, serves no traffic") &&
                           Contains("(2 suppressed)."));
  sys::ProcessResult summary = run({"lint", p.path("app.yaml"), "-n", "apps"});
  CHECK_THAT(summary.out, Contains("(2 suppressed; --show-suppressed lists them)."));
}

TEST_CASE("an expired exemption stops suppressing and is reported", "[rules][cli]") {
  Project p(R"(exemptions:
  - rule: cpu-limits-missing
    kind: Deployment
    name: worker
    reason: waiting for load tests
    expires: 2020-01-31
)");
  auto report = lintJson({p.path("app.yaml"), "-n", "apps"});
  bool finding = false, expired = false;
  for (const auto& f : report["findings"]) {
    finding = finding || f["rule"] == "cpu-limits-missing";
    if (f["rule"] != "exemption-expired") continue;
    expired = true;
    CHECK(f["severity"] == "warning");
    CHECK_THAT(f["location"]["file"].get<std::string>(), Contains(".helm-taskmaster.yaml"));
    CHECK(f["location"]["line"] == 2);
    CHECK_THAT(f["message"].get<std::string>(),
               Contains("expired on 2020-01-31") && Contains("waiting for load tests"));
  }
  CHECK(finding);
  CHECK(expired);
  sys::ProcessResult text = run({"lint", p.path("app.yaml"), "-n", "apps"});
  CHECK_THAT(text.out, Contains(".helm-taskmaster.yaml:2: warning: Exemption/cpu-limits-missing: "
                                "expired on 2020-01-31"));
}

TEST_CASE("a baseline hides recorded findings and shows new ones", "[rules][cli]") {
  Project p("");
  std::string baseline = p.path("baseline.json");
  sys::ProcessResult write =
      run({"lint", p.path("app.yaml"), "-n", "apps", "--write-baseline", baseline});
  CHECK(write.exit_code == 0);
  CHECK_THAT(write.err, Contains("wrote") && Contains("baseline.json"));
  CHECK_THAT(write.out, Contains("No findings"));
  auto recorded = nlohmann::json::parse(std::ifstream(baseline));
  CHECK(recorded["version"] == 1);
  CHECK(recorded["findings"].size() >= 3);

  // The same findings at other lines (a comment pushed everything down) and
  // one new problem: only the new one is reported.
  std::string changed = std::string("# moved\n# down\n") + kApp;
  changed += "          securityContext: {privileged: true}\n";
  p.write("app.yaml", changed);
  sys::ProcessResult again =
      run({"lint", p.path("app.yaml"), "-n", "apps", "--baseline", baseline});
  INFO(again.out << again.err);
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.out,
             Contains("[privileged-container]") && !Contains("[liveness-probe-missing]"));

  p.write("bad.json",
          R"({"version": 1, "findings": [{"rule": "nope", "kind": "Pod", "name": "x"}]})");
  CHECK_THAT(usageError({"lint", p.path("app.yaml"), "--baseline", p.path("bad.json")}),
             Contains("bad.json: finding 1: unknown rule \"nope\""));
}

TEST_CASE("the API rules target the version given with --kube-version", "[rules][cli]") {
  Project p("", R"(apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  maxUnavailable: 1
  selector: {}
)");
  auto at = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {p.path("app.yaml"), "--only", "removed-api-version", "--only",
                                     "deprecated-api-version"};
    args.insert(args.end(), extra.begin(), extra.end());
    return rulesOf(lintJson(args));
  };
  CHECK(at({}) == std::vector<std::string>{"removed-api-version"});
  CHECK(at({"--kube-version", "1.23.4"}) == std::vector<std::string>{"deprecated-api-version"});
  CHECK(at({"--kube-version", "v1.20"}).empty());
  CHECK_THAT(usageError({"lint", p.path("app.yaml"), "--kube-version", "latest"}),
             Contains("--kube-version \"latest\""));
}

TEST_CASE("rules lists the catalogue, as text and JSON, and explains one rule", "[rules][cli]") {
  sys::ProcessResult text = run({"rules"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, StartsWith("NAME") && Contains("replicas-minimum") &&
                           Contains("rules. LOCAL and PRODUCTION"));
  sys::ProcessResult json = run({"rules", "-o", "json"});
  REQUIRE(json.exit_code == 0);
  auto list = nlohmann::json::parse(json.out);
  REQUIRE(list.is_array());
  CHECK(list.size() >= 35);
  for (const auto& r : list) {
    CHECK(r["name"].is_string());
    CHECK(r["severity"].is_string());
    CHECK(r["profiles"].is_array());
    CHECK(r["summary"].is_string());
  }
  sys::ProcessResult explain = run({"rules", "explain", "pdb-missing"});
  REQUIRE(explain.exit_code == 0);
  CHECK_THAT(explain.out, StartsWith("pdb-missing: ") && Contains("Rationale:") &&
                              Contains("Conformance:") && Contains("template: pdb-coverage"));
  CHECK_THAT(usageError({"rules", "explain", "pdb-mising"}),
             Contains("unknown rule \"pdb-mising\" (did you mean \"pdb-missing\"?)"));
}
