// Loading the rule catalogue: every broken rule file is a one-line
// InputError that names the file, the line and what is wrong.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "lint/rule.h"
#include "yaml/parser.h"

namespace {

using namespace taskmaster;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

const char* kValidRule = R"(name: my-rule
severity: warning
summary: Something is off
rationale: Because.
remediation: Fix it.
scope: {kinds: [Deployment], containers: regular}
template: container-field-required
params: {field: livenessProbe}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The message of the InputError that loading `content` as `file` throws.
std::string loadError(const std::string& content, const std::string& file = "rules/my-rule.yaml") {
  try {
    lint::loadRule(file, content, lint::CheckRegistry::builtin());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("taskmaster-rules-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name) << content;
  }
};

}  // namespace

TEST_CASE("a valid rule file loads with all its fields", "[lint][catalogue]") {
  lint::Rule rule =
      lint::loadRule("rules/my-rule.yaml", kValidRule, lint::CheckRegistry::builtin());
  CHECK(rule.name == "my-rule");
  CHECK(rule.severity == lint::Severity::Warning);
  CHECK(rule.summary == "Something is off");
  CHECK(rule.template_name == "container-field-required");
  CHECK(rule.scope.kinds == std::vector<std::string>{"Deployment"});
  CHECK(rule.scope.containers == lint::ContainerScope::Regular);
  CHECK(rule.params.get("field").str() == "livenessProbe");
  CHECK(rule.check != nullptr);
  CHECK(rule.source == "rules/my-rule.yaml");
}

TEST_CASE("rule files are validated strictly", "[lint][catalogue]") {
  CHECK_THAT(
      loadError(replaced(kValidRule, "container-field-required", "container-field-requried")),
      Contains("rules/my-rule.yaml:7: unknown template \"container-field-requried\"") &&
          Contains("did you mean \"container-field-required\"?"));
  CHECK_THAT(loadError(replaced(kValidRule, "severity: warning", "severity: fatal")),
             Contains("rules/my-rule.yaml:2: severity \"fatal\" must be error, warning or info"));
  CHECK_THAT(loadError(std::string(kValidRule) + "remedy: x\n"),
             Contains("rules/my-rule.yaml:9: unknown key \"remedy\""));
  CHECK_THAT(loadError(std::string(kValidRule) + "sumary: x\n"),
             Contains("did you mean \"summary\"?"));
  CHECK_THAT(loadError(kValidRule, "rules/other-rule.yaml"),
             Contains("rules/other-rule.yaml:1: rule name \"my-rule\" must match the file name "
                      "\"other-rule.yaml\""));
  CHECK_THAT(loadError(replaced(kValidRule, "rationale: Because.\n", "")),
             Contains("rules/my-rule.yaml:1: missing \"rationale\""));
  // YAML 1.1 would read `summary: yes` as a boolean.
  CHECK_THAT(loadError(replaced(kValidRule, "Something is off", "yes")),
             Contains("rules/my-rule.yaml:3: \"summary\" must be a non-empty string"));
  CHECK_THAT(loadError(replaced(kValidRule, "containers: regular", "containers: sidecar")),
             Contains("\"scope.containers\" must be regular, init or all"));
  CHECK_THAT(loadError(replaced(kValidRule, "containers: regular", "container: regular")),
             Contains("rules/my-rule.yaml:6: unknown param \"container\""));
  CHECK_THAT(loadError(replaced(kValidRule, "name: my-rule", "name: My_Rule"), "My_Rule.yaml"),
             Contains("must be kebab-case"));
  CHECK_THAT(loadError("name: [\n"), Contains("rules/my-rule.yaml:2:") && Contains("invalid YAML"));
  CHECK_THAT(loadError(std::string(kValidRule) + "---\n" + kValidRule),
             Contains("exactly one YAML document"));
}

TEST_CASE("templates validate their params at load time", "[lint][catalogue]") {
  CHECK_THAT(loadError(replaced(kValidRule, "{field: livenessProbe}", "{}")),
             Contains("rules/my-rule.yaml:8: missing param \"field\""));
  CHECK_THAT(loadError(replaced(kValidRule, "params: {field: livenessProbe}\n", "")),
             Contains("rules/my-rule.yaml:7: missing param \"field\""));
  CHECK_THAT(loadError(replaced(kValidRule, "{field: livenessProbe}", "{field: a..b}")),
             Contains("rules/my-rule.yaml:8: param \"field\" must be a dotted field path"));
  CHECK_THAT(loadError(replaced(kValidRule, "{field: livenessProbe}", "{field: x, extra: 1}")),
             Contains("rules/my-rule.yaml:8: unknown param \"extra\""));

  std::string secret_rule =
      replaced(replaced(kValidRule, "container-field-required", "env-literal-secret"),
               "params: {field: livenessProbe}\n",
               "params:\n  keyPatterns: ['(?i)token', 'pass(word']\n  valuePatterns: []\n");
  CHECK_THAT(loadError(secret_rule),
             Contains("rules/my-rule.yaml:9: invalid RE2 pattern \"pass(word\": missing )"));
  std::string fixed = replaced(secret_rule, "'pass(word'", "'password'");
  CHECK_THAT(
      loadError(replaced(fixed, "valuePatterns: []", "valuePatterns: [{kind: k, pattern: '[z'}]")),
      Contains("rules/my-rule.yaml:10: invalid RE2 pattern \"[z\""));
  CHECK_THAT(loadError(replaced(fixed, "valuePatterns: []", "valuePatterns: ['[z']")),
             Contains("must be {kind: <description>, pattern: <RE2>}"));
}

TEST_CASE("the builtin catalogue loads, sorted by name", "[lint][catalogue]") {
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  auto rules = catalogue.rules();
  REQUIRE(rules.size() >= 10);
  for (size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1]->name < rules[i]->name);
  REQUIRE(catalogue.find("liveness-probe-missing") != nullptr);
  CHECK(catalogue.find("liveness-probe-missing")->source == "rules/liveness-probe-missing.yaml");
  CHECK(catalogue.find("no-such-rule") == nullptr);
}

