// The checks as pure functions of facts: each outcome the issue names,
// without processes. The scenario test (preflight_scenarios_test.sh) runs
// the same checks through real kubectl, docker and helm.
#include <catch2/catch.hpp>

#include "manifest/manifest_input.h"
#include "preflight/checks/checks.h"
#include "preflight/checks/required_values.h"
#include "preflight/probes.h"

using namespace taskmaster::preflight;
using nlohmann::json;

namespace {

// A ready kubeadm Docker Desktop cluster, as the probes would find it.
struct ReadyCluster {
  PreflightOptions options;
  Facts facts;

  ReadyCluster() {
    options.render.namespace_ = "taskmaster";
    options.render.release_name = "taskmaster";
    facts.options = &options;
    facts.context = {true, "docker-desktop",   true, "https://kubernetes.docker.internal:6443",
                     true, {"docker-desktop"}, ""};
    facts.api = {true, "", "v1.33.1"};
    facts.cluster.nodes.value = json::parse(R"({"items":[{"metadata":{"name":"docker-desktop"},
      "status":{"allocatable":{"cpu":"8","memory":"8Gi"},
      "conditions":[{"type":"Ready","status":"True"}],"nodeInfo":{"osImage":"Docker Desktop"}}}]})");
    facts.cluster.pods.value = json::parse(R"({"items":[]})");
    facts.docker.cli_found = facts.docker.reachable = true;
    facts.docker.info = json::parse(R"({"OperatingSystem":"Docker Desktop","Name":"docker-desktop",
      "ServerVersion":"27.4.0","NCPU":8,"MemTotal":8589934592})");
  }

  void render(const std::string& yaml) {
    auto stream = taskmaster::manifest::parseManifestText(yaml, "chart");
    taskmaster::manifest::ResourceSet set;
    set.add(stream, std::make_shared<taskmaster::manifest::IdentitySourceMap>("chart"));
    facts.chart.needs = chartNeeds(set, "taskmaster");
    facts.chart.rendered = true;
  }
};

const char* kBackend = R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: backend}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: api
        image: taskmaster-backend:1.0.0
        imagePullPolicy: Never
        resources: {requests: {cpu: 500m, memory: 1Gi}}
        envFrom: [{secretRef: {name: taskmaster-secrets}}]
        env:
        - name: OPENAI_API_KEY
          valueFrom: {secretKeyRef: {name: taskmaster-secrets, key: OPENAI_API_KEY}}
)";

}  // namespace

TEST_CASE("context: Docker Desktop passes, a remote cluster fails unless allowed", "[preflight]") {
  ReadyCluster c;
  CHECK(checkContext(c.facts).outcome == Outcome::Pass);

  c.facts.context.server = "https://api.prod-cluster.invalid:6443";
  c.facts.context.local = isLocalServer(c.facts.context.server);
  CHECK_FALSE(c.facts.context.local);
  CheckResult refused = checkContext(c.facts);
  CHECK(refused.outcome == Outcome::Fail);
  CHECK_THAT(refused.remedy, Catch::Contains("--allow-remote-context"));
  CHECK(checkApi(c.facts).outcome == Outcome::Skip);
  CHECK(checkNodes(c.facts).outcome == Outcome::Skip);

  c.options.allow_remote_context = true;
  CHECK(checkContext(c.facts).outcome == Outcome::Warn);
  CHECK(checkApi(c.facts).outcome == Outcome::Pass);

  c.facts.context.exists = false;
  c.facts.context.name = "nope";
  CheckResult missing = checkContext(c.facts);
  CHECK(missing.outcome == Outcome::Fail);
  CHECK_THAT(missing.message, Catch::Contains("\"nope\" is not in the kubeconfig"));
}

TEST_CASE("local API servers", "[preflight]") {
  CHECK(isLocalServer("https://kubernetes.docker.internal:6443"));
  CHECK(isLocalServer("https://127.0.0.1:52100"));
  CHECK(isLocalServer("http://localhost:8080/"));
  CHECK(isLocalServer("https://[::1]:6443"));
  CHECK_FALSE(isLocalServer("https://10.0.0.5:6443"));
  CHECK_FALSE(isLocalServer("https://localhost.example.invalid:6443"));
  CHECK_FALSE(isLocalServer("https://api.prod-cluster.invalid"));
}

