// What uninstall does to a release's data: claims Helm deletes, claims it
// keeps, claims of StatefulSets, and claims that are not the release's.
#include "deploy/uninstall_plan.h"

#include <catch2/catch.hpp>

#include "cli/lint_inputs.h"

using namespace taskmaster;

TEST_CASE("uninstall: which PersistentVolumeClaims survive helm uninstall", "[deploy][uninstall]") {
  auto manifest = cli::loadManifestText(R"(apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: uploads}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: cache, annotations: {helm.sh/resource-policy: keep}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: tm-postgresql}
spec:
  volumeClaimTemplates:
    - metadata: {name: data}
)",
                                        "m");
  nlohmann::json claims = {{"items",
                            {{{"metadata", {{"name", "uploads"}}}},
                             {{"metadata", {{"name", "cache"}}}},
                             {{"metadata", {{"name", "data-tm-postgresql-0"}}}},
                             {{"metadata", {{"name", "data-tm-postgresql-extra"}}}},
                             {{"metadata", {{"name", "someone-elses"}}}}}}};
  deploy::DataPlan plan = deploy::planData(manifest.resources, claims);
  CHECK(plan.deleted_by_helm == std::vector<std::string>{"uploads"});
  CHECK(plan.kept_by_helm == std::vector<std::string>{"cache"});
  CHECK(plan.from_statefulsets == std::vector<std::string>{"data-tm-postgresql-0"});
  CHECK(plan.other_claims == std::vector<std::string>{"data-tm-postgresql-extra", "someone-elses"});
  CHECK(plan.survivingClaims() == std::vector<std::string>{"cache", "data-tm-postgresql-0"});
  CHECK(deploy::isProtectedNamespace("kube-system"));
  CHECK_FALSE(deploy::isProtectedNamespace("taskmaster"));
}
