#include "deploy/endpoints.h"

#include <set>

#include "deploy/object_key.h"

namespace taskmaster::deploy {

namespace {

std::string scheme(yaml::Node port) {
  std::string name(port.get("name").str());
  std::string app(port.get("appProtocol").str());
  auto number = port.get("port").asInt();
  if (name.find("https") != std::string::npos || app == "https" || (number && *number == 443))
    return "https";
  return "http";
}

// The node port the cluster assigned to the Service's port (by name, else number).
std::string liveNodePort(const nlohmann::json& live, const std::string& service, yaml::Node port) {
  if (!live.is_object() || !live.contains("items")) return {};
  for (const auto& item : live["items"]) {
    if (item.value("/metadata/name"_json_pointer, std::string()) != service) continue;
    if (!item.contains("/spec/ports"_json_pointer)) return {};
    for (const auto& p : item.at("/spec/ports"_json_pointer)) {
      bool same = port.get("name").str().empty()
                      ? p.value("port", -1) == port.get("port").asInt().value_or(-2)
                      : p.value("name", std::string()) == port.get("name").str();
      if (same && p.contains("nodePort")) return std::to_string(p.value("nodePort", 0));
    }
  }
  return {};
}

void addServiceEndpoints(const manifest::Resource& svc, const nlohmann::json& live,
                         const std::string& ns, const std::string& kubectl,
                         std::vector<Endpoint>& out) {
  yaml::Node spec = svc.root.get("spec");
  if (spec.get("clusterIP").str() == "None") return;
  std::string type(spec.get("type").str());
  if (type.empty()) type = "ClusterIP";
  if (type == "ExternalName") return;
  yaml::Node ports = spec.get("ports");
  for (size_t i = 0; i < ports.size(); ++i) {
    yaml::Node port = ports.item(i);
    std::string number(port.get("port").scalar());
    Endpoint e;
    e.object = "Service/" + svc.id.name + " (" + type + ")";
    if (type == "LoadBalancer") {
      e.url = scheme(port) + "://localhost:" + number + "/";
    } else if (type == "NodePort") {
      std::string node_port = liveNodePort(live, svc.id.name, port);
      if (node_port.empty()) node_port = std::string(port.get("nodePort").scalar());
      if (node_port.empty()) {
        e.command = kubectl + " get service " + svc.id.name + " --namespace " + ns +
                    " (the node port is assigned by the cluster)";
      } else {
        e.url = scheme(port) + "://localhost:" + node_port + "/";
      }
    } else {
      e.command = kubectl + " port-forward --namespace " + ns + " service/" + svc.id.name + " " +
                  number + ":" + number;
      e.url = scheme(port) + "://localhost:" + number + "/";
    }
    out.push_back(std::move(e));
  }
}

void addIngressEndpoints(const manifest::Resource& ing, std::vector<Endpoint>& out) {
  std::set<std::string> tls_hosts;
  yaml::Node tls = ing.root.path({"spec", "tls"});
  for (size_t i = 0; i < tls.size(); ++i) {
    yaml::Node hosts = tls.item(i).get("hosts");
    for (size_t j = 0; j < hosts.size(); ++j) tls_hosts.insert(std::string(hosts.item(j).str()));
  }
  yaml::Node rules = ing.root.path({"spec", "rules"});
  for (size_t i = 0; i < rules.size(); ++i) {
    std::string host(rules.item(i).get("host").str());
    if (host.empty()) host = "localhost";
    std::string path = "/";
    yaml::Node paths = rules.item(i).path({"http", "paths"});
    if (paths.size() > 0 && !paths.item(0).get("path").str().empty())
      path = std::string(paths.item(0).get("path").str());
    out.push_back({"Ingress/" + ing.id.name,
                   (tls_hosts.count(host) ? "https://" : "http://") + host + path, ""});
  }
}

}  // namespace

std::vector<Endpoint> appEndpoints(const manifest::ResourceSet& render,
                                   const nlohmann::json& live_services, const std::string& ns,
                                   const std::string& kubectl_prefix) {
  std::vector<Endpoint> published, forwarded;
  for (const auto& r : render.resources) {
    if (isHelmHook(r)) continue;
    if (r.id.kind == "Ingress") addIngressEndpoints(r, published);
    if (r.id.kind != "Service") continue;
    std::vector<Endpoint> found;
    addServiceEndpoints(r, live_services, ns, kubectl_prefix, found);
    for (auto& e : found) (e.command.empty() ? published : forwarded).push_back(std::move(e));
  }
  published.insert(published.end(), forwarded.begin(), forwarded.end());
  return published;
}

std::string describe(const Endpoint& e) {
  if (e.command.empty()) return e.object + ": " + e.url;
  if (e.url.empty()) return e.object + ": " + e.command;
  return e.object + ": " + e.command + ", then " + e.url;
}

}  // namespace taskmaster::deploy