TEST_CASE("capacity: requests times replicas against allocatable", "[preflight]") {
  ReadyCluster c;
  c.render(kBackend);
  REQUIRE(c.facts.chart.needs.pods.size() == 1);
  CHECK(c.facts.chart.needs.pods[0].pods == 2);
  CHECK(checkCapacity(c.facts).outcome == Outcome::Pass);

  // Others already request 6.5 GiB of 8: ours (2 GiB) no longer fit.
  c.facts.cluster.pods.value = json::parse(R"({"items":[{"metadata":{"namespace":"other",
    "name":"big"},"status":{"phase":"Running"},"spec":{"containers":[{"resources":
    {"requests":{"memory":"6.5Gi"}}}]}}]})");
  CHECK(checkCapacity(c.facts).outcome == Outcome::Fail);
  // 4.5 + 2 of 8 GiB is 81%: tight.
  c.facts.cluster.pods.value = json::parse(R"({"items":[{"metadata":{"namespace":"other",
    "name":"big"},"status":{"phase":"Running"},"spec":{"containers":[{"resources":
    {"requests":{"memory":"4.5Gi"}}}]}}]})");
  CHECK(checkCapacity(c.facts).outcome == Outcome::Warn);
}

TEST_CASE("images: Never and registry-less IfNotPresent must be local", "[preflight]") {
  ReadyCluster c;
  c.render(kBackend);
  c.facts.docker.images = {{"taskmaster-backend:1.0.0", false}};
  CheckResult missing = checkImages(c.facts);
  CHECK(missing.outcome == Outcome::Fail);
  CHECK_THAT(missing.remedy, Catch::Contains("docker build -t taskmaster-backend:1.0.0"));
  c.facts.docker.images = {{"taskmaster-backend:1.0.0", true}};
  CHECK(checkImages(c.facts).outcome == Outcome::Pass);
}

TEST_CASE("mode: kind cannot see local images", "[preflight]") {
  ReadyCluster c;
  c.render(kBackend);
  CHECK(checkMode(c.facts).outcome == Outcome::Pass);
  c.facts.cluster.nodes.value = json::parse(R"({"items":[{"metadata":{"name":
    "desktop-control-plane"},"spec":{"providerID":"kind://docker/desktop/desktop-control-plane"},
    "status":{"allocatable":{"cpu":"8","memory":"8Gi"},"conditions":[{"type":"Ready",
    "status":"True"}]}}]})");
  CheckResult kind = checkMode(c.facts);
  CHECK(kind.outcome == Outcome::Fail);
  CHECK_THAT(kind.message, Catch::Contains("taskmaster-backend:1.0.0"));
  CHECK(checkImages(c.facts).outcome == Outcome::Skip);
}

TEST_CASE("secrets: existing Secret and its keys; never a value", "[preflight]") {
  ReadyCluster c;
  c.render(kBackend);
  c.facts.cluster.secrets["taskmaster-secrets"] = {{"DATABASE_URL"}, false, ""};
  CheckResult lacking = checkSecrets(c.facts);
  CHECK(lacking.outcome == Outcome::Fail);
  CHECK_THAT(lacking.message, Catch::Contains("has no key OPENAI_API_KEY"));

  c.facts.cluster.secrets["taskmaster-secrets"] = {{}, true, "NotFound"};
  CHECK_THAT(checkSecrets(c.facts).message, Catch::Contains("does not exist"));

  c.facts.cluster.secrets["taskmaster-secrets"] = {{"DATABASE_URL", "OPENAI_API_KEY"}, false, ""};
  CHECK(checkSecrets(c.facts).outcome == Outcome::Pass);
}

