// The embedded Kubernetes schemas: which version a target gets, that the
// kinds of every group a chart uses are there, and that loading is fast.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

#include "schema/builtin_schemas.h"
#include "schema/compact_schema.h"
#include "schema/embedded_schemas.h"

using namespace taskmaster;

TEST_CASE("builtin schemas: 1.33 and 1.36, the newest not newer than the target",
          "[schema][builtin]") {
  REQUIRE(schema::builtinSchemaVersions() == std::vector<lint::KubeVersion>{{1, 33}, {1, 36}});
  CHECK(schema::builtinSchemaVersionFor({1, 28}) == lint::KubeVersion{1, 33});  // the oldest
  CHECK(schema::builtinSchemaVersionFor({1, 33}) == lint::KubeVersion{1, 33});
  CHECK(schema::builtinSchemaVersionFor({1, 35}) == lint::KubeVersion{1, 33});
  CHECK(schema::builtinSchemaVersionFor({1, 36}) == lint::KubeVersion{1, 36});
  CHECK(schema::builtinSchemaVersionFor({1, 40}) == lint::KubeVersion{1, 36});
  CHECK(schema::builtinSchemaVersionFor({2, 0}) == lint::KubeVersion{1, 36});
  // Parsed once: the same object every time.
  CHECK(&schema::builtinSchema({1, 34}) == &schema::builtinSchema({1, 33}));
}

TEST_CASE("builtin schemas: the kinds of every group charts use", "[schema][builtin]") {
  const std::pair<const char*, const char*> kinds[] = {
      {"apps/v1", "Deployment"},
      {"apps/v1", "StatefulSet"},
      {"apps/v1", "DaemonSet"},
      {"batch/v1", "Job"},
      {"batch/v1", "CronJob"},
      {"v1", "Pod"},
      {"v1", "Service"},
      {"v1", "ConfigMap"},
      {"v1", "Secret"},
      {"v1", "PersistentVolumeClaim"},
      {"v1", "ServiceAccount"},
      {"v1", "Namespace"},
      {"v1", "List"},
      {"networking.k8s.io/v1", "Ingress"},
      {"networking.k8s.io/v1", "NetworkPolicy"},
      {"networking.k8s.io/v1", "IngressClass"},
      {"autoscaling/v1", "HorizontalPodAutoscaler"},
      {"autoscaling/v2", "HorizontalPodAutoscaler"},
      {"policy/v1", "PodDisruptionBudget"},
      {"rbac.authorization.k8s.io/v1", "ClusterRole"},
      {"rbac.authorization.k8s.io/v1", "RoleBinding"},
      {"storage.k8s.io/v1", "StorageClass"},
      {"scheduling.k8s.io/v1", "PriorityClass"},
      {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
      {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"},
      {"apiregistration.k8s.io/v1", "APIService"},
  };
  for (lint::KubeVersion v : schema::builtinSchemaVersions()) {
    const schema::KubernetesSchema& s = schema::builtinSchema(v);
    for (const auto& [api, kind] : kinds) {
      INFO(v.str() << ": " << api << " " << kind);
      CHECK(s.kinds.find(api, kind) != schema::kNoType);
    }
    // Not objects one creates.
    CHECK(s.kinds.find("v1", "PodList") == schema::kNoType);
    CHECK(s.kinds.find("v1", "Status") == schema::kNoType);
    CHECK(s.object_meta != schema::kNoType);
  }
}

TEST_CASE("builtin schemas: small, and parsed in milliseconds", "[schema][builtin]") {
  for (const schema::EmbeddedSchemaFile& f : schema::embeddedSchemaFiles()) {
    auto start = std::chrono::steady_clock::now();
    schema::KubernetesSchema s = schema::loadCompactSchema(f.content, f.name);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    size_t kinds = 0;
    for (const auto& [api, k] : s.kinds.kinds) kinds += k.size();
    WARN(fmt::format("{}: {} bytes, {} kinds, {} types, parsed in {:.1f} ms", f.name,
                     f.content.size(), kinds, s.kinds.graph.size(), ms));
    CHECK(f.content.size() < 512 * 1024);
    CHECK(kinds >= 90);
    // Generous for sanitizer builds on a busy machine; Release takes a few ms.
    CHECK(ms < 2000);
  }
}

TEST_CASE("compact schema: malformed text is an error naming it", "[schema][builtin]") {
  CHECK_THROWS_WITH(schema::loadCompactSchema("{", "x.json"), Catch::Contains("x.json: not JSON"));
  CHECK_THROWS_WITH(schema::loadCompactSchema("{\"format\": 2}", "x.json"),
                    Catch::Contains("x.json: not a format 1 compact schema"));
  CHECK_THROWS_WITH(
      schema::loadCompactSchema(
          R"({"format": 1, "kinds": {}, "definitions": {"a.v1.X": {"properties": {"y": "a.v1.Z"}}}})",
          "x.json"),
      Catch::Contains("unknown definition \"a.v1.Z\""));
}