TEST_CASE("select picks the enabled rules and rejects unknown names", "[lint][catalogue]") {
  lint::Catalogue catalogue = lint::Catalogue::builtin();
  auto all = catalogue.select({}, {});
  CHECK(all.size() == catalogue.rules().size());

  auto only = catalogue.select({"readiness-probe-missing", "liveness-probe-missing"}, {});
  REQUIRE(only.size() == 2);
  CHECK(only[0]->name == "liveness-probe-missing");

  auto without = catalogue.select({}, {"cpu-limits-missing"});
  CHECK(without.size() == all.size() - 1);
  for (const lint::Rule* r : without) CHECK(r->name != "cpu-limits-missing");

  CHECK_THROWS_WITH(catalogue.select({"livenes-probe-missing"}, {}),
                    "unknown rule \"livenes-probe-missing\" (did you mean "
                    "\"liveness-probe-missing\"?)");
  CHECK_THROWS_WITH(catalogue.select({}, {"cpu-limit-missing"}),
                    Contains("did you mean \"cpu-limits-missing\"?"));
  CHECK_THROWS_WITH(catalogue.select({"completely-different"}, {}),
                    "unknown rule \"completely-different\"");
}

TEST_CASE("user rule directories add rules and replace builtins by name", "[lint][catalogue]") {
  TempDir dir;
  dir.write("my-rule.yaml", kValidRule);
  dir.write("cpu-limits-missing.yaml",
            replaced(replaced(kValidRule, "name: my-rule", "name: cpu-limits-missing"),
                     "severity: warning", "severity: error"));
  dir.write("README.md", "not a rule");

  lint::Catalogue catalogue = lint::Catalogue::builtin();
  size_t builtin_count = catalogue.rules().size();
  catalogue.addDirectory(dir.path);
  CHECK(catalogue.rules().size() == builtin_count + 1);
  REQUIRE(catalogue.find("my-rule") != nullptr);
  const lint::Rule* replaced_rule = catalogue.find("cpu-limits-missing");
  REQUIRE(replaced_rule != nullptr);
  CHECK(replaced_rule->severity == lint::Severity::Error);
  CHECK(replaced_rule->source == (dir.path / "cpu-limits-missing.yaml").string());

  dir.write("broken.yaml", kValidRule);
  CHECK_THROWS_WITH(catalogue.addDirectory(dir.path),
                    Contains("broken.yaml:1: rule name \"my-rule\" must match the file name"));
  CHECK_THROWS_WITH(catalogue.addDirectory(dir.path / "missing"),
                    Contains("rules directory does not exist"));
}

