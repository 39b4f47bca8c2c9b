// How to reach the app once it runs, from the rendered Services and
// Ingresses: Docker Desktop publishes LoadBalancer ports and NodePorts on
// localhost; an Ingress answers at its hosts; anything else is reached with
// kubectl port-forward. Headless Services and hooks are left out.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "manifest/resource.h"

namespace taskmaster::deploy {

struct Endpoint {
  std::string object;   // "Service/taskmaster-frontend (LoadBalancer)"
  std::string url;      // "http://localhost:3000/"; empty when only a command reaches it
  std::string command;  // "kubectl port-forward ..." when needed first
};

// `live_services` is `kubectl get services -o json` of the namespace (for the
// node ports the cluster assigned), or null. `kubectl_prefix` starts the
// port-forward commands ("kubectl --context docker-desktop").
std::vector<Endpoint> appEndpoints(const manifest::ResourceSet& render,
                                   const nlohmann::json& live_services, const std::string& ns,
                                   const std::string& kubectl_prefix);

std::string describe(const Endpoint& endpoint);

}  // namespace taskmaster::deploy