TEST_CASE("secrets: placeholders are named by key, not shown", "[preflight]") {
  ReadyCluster c;
  c.render(R"(
apiVersion: v1
kind: Secret
metadata: {name: s}
data: {OPENAI_API_KEY: cGxhY2Vob2xkZXItb3BlbmFpLWtleQ==}
stringData: {TOKEN: real-value-123}
)");
  CheckResult r = checkSecrets(c.facts);
  CHECK(r.outcome == Outcome::Warn);
  CHECK_THAT(r.message, Catch::Contains("Secret/s (OPENAI_API_KEY)"));
  CHECK_THAT(r.message, !Catch::Contains("placeholder-openai-key"));
}

TEST_CASE("missing secret values in Helm's words", "[preflight]") {
  CHECK(missingSecretValue("Error: execution error at (taskmaster/templates/secret.yaml:16:20): "
                           "secrets.openaiApiKey is required unless secrets.existingSecret is set")
            .value() == "secrets.openaiApiKey is required unless secrets.existingSecret is set");
  CHECK_FALSE(missingSecretValue(
      "Error: execution error at (x/templates/a.yaml:1:2): image.tag is required"));
  // Helm 4 and Helm 3 schema errors.
  CHECK(missingSecretValue("Error: values don't meet the specifications of the schema(s) in the "
                           "following chart(s): taskmaster: - at '': 'allOf' failed; - at "
                           "'/secrets': validation failed; - at '/secrets/openaiApiKey': "
                           "minLength: got 0, want 1")
            .value() ==
        "the values schema requires secrets.openaiApiKey (minLength: got 0, want 1)");
  CHECK_THAT(missingSecretValue("Error: values don't meet the specifications of the schema(s) in "
                                "the following chart(s): taskmaster: - secrets.databaseUrl: "
                                "String length must be greater than or equal to 1")
                 .value(),
             Catch::Contains("secrets.databaseUrl"));
  CHECK_FALSE(
      missingSecretValue("Error: values don't meet the specifications of the schema(s): "
                         "x: - replicaCount: Invalid type. Expected: integer"));
}

TEST_CASE("storage, ingress, metrics and ports follow the rendered needs", "[preflight]") {
  ReadyCluster c;
  c.render(R"(
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {resources: {requests: {storage: 1Gi}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {ingressClassName: nginx}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec: {minReplicas: 1, maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: web}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: LoadBalancer, ports: [{port: 3000}]}
)");
  c.facts.cluster.storage_classes.value =
      json::parse(R"({"items":[{"metadata":{"name":"hostpath"}}]})");
  CHECK(checkStorage(c.facts).outcome == Outcome::Fail);
  c.facts.cluster.storage_classes.value = json::parse(R"({"items":[{"metadata":{"name":"hostpath",
    "annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}]})");
  CHECK(checkStorage(c.facts).outcome == Outcome::Pass);

  c.facts.cluster.ingress_classes.value = json::parse(R"({"items":[]})");
  CHECK(checkIngress(c.facts).outcome == Outcome::Fail);

  c.facts.cluster.metrics_api.not_found = true;
  CHECK(checkMetrics(c.facts).outcome == Outcome::Warn);

  c.facts.cluster.services.value = json::parse(R"({"items":[{"metadata":{"namespace":"other",
    "name":"grafana"},"spec":{"type":"LoadBalancer","ports":[{"port":3000}]}}]})");
  CheckResult taken = checkPorts(c.facts);
  CHECK(taken.outcome == Outcome::Fail);
  CHECK_THAT(taken.message, Catch::Contains("other/grafana"));
  // Our own Service from an earlier install keeps its port.
  c.facts.cluster.services.value = json::parse(R"({"items":[{"metadata":{"namespace":"taskmaster",
    "name":"web"},"spec":{"type":"LoadBalancer","ports":[{"port":3000}]}}]})");
  CHECK(checkPorts(c.facts).outcome == Outcome::Pass);
  c.facts.cluster.services.value = json::parse(R"({"items":[]})");
  c.facts.local_ports_in_use[3000] = true;
  CHECK(checkPorts(c.facts).outcome == Outcome::Warn);
}
