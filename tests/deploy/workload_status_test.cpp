// Reading rollouts and pods from kubectl's JSON: rolled out or not by the
// rules of `kubectl rollout status`, and why a pod is not ready.
#include "deploy/workload_status.h"

#include <catch2/catch.hpp>

#include "cli/lint_inputs.h"
#include "deploy/diagnostics.h"

using namespace taskmaster;
using nlohmann::json;

namespace {

std::vector<deploy::WorkloadRef> refs() {
  auto unit = cli::loadManifestText(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {selector: {matchLabels: {app: web}}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec: {selector: {matchLabels: {app: db}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, annotations: {helm.sh/hook: pre-install}}
)",
                                    "m");
  return deploy::workloadsOf(unit.resources);
}

json deployment(int replicas, int updated, int ready, int available, int total, int gen = 1,
                int observed = 1) {
  return {{"kind", "Deployment"},
          {"metadata", {{"name", "web"}, {"generation", gen}}},
          {"spec", {{"replicas", replicas}}},
          {"status",
           {{"observedGeneration", observed},
            {"replicas", total},
            {"updatedReplicas", updated},
            {"readyReplicas", ready},
            {"availableReplicas", available}}}};
}

json statefulset(int ready, std::string current = "db-1", std::string update = "db-1") {
  return {{"kind", "StatefulSet"},
          {"metadata", {{"name", "db"}, {"generation", 1}}},
          {"spec", {{"replicas", 1}}},
          {"status",
           {{"observedGeneration", 1},
            {"readyReplicas", ready},
            {"updatedReplicas", 1},
            {"currentRevision", current},
            {"updateRevision", update}}}};
}

json pod(const std::string& name, const std::string& app, bool ready, json container_statuses,
         json extra_conditions = json::array()) {
  json conditions = extra_conditions;
  conditions.push_back({{"type", "Ready"}, {"status", ready ? "True" : "False"}});
  return {{"kind", "Pod"},
          {"metadata", {{"name", name}, {"labels", {{"app", app}}}}},
          {"spec", {{"containers", json::array({{{"name", app}}})}}},
          {"status",
           {{"phase", "Running"},
            {"conditions", conditions},
            {"containerStatuses", container_statuses}}}};
}

json list(std::initializer_list<json> items) {
  return {{"kind", "List"}, {"items", json(items)}};
}

}  // namespace

TEST_CASE("workloads of a render: Deployments and StatefulSets, hooks left out",
          "[deploy][rollout]") {
  auto r = refs();
  REQUIRE(r.size() == 2);
  CHECK(r[0].kind == "Deployment");
  CHECK(r[0].match_labels == std::map<std::string, std::string>{{"app", "web"}});
  CHECK(r[1].kind == "StatefulSet");
}

TEST_CASE("rollout: healthy when rolled out and every pod ready", "[deploy][rollout]") {
  json running = json::array({{{"name", "web"},
                               {"ready", true},
                               {"restartCount", 0},
                               {"state", {{"running", json::object()}}}}});
  json db_running =
      json::array({{{"name", "db"}, {"ready", true}, {"state", {{"running", json::object()}}}}});
  auto snap = deploy::readSnapshot(
      refs(), list({deployment(2, 2, 2, 2, 2), statefulset(1), pod("web-1", "web", true, running),
                    pod("web-2", "web", true, running), pod("db-0", "db", true, db_running)}));
  CHECK(snap.allHealthy());
  CHECK(snap.readyReplicas() == 3);
  CHECK(snap.desiredReplicas() == 3);
  CHECK(snap.progressText() == "3/3 pods ready");
}

TEST_CASE("rollout: what a rollout still waits for", "[deploy][rollout]") {
  auto first = [](json workloads) { return deploy::readSnapshot(refs(), workloads).workloads[0]; };
  CHECK(first(list({deployment(2, 2, 2, 2, 2, 2, 1)})).waiting_for ==
        "the controller to see the new spec");
  CHECK(first(list({deployment(2, 1, 1, 1, 2)})).waiting_for == "1 of 2 new replicas updated");
  CHECK(first(list({deployment(2, 2, 2, 2, 3)})).waiting_for == "1 old replicas to terminate");
  CHECK(first(list({deployment(2, 2, 1, 1, 2)})).waiting_for ==
        "1 of 2 updated replicas available");
  auto db = deploy::readSnapshot(refs(), list({statefulset(1, "db-1", "db-2")})).workloads[1];
  CHECK(db.waiting_for == "the rolling update to finish (revision db-2)");
  auto none = deploy::readSnapshot(refs(), list({}));
  CHECK_FALSE(none.workloads[0].found);
  CHECK(none.progressText() == "0/2 pods ready (waiting: web not created yet, db not created yet)");
}

TEST_CASE("rollout: why a pod is not ready", "[deploy][rollout]") {
  json crash =
      json::array({{{"name", "web"},
                    {"ready", false},
                    {"restartCount", 4},
                    {"state",
                     {{"waiting",
                       {{"reason", "CrashLoopBackOff"},
                        {"message", "back-off 40s restarting failed container"}}}}},
                    {"lastState", {{"terminated", {{"exitCode", 1}, {"reason", "Error"}}}}}}});
  json pulling = json::array({{{"name", "web"},
                               {"ready", false},
                               {"state", {{"waiting", {{"reason", "ErrImagePull"}}}}}}});
  json probe =
      json::array({{{"name", "web"}, {"ready", false}, {"state", {{"running", json::object()}}}}});
  json unscheduled =
      json::array({{{"type", "PodScheduled"},
                    {"status", "False"},
                    {"message", "0/1 nodes are available: 1 Insufficient memory."}}});
  auto snap = deploy::readSnapshot(
      refs(), list({deployment(4, 4, 0, 0, 4), pod("a", "web", false, crash),
                    pod("b", "web", false, pulling), pod("c", "web", false, probe),
                    pod("d", "web", false, json::array(), unscheduled)}));
  const auto& pods = snap.workloads[0].pods;
  REQUIRE(pods.size() == 4);
  CHECK(pods[0].problem ==
        "container web: CrashLoopBackOff (back-off 40s restarting failed container), restarted "
        "4x, last exit 1 (Error)");
  CHECK(pods[0].restarts.at("web") == 4);
  CHECK(pods[1].problem == "container web: ErrImagePull");
  CHECK(pods[2].problem == "container web: running, not ready (readiness probe failing)");
  CHECK(pods[3].problem == "not scheduled: 0/1 nodes are available: 1 Insufficient memory.");
  CHECK_FALSE(snap.allHealthy());
  CHECK(snap.progressText() == "0/5 pods ready (waiting: web 0/4, db not created yet)");
}

TEST_CASE("events: newest last, with repeat counts", "[deploy][rollout]") {
  json events = {{"items", json::array({{{"type", "Warning"},
                                         {"reason", "BackOff"},
                                         {"message", "Back-off restarting failed container"},
                                         {"count", 5},
                                         {"lastTimestamp", "2026-01-01T00:00:09Z"}},
                                        {{"type", "Normal"},
                                         {"reason", "Pulled"},
                                         {"message", "Container image pulled"},
                                         {"lastTimestamp", "2026-01-01T00:00:01Z"}}})}};
  CHECK(deploy::formatEvents(events, 5) ==
        std::vector<std::string>{"Normal Pulled: Container image pulled",
                                 "Warning BackOff: Back-off restarting failed container (x5)"});
  CHECK(deploy::formatEvents(events, 1).size() == 1);
}
