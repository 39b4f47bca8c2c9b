// The kube context, the API server and the objects of the cluster that the
// checks compare the chart with, all through the user's kubectl.
#include <algorithm>
#include <future>

#include "preflight/probes.h"

namespace taskmaster::preflight {

namespace {

using Json = nlohmann::json;

std::string hostOf(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find('/', start);
  std::string authority = url.substr(start, end == std::string::npos ? end : end - start);
  if (!authority.empty() && authority.front() == '[')
    return authority.substr(1, authority.find(']') - 1);
  size_t colon = authority.rfind(':');
  return colon == std::string::npos ? authority : authority.substr(0, colon);
}

std::string stringAt(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

bool isLocalServer(const std::string& server_url) {
  std::string host = hostOf(server_url);
  std::transform(host.begin(), host.end(), host.begin(), ::tolower);
  if (host == "localhost" || host == "::1" || host == "kubernetes.docker.internal" ||
      host == "host.docker.internal")
    return true;
  if (host.size() > 10 && host.ends_with(".localhost")) return true;
  return host.rfind("127.", 0) == 0;  // 127.0.0.0/8 is loopback
}

ContextFacts probeContext(const std::optional<kube::Kubectl>& kubectl,
                          std::chrono::milliseconds timeout) {
  ContextFacts facts;
  if (!kubectl) return facts;
  facts.kubectl_found = true;
  // Without --raw, kubectl redacts certificates and tokens.
  sys::ProcessResult r = kubectl->run({"config", "view", "-o", "json"}, timeout);
  if (!r.ok()) {
    facts.error = kube::kubectlErrorLine(r);
    return facts;
  }
  Json config;
  try {
    config = Json::parse(r.out);
  } catch (const Json::exception&) {
    facts.error = "kubectl config view printed something other than JSON";
    return facts;
  }
  facts.name = kubectl->target().context.empty() ? stringAt(config, "current-context")
                                                 : kubectl->target().context;
  std::string cluster;
  for (const auto& c : config.value("contexts", Json::array())) {
    std::string name = stringAt(c, "name");
    facts.available.push_back(name);
    if (name == facts.name && c.contains("context")) {
      facts.exists = true;
      cluster = stringAt(c["context"], "cluster");
    }
  }
  for (const auto& c : config.value("clusters", Json::array()))
    if (stringAt(c, "name") == cluster && c.contains("cluster"))
      facts.server = stringAt(c["cluster"], "server");
  facts.local = facts.exists && isLocalServer(facts.server);
  return facts;
}

ApiFacts probeApi(const kube::Kubectl& kubectl, std::chrono::milliseconds timeout) {
  // --request-timeout bounds kubectl's own retries below our kill timeout.
  std::string request_timeout =
      std::to_string(std::max<long long>(1, timeout.count() / 1000)) + "s";
  auto version = std::async(std::launch::async, [&] {
    return kubectl.run({"get", "--raw", "/version", "--request-timeout", request_timeout}, timeout);
  });
  sys::ProcessResult ready =
      kubectl.run({"get", "--raw", "/readyz", "--request-timeout", request_timeout}, timeout);
  sys::ProcessResult v = version.get();
  ApiFacts facts;
  if (!ready.ok()) {
    facts.error = kube::kubectlErrorLine(ready);
    return facts;
  }
  facts.ready = true;
  try {
    if (v.ok()) facts.server_version = stringAt(Json::parse(v.out), "gitVersion");
  } catch (const Json::exception&) {
  }
  return facts;
}

ClusterFacts probeCluster(const kube::Kubectl& kubectl, const ChartFacts& chart,
                          const std::string& target_namespace, std::chrono::milliseconds timeout) {
  using Result = kube::Kubectl::JsonResult;
  const ChartNeeds& needs = chart.needs;
  auto get = [&](std::vector<std::string> args, bool wanted) {
    return std::async(std::launch::async, [&kubectl, args, wanted, timeout] {
      return wanted ? kubectl.getJson(args, timeout) : Result{};
    });
  };
  auto nodes = get({"get", "nodes"}, true);
  auto ns = get({"get", "namespace", target_namespace}, true);
  auto storage = get({"get", "storageclasses"}, !needs.volume_claims.empty());
  auto ingress = get({"get", "ingressclasses"}, !needs.ingresses.empty());
  auto metrics = get({"get", "apiservice", "v1beta1.metrics.k8s.io"}, !needs.autoscalers.empty());
  auto services = get({"get", "services", "--all-namespaces"}, !needs.host_ports.empty());
  auto pods = get({"get", "pods", "--all-namespaces"}, chart.rendered);

  // Only the names of a Secret's keys ever leave the cluster: the template
  // prints no values.
  std::vector<std::string> names;
  for (const auto& ref : needs.secret_refs)
    if (std::find(names.begin(), names.end(), ref.secret) == names.end())
      names.push_back(ref.secret);
  std::vector<std::future<sys::ProcessResult>> secret_runs;
  for (const auto& name : names)
    secret_runs.push_back(
        std::async(std::launch::async, [&kubectl, name, target_namespace, timeout] {
          return kubectl.run({"get", "secret", name, "--namespace", target_namespace, "-o",
                              "go-template={{range $k, $v := .data}}{{$k}}{{\"\\n\"}}{{end}}"},
                             timeout);
        }));

  ClusterFacts facts;
  facts.nodes = nodes.get();
  facts.target_namespace = ns.get();
  facts.storage_classes = storage.get();
  facts.ingress_classes = ingress.get();
  facts.metrics_api = metrics.get();
  facts.services = services.get();
  facts.pods = pods.get();
  for (size_t i = 0; i < names.size(); ++i) {
    sys::ProcessResult r = secret_runs[i].get();
    SecretKeys keys;
    if (r.ok()) {
      size_t start = 0;
      while (start < r.out.size()) {
        size_t nl = r.out.find('\n', start);
        if (nl == std::string::npos) nl = r.out.size();
        if (nl > start) keys.keys.push_back(r.out.substr(start, nl - start));
        start = nl + 1;
      }
    } else {
      keys.error = kube::kubectlErrorLine(r);
      keys.not_found = r.err.find("(NotFound)") != std::string::npos;
    }
    facts.secrets[names[i]] = std::move(keys);
  }
  return facts;
}

}  // namespace taskmaster::preflight
