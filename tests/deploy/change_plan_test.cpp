// The change plan of an upgrade: objects added, removed and changed by
// kind/name, changed fields down to the smallest part, and no secret value in
// any of it (Secret data, secret-looking env vars).
#include "deploy/change_plan.h"

#include <catch2/catch.hpp>

#include "cli/lint_inputs.h"
#include "deploy/plan_output.h"
#include "support/test_files.h"
#include "support/test_paths.h"

using namespace taskmaster;
using deploy::ChangePlan;

namespace {

cli::LoadedUnit load(const char* name) {
  return cli::loadManifestText(test::readFile(test::testdata(std::string("deploy/") + name)), name);
}

std::vector<std::string> fieldsOf(const ChangePlan& plan, const std::string& kind) {
  for (const auto& c : plan.changed) {
    if (c.key.kind != kind) continue;
    std::vector<std::string> out;
    for (const auto& f : c.fields) out.push_back(deploy::describe(f));
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("change plan: objects and fields between two manifests", "[deploy][plan]") {
  auto live = load("live-manifest.yaml");
  auto next = load("next-render.yaml");
  deploy::SecretMasker masker(lint::Catalogue::builtin());
  ChangePlan plan = deploy::computeChangePlan(live.resources, next.resources, "demo", masker);

  REQUIRE(plan.added.size() == 1);
  CHECK(plan.added[0].key.kind == "Service");
  CHECK(plan.added[0].key.name == "app-frontend");
  CHECK(plan.added[0].key.namespace_ == "demo");
  REQUIRE(plan.removed.size() == 1);
  CHECK(plan.removed[0].key.name == "app-legacy");
  // The test hook is in the render but never in a release manifest.
  for (const auto& c : plan.added) CHECK(c.key.kind != "Pod");
  CHECK(plan.unchanged == 0);
  CHECK(plan.changed.size() == 4);

  CHECK(fieldsOf(plan, "ConfigMap") == std::vector<std::string>{"data.LOG_LEVEL: info → debug"});
  CHECK(fieldsOf(plan, "Deployment") ==
        std::vector<std::string>{
            "metadata.labels[\"app.kubernetes.io/version\"]: 1.0.0 → 1.1.0",
            "metadata.annotations[\"checksum/config\"]: "
            "111111111111111111111111111111111111111111111111111111111... → "
            "222222222222222222222222222222222222222222222222222222222...",
            "spec.replicas: 1 → 2",
            "spec.template.spec.containers[backend].image: app-backend:1.0.0 → app-backend:1.1.0",
            "spec.template.spec.containers[backend].env[JWT_SECRET].value: (changed, hidden)",
            "spec.template.spec.containers[backend].env[FEATURE_FLAGS]: (added) {2 keys}",
            "spec.template.spec.containers[backend].resources: (added) {1 key}",
        });
  CHECK(fieldsOf(plan, "Secret") ==
        std::vector<std::string>{"data.OPENAI_API_KEY: (changed, hidden)",
                                 "stringData: (added, hidden)"});
  // autoscaling/v2beta2 -> v2 is the same object with a new apiVersion.
  for (const auto& c : plan.changed)
    if (c.key.kind == "HorizontalPodAutoscaler") {
      CHECK(c.old_api_version == "autoscaling/v2beta2");
      CHECK(c.api_version == "autoscaling/v2");
      CHECK(c.fields.empty());
    }
  CHECK(deploy::planSummary(plan) == "4 changed, 1 added, 1 removed, 0 unchanged");
}

TEST_CASE("change plan: no secret value appears in lines or JSON", "[deploy][plan]") {
  auto live = load("live-manifest.yaml");
  auto next = load("next-render.yaml");
  deploy::SecretMasker masker(lint::Catalogue::builtin());
  ChangePlan plan = deploy::computeChangePlan(live.resources, next.resources, "demo", masker);
  std::string text;
  for (const auto& l : deploy::planLines(plan, "demo")) text += l + "\n";
  text += deploy::planToJson(plan).dump();
  for (const char* secret : {"old-jwt-secret-value", "new-jwt-secret-value", "brand-new-token",
                             "c2stbmV3", "c2stb2xk", "sk-new-key", "sk-old-key"})
    CHECK(text.find(secret) == std::string::npos);
  CHECK(text.find("changed Deployment/app-backend:") != std::string::npos);
  CHECK(text.find("added   Service/app-frontend") != std::string::npos);
  CHECK(text.find("removed Service/app-legacy") != std::string::npos);
  CHECK(text.find("\"hidden\":true") != std::string::npos);
}

TEST_CASE("change plan: a render identical to the release changes nothing", "[deploy][plan]") {
  auto live = load("live-manifest.yaml");
  auto again = load("live-manifest.yaml");
  deploy::SecretMasker masker(lint::Catalogue::builtin());
  ChangePlan plan = deploy::computeChangePlan(live.resources, again.resources, "demo", masker);
  CHECK(plan.empty());
  CHECK(plan.unchanged == 5);
}

TEST_CASE("change plan: objects in other namespaces keep theirs", "[deploy][plan]") {
  auto before = cli::loadManifestText(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}\n", "a");
  auto after = cli::loadManifestText(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: other}\ndata: {a: '1'}\n",
      "b");
  deploy::SecretMasker masker(lint::Catalogue::builtin());
  ChangePlan plan = deploy::computeChangePlan(before.resources, after.resources, "demo", masker);
  REQUIRE(plan.added.size() == 1);
  CHECK(deploy::displayName(plan.added[0].key, "demo") == "ConfigMap/c in namespace other");
  REQUIRE(plan.removed.size() == 1);
  CHECK(deploy::displayName(plan.removed[0].key, "demo") == "ConfigMap/c");
}
