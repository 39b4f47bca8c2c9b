// The config file: strict parsing with file:line errors, discovery from the
// chart upward, and how its settings change the catalogue a run uses.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/rule_controls.h"
#include "common/error.h"
#include "lint/config.h"
#include "lint/linter.h"
#include "sys/temp_dir.h"
#include "yaml/parser.h"

namespace {

namespace fs = std::filesystem;
using namespace taskmaster;
using Catch::Matchers::Contains;

std::string configError(const std::string& text) {
  try {
    auto config = lint::parseConfig(text, ".helm-taskmaster.yaml", ".");
    cli::loadCatalogue(config, {}, "local");
    lint::ConfigExemptions(config, lint::Catalogue::builtin(), lint::Date{2025, 1, 1});
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<std::string> names(const std::vector<const lint::Rule*>& rules) {
  std::vector<std::string> out;
  for (const lint::Rule* r : rules) out.push_back(r->name);
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

TEST_CASE("config files are validated strictly, naming file and line", "[rules][config]") {
  CHECK(configError("") == "(no error)");
  CHECK(configError("# nothing yet\n") == "(no error)");
  CHECK_THAT(configError("profile: local\nrule: {}\n"),
             Contains(".helm-taskmaster.yaml:2: unknown key \"rule\" in the config file "
                      "(did you mean \"rules\"?)"));
  CHECK_THAT(configError("profile: staging\n"),
             Contains(".helm-taskmaster.yaml:1: unknown profile \"staging\""));
  CHECK_THAT(configError("rules:\n  cpu-limits-missing: {enable: false}\n"),
             Contains(":2: unknown key \"enable\" in rules.cpu-limits-missing (did you mean "
                      "\"enabled\"?)"));
  CHECK_THAT(configError("rules:\n  cpu-limits-missing: {severity: fatal}\n"),
             Contains(":2: rules.cpu-limits-missing.severity \"fatal\" must be error, warning or "
                      "info"));
  CHECK_THAT(configError("rules:\n  cpu-limit-missing: {enabled: false}\n"),
             Contains(".helm-taskmaster.yaml:2: rules: unknown rule \"cpu-limit-missing\" (did "
                      "you mean \"cpu-limits-missing\"?)"));
  CHECK_THAT(configError("rules:\n  missing-config-reference:\n    params: {expected: [x]}\n"),
             Contains(".helm-taskmaster.yaml:3: unknown param \"expected\""));
  CHECK_THAT(configError("exemptions:\n  - rule: run-as-root\n    name: web\n"),
             Contains(".helm-taskmaster.yaml:2: an exemption needs a \"reason\""));
  CHECK_THAT(configError("exemptions:\n  - {name: web, reason: x}\n"),
             Contains(":2: an exemption needs \"rule\" or \"rules\""));
  CHECK_THAT(configError("exemptions:\n  - {rule: run-as-root, reason: x, expires: soon}\n"),
             Contains(":2: expires \"soon\" must be a date YYYY-MM-DD"));
  CHECK_THAT(configError("exemptions:\n  - {rule: run-as-root, reason: x, contianer: web}\n"),
             Contains(":2: unknown key \"contianer\" in an exemption (did you mean "
                      "\"container\"?)"));
  CHECK_THAT(configError("exemptions:\n  - reason: x\n    rules: [run-as-root, runs-as-root]\n"),
             Contains(".helm-taskmaster.yaml:3: exemption: unknown rule \"runs-as-root\""));
  CHECK_THAT(configError("customRules:\n  - {name: x, severity: warning}\n"),
             Contains(".helm-taskmaster.yaml:2: missing \"summary\""));
  CHECK_THAT(configError("rules: [a]\n"), Contains(":1: rules must be a mapping"));
}

TEST_CASE("the config file is found from the chart directory upward", "[rules][config]") {
  sys::TempDir dir;
  fs::create_directories(dir.path() / "charts/app/templates");
  CHECK_FALSE(lint::findConfig(dir.path() / "charts/app"));
  std::ofstream(dir.path() / ".helm-taskmaster.yaml") << "profile: production\n";
  auto found = lint::findConfig(dir.path() / "charts/app/templates");
  REQUIRE(found);
  CHECK(fs::equivalent(*found, dir.path() / ".helm-taskmaster.yaml"));
  std::ofstream(dir.path() / "charts/app/.helm-taskmaster.yaml") << "profile: local\n";
  CHECK(fs::equivalent(*lint::findConfig(dir.path() / "charts/app/values.yaml"),
                       dir.path() / "charts/app/.helm-taskmaster.yaml"));
  auto config = lint::loadConfig(*lint::findConfig(dir.path() / "charts/app"));
  CHECK(config.profile == "local");
}

TEST_CASE("config rule settings enable, disable, re-weight and re-parameterise rules",
          "[rules][config][profile]") {
  auto config = lint::parseConfig(R"(
rules:
  replicas-minimum: {enabled: true, severity: warning}
  cpu-limits-missing: {enabled: false}
  default-namespace: {severity: info}
  missing-config-reference:
    params: {expectedInCluster: [shared-*]}
customRules:
  - name: team-label-missing
    severity: warning
    summary: Object has no team label
    rationale: Pages go to the team that owns the object.
    remediation: Add metadata.labels.team.
    profiles: [production]
    template: labels-required
    params: {labels: [team]}
)",
                                  ".helm-taskmaster.yaml", ".");
  cli::LoadedCatalogue loaded = cli::loadCatalogue(config, {}, "local");
  auto enabled =
      names(loaded.catalogue.selectForProfile("local", {}, loaded.enabled, loaded.disabled));
  CHECK(contains(enabled, "replicas-minimum"));  // production-only, enabled by config
  CHECK_FALSE(contains(enabled, "cpu-limits-missing"));
  CHECK_FALSE(contains(enabled, "team-label-missing"));  // custom, production only
  CHECK(loaded.catalogue.find("replicas-minimum")->severity == lint::Severity::Warning);
  CHECK(loaded.catalogue.find("default-namespace")->severity == lint::Severity::Info);

  cli::LoadedCatalogue production = cli::loadCatalogue(config, {}, "production");
  auto prod = names(production.catalogue.selectForProfile("production", {}, production.enabled,
                                                          production.disabled));
  CHECK(contains(prod, "team-label-missing"));
  // The profile's own severity, and the config's over it.
  CHECK(production.catalogue.find("run-as-root")->severity == lint::Severity::Error);
  CHECK(production.catalogue.find("default-namespace")->severity == lint::Severity::Info);

  // The overridden param is in effect: a Secret named shared-* may be missing.
  manifest::ResourceSet set;
  set.add(yaml::parse(R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
      image: web:1
      envFrom:
        - secretRef: {name: shared-db}
        - secretRef: {name: other-db}
)"),
          std::make_shared<manifest::IdentitySourceMap>("pod.yaml"));
  auto findings = lint::lint(set, {loaded.catalogue.find("missing-config-reference")},
                             lint::LintContext{"apps"});
  REQUIRE(findings.size() == 1);
  CHECK_THAT(findings[0].message, Contains("\"other-db\""));
}

TEST_CASE("a custom rule is pure data with the field-assertion template", "[rules][config]") {
  auto config = lint::parseConfig(R"(
customRules:
  - name: no-nodeport
    severity: error
    summary: Service is a NodePort
    rationale: Ports on every node bypass the ingress.
    remediation: Use ClusterIP behind the Ingress.
    scope: {kinds: [Service]}
    template: field-assertion
    params: {field: spec.type, notPattern: '^NodePort$', message: is a NodePort Service}
)",
                                  "team.yaml", ".");
  cli::LoadedCatalogue loaded = cli::loadCatalogue(config, {}, "local");
  const lint::Rule* rule = loaded.catalogue.find("no-nodeport");
  REQUIRE(rule);
  CHECK(rule->source == "team.yaml");
  CHECK_THAT(rule->entry_text, Contains("name: no-nodeport") && !Contains("customRules"));
  manifest::ResourceSet set;
  set.add(yaml::parse("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort}\n"
                      "---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: "
                      "ClusterIP}\n"),
          std::make_shared<manifest::IdentitySourceMap>("svc.yaml"));
  auto findings = lint::lint(set, {rule}, lint::LintContext{"apps"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].resource.name == "a");
  CHECK(findings[0].message == "is a NodePort Service");
  CHECK(findings[0].location.line == 4);
}