TEST_CASE("rules declare category, profiles, per-profile severity and conformance notes",
          "[lint][catalogue][rules]") {
  std::string rule = std::string(kValidRule) +
                     "category: probes\nprofiles: [production]\nprofileSeverity: {production: "
                     "error}\nconformance: Differs from Polaris on purpose.\n";
  lint::Rule r = lint::loadRule("rules/my-rule.yaml", rule, lint::CheckRegistry::builtin());
  CHECK(r.category == "probes");
  CHECK(r.profiles == std::vector<std::string>{"production"});
  CHECK_FALSE(r.inProfile("local"));
  CHECK(r.severityIn("local") == lint::Severity::Warning);
  CHECK(r.severityIn("production") == lint::Severity::Error);
  CHECK(r.conformance == "Differs from Polaris on purpose.");
  CHECK(r.entry_text == rule);

  lint::Rule plain =
      lint::loadRule("rules/my-rule.yaml", kValidRule, lint::CheckRegistry::builtin());
  CHECK(plain.category == "custom");
  CHECK(plain.profiles == std::vector<std::string>{"local", "production"});

  CHECK_THAT(loadError(std::string(kValidRule) + "profiles: [staging]\n"),
             Contains("rules/my-rule.yaml:9: unknown profile \"staging\" (known: local, "
                      "production)"));
  CHECK_THAT(loadError(std::string(kValidRule) + "profiles: []\n"),
             Contains("\"profiles\" must be a non-empty list"));
  CHECK_THAT(loadError(std::string(kValidRule) + "profileSeverity: {production: fatal}\n"),
             Contains("rules/my-rule.yaml:9: severity \"fatal\" must be error, warning or info"));
  CHECK_THAT(loadError(std::string(kValidRule) + "profileSeverity: {prod: error}\n"),
             Contains("unknown profile \"prod\""));
}

TEST_CASE("data tables are named by rules and validated", "[lint][catalogue][rules]") {
  auto catalogue = lint::Catalogue::builtin();
  REQUIRE(catalogue.tables()->find("kubernetes-apis") != nullptr);
  std::string api_rule = replaced(
      replaced(kValidRule, "container-field-required", "api-version-lifecycle"),
      "params: {field: livenessProbe}", "params: {table: kubernetes-api, report: removed}");
  try {
    lint::loadRule("rules/my-rule.yaml", api_rule, lint::CheckRegistry::builtin(),
                   catalogue.tables());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Contains("rules/my-rule.yaml:8: param \"table\" names unknown table "
                                  "\"kubernetes-api\" (known: kubernetes-apis)"));
  }

  TempDir dir;
  fs::create_directories(dir.path / "tables");
  dir.write("tables/kubernetes-apis.yaml",
            "apis:\n  - {apiVersion: v1, kinds: [Pod], deprecatedIn: \"1.x\"}\n");
  CHECK_THROWS_WITH(catalogue.addDirectory(dir.path),
                    Contains("tables/kubernetes-apis.yaml:2: \"deprecatedIn\" must be a "
                             "Kubernetes version"));

  // A valid table replaces the builtin one for the rules that name it.
  dir.write("tables/kubernetes-apis.yaml",
            "apis:\n  - {apiVersion: example.com/v1, kinds: [Widget], deprecatedIn: \"1.20\", "
            "removedIn: \"1.30\", replacement: example.com/v2}\n");
  catalogue.addDirectory(dir.path);
  manifest::ResourceSet set;
  set.add(yaml::parse("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"),
          std::make_shared<manifest::IdentitySourceMap>("w.yaml"));
  auto findings = lint::lint(set, catalogue.select({"removed-api-version"}, {}), {"default"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "example.com/v1 Widget was removed in Kubernetes 1.30 (target 1.32); use "
        "example.com/v2");
}
