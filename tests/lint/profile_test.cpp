// Profiles and the catalogue's shape: every rule is documented, in a known
// category and profile; the production profile adds the availability rules
// and raises severities; the local profile has the local-only image rule.
#include <catch2/catch.hpp>

#include <set>

#include "lint/catalogue.h"
#include "lint/profile.h"

using namespace taskmaster;

namespace {

std::set<std::string> names(const std::vector<const lint::Rule*>& rules) {
  std::set<std::string> out;
  for (const lint::Rule* r : rules) out.insert(r->name);
  return out;
}

}  // namespace

TEST_CASE("the builtin catalogue has at least 35 documented rules", "[rules][profile]") {
  auto catalogue = lint::Catalogue::builtin();
  const std::set<std::string> categories = {"probes",   "resources", "security", "images",
                                            "metadata", "config",    "traffic",  "availability",
                                            "rbac",     "apis"};
  REQUIRE(catalogue.rules().size() >= 35);
  for (const lint::Rule* r : catalogue.rules()) {
    INFO("rule " << r->name);
    CHECK(categories.contains(r->category));
    CHECK(r->summary.size() < 80);  // one line in listings
    CHECK(r->rationale.size() > 80);
    CHECK(r->remediation.size() > 30);
    CHECK_FALSE(r->profiles.empty());
    CHECK(r->entry_text.find("name: " + r->name) != std::string::npos);
  }
  // The catalogue, by area.
  for (const char* name : {"probe-port-undeclared",
                           "liveness-same-as-readiness",
                           "limits-below-requests",
                           "privileged-container",
                           "privilege-escalation-allowed",
                           "run-as-root",
                           "writable-root-filesystem",
                           "capabilities-not-dropped",
                           "dangerous-capabilities",
                           "host-network",
                           "host-pid",
                           "host-ipc",
                           "host-path-unsafe",
                           "seccomp-unconfined",
                           "service-account-token-automounted",
                           "image-tag-unpinned",
                           "image-pull-always-local",
                           "recommended-labels-missing",
                           "selector-mismatch",
                           "duplicate-object",
                           "invalid-object-name",
                           "duplicate-env-var",
                           "missing-config-reference",
                           "service-selects-nothing",
                           "service-target-port-undeclared",
                           "ingress-backend-missing",
                           "hpa-target-missing",
                           "pdb-selects-nothing",
                           "pdb-blocks-eviction",
                           "replicas-minimum",
                           "pdb-missing",
                           "hpa-min-replicas",
                           "ingress-tls-missing",
                           "rbac-wildcard",
                           "cluster-admin-binding",
                           "rbac-read-all-secrets",
                           "removed-api-version",
                           "deprecated-api-version"})
    CHECK(catalogue.find(name) != nullptr);
}

TEST_CASE("profiles choose rules and severities", "[rules][profile]") {
  auto local = lint::Catalogue::builtin();
  local.applyProfile("local");
  auto production = lint::Catalogue::builtin();
  production.applyProfile("production");
  auto in_local = names(local.selectForProfile("local", {}, {}, {}));
  auto in_production = names(production.selectForProfile("production", {}, {}, {}));
  for (const char* availability :
       {"replicas-minimum", "pdb-missing", "hpa-min-replicas", "ingress-tls-missing"}) {
    CHECK_FALSE(in_local.contains(availability));
    CHECK(in_production.contains(availability));
  }
  CHECK(in_local.contains("image-pull-always-local"));
  CHECK_FALSE(in_production.contains("image-pull-always-local"));
  CHECK(in_production.contains("image-pull-never"));
  // Stricter in production, never laxer.
  size_t raised = 0;
  for (const lint::Rule* r : local.rules()) {
    INFO("rule " << r->name);
    CHECK(r->severityIn("production") >= r->severityIn("local"));
    if (r->severityIn("production") > r->severityIn("local")) ++raised;
  }
  CHECK(raised >= 10);
  CHECK(local.find("run-as-root")->severity == lint::Severity::Warning);
  CHECK(production.find("run-as-root")->severity == lint::Severity::Error);

  // --enable adds a rule outside the profile; --disable and --only as before.
  auto enabled = names(local.selectForProfile("local", {}, {"replicas-minimum"}, {"run-as-root"}));
  CHECK(enabled.contains("replicas-minimum"));
  CHECK_FALSE(enabled.contains("run-as-root"));
  CHECK(names(local.selectForProfile("local", {"pdb-missing"}, {}, {})) ==
        std::set<std::string>{"pdb-missing"});
  CHECK_THROWS_WITH(local.selectForProfile("local", {}, {"replica-minimum"}, {}),
                    "unknown rule \"replica-minimum\" (did you mean \"replicas-minimum\"?)");
}
