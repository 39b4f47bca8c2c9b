// How to reach the app on Docker Desktop, from the rendered Services and
// Ingresses and the node ports the cluster assigned.
#include "deploy/endpoints.h"

#include <catch2/catch.hpp>

#include "cli/lint_inputs.h"

using namespace taskmaster;

TEST_CASE("endpoints: LoadBalancer and NodePort on localhost, Ingress hosts, port-forward",
          "[deploy][endpoints]") {
  auto unit = cli::loadManifestText(R"(apiVersion: v1
kind: Service
metadata: {name: backend}
spec: {ports: [{name: http, port: 8000}]}
---
apiVersion: v1
kind: Service
metadata: {name: frontend}
spec: {type: LoadBalancer, ports: [{name: http, port: 3000}]}
---
apiVersion: v1
kind: Service
metadata: {name: admin}
spec: {type: NodePort, ports: [{name: https, port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, ports: [{port: 5432}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  tls: [{hosts: [secure.local]}]
  rules:
    - host: taskmaster.local
      http: {paths: [{path: /, pathType: Prefix}]}
    - host: secure.local
---
apiVersion: v1
kind: Service
metadata: {name: test-only, annotations: {helm.sh/hook: test}}
spec: {type: LoadBalancer, ports: [{port: 9999}]}
)",
                                    "m");
  nlohmann::json live = {
      {"items",
       {{{"metadata", {{"name", "admin"}}},
         {"spec", {{"ports", {{{"name", "https"}, {"port", 443}, {"nodePort", 31443}}}}}}}}}};
  auto endpoints = deploy::appEndpoints(unit.resources, live, "tm", "kubectl --context dd");
  std::vector<std::string> lines;
  for (const auto& e : endpoints) lines.push_back(deploy::describe(e));
  CHECK(lines == std::vector<std::string>{
                     "Service/frontend (LoadBalancer): http://localhost:3000/",
                     "Service/admin (NodePort): https://localhost:31443/",
                     "Ingress/web: http://taskmaster.local/",
                     "Ingress/web: https://secure.local/",
                     "Service/backend (ClusterIP): kubectl --context dd port-forward --namespace "
                     "tm service/backend 8000:8000, then http://localhost:8000/",
                 });
  // Without the live Service the node port is unknown: say how to find it.
  auto unknown = deploy::appEndpoints(unit.resources, nlohmann::json(), "tm", "kubectl");
  std::vector<std::string> admin;
  for (const auto& e : unknown)
    if (e.object == "Service/admin (NodePort)") admin.push_back(deploy::describe(e));
  CHECK(admin == std::vector<std::string>{"Service/admin (NodePort): kubectl get service admin "
                                          "--namespace tm (the node port is assigned by the "
                                          "cluster)"});
}
