#include "preflight/chart_needs.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/base64.h"
#include "lint/image_ref.h"
#include "lint/quantity.h"
#include "lint/replica_counts.h"
#include "lint/resource_index.h"
#include "manifest/pod_spec.h"

namespace taskmaster::preflight {

namespace {

std::string objectName(const manifest::Resource& r) {
  return r.id.kind + "/" + r.id.name;
}

bool isHook(const manifest::Resource& r) {
  return !r.annotation("helm.sh/hook").empty();
}

// Kubernetes' defaulting: no policy means Always for :latest (or no tag and
// no digest), IfNotPresent otherwise.
std::string effectivePullPolicy(yaml::Node container, std::string_view image) {
  std::string_view policy = container.get("imagePullPolicy").str();
  if (!policy.empty()) return std::string(policy);
  lint::ImageRef ref = lint::parseImageRef(image);
  if (ref.digest.empty() && (ref.tag.empty() || ref.tag == "latest")) return "Always";
  return "IfNotPresent";
}

struct Resources {
  double cpu = 0, memory = 0;
};

// requests, or limits where requests are unset (the API server copies them).
Resources requested(yaml::Node container) {
  Resources r;
  yaml::Node res = container.get("resources");
  auto amount = [&](std::string_view name) {
    yaml::Node q = res.path({"requests", name});
    if (q.isNull()) q = res.path({"limits", name});
    return q.isNull() ? 0.0 : lint::parseQuantity(q.scalar()).value_or(0.0);
  };
  r.cpu = amount("cpu");
  r.memory = amount("memory");
  return r;
}

// What the scheduler reserves for one pod: the regular containers (and
// sidecars, init containers with restartPolicy Always) together, or the
// largest init container, whichever is more.
Resources podRequests(const manifest::PodSpecView& pod) {
  Resources together, largest_init;
  for (const auto& c : pod.containers) {
    if (c.ephemeral) continue;
    Resources r = requested(c.node);
    bool sidecar = c.init && c.node.get("restartPolicy").str() == "Always";
    if (c.init && !sidecar) {
      largest_init.cpu = std::max(largest_init.cpu, r.cpu);
      largest_init.memory = std::max(largest_init.memory, r.memory);
    } else {
      together.cpu += r.cpu;
      together.memory += r.memory;
    }
  }
  return {std::max(together.cpu, largest_init.cpu), std::max(together.memory, largest_init.memory)};
}

long long podCount(const lint::ResourceIndex& index, const manifest::Resource& r) {
  const std::string& kind = r.id.kind;
  if (kind == "Job") return r.root.path({"spec", "parallelism"}).asInt().value_or(1);
  if (kind == "CronJob")
    return r.root.path({"spec", "jobTemplate", "spec", "parallelism"}).asInt().value_or(1);
  if (kind == "Pod" || kind == "PodTemplate") return kind == "Pod" ? 1 : 0;
  lint::ReplicaRange range = lint::replicaRange(index, r);
  return range.min.value_or(1);  // the API's default for an unset spec.replicas
}

void addSecretRefs(const manifest::Resource& r, const manifest::PodSpecView& pod,
                   std::vector<SecretReference>& out) {
  std::string user = objectName(r);
  auto add = [&](yaml::Node name, std::string key, yaml::Node optional) {
    if (name.str().empty()) return;
    out.push_back(
        {std::string(name.str()), std::move(key), optional.asBool().value_or(false), user});
  };
  for (const auto& c : pod.containers) {
    yaml::Node env = c.node.get("env");
    for (size_t i = 0; i < env.size(); ++i) {
      yaml::Node ref = env.item(i).path({"valueFrom", "secretKeyRef"});
      if (ref.isMap()) add(ref.get("name"), std::string(ref.get("key").str()), ref.get("optional"));
    }
    yaml::Node env_from = c.node.get("envFrom");
    for (size_t i = 0; i < env_from.size(); ++i) {
      yaml::Node ref = env_from.item(i).get("secretRef");
      if (ref.isMap()) add(ref.get("name"), "", ref.get("optional"));
    }
  }
  yaml::Node volumes = pod.spec.get("volumes");
  for (size_t i = 0; i < volumes.size(); ++i) {
    yaml::Node secret = volumes.item(i).get("secret");
    if (secret.isMap()) add(secret.get("secretName"), "", secret.get("optional"));
    yaml::Node sources = volumes.item(i).path({"projected", "sources"});
    for (size_t j = 0; j < sources.size(); ++j) {
      yaml::Node s = sources.item(j).get("secret");
      if (s.isMap()) add(s.get("name"), "", s.get("optional"));
    }
  }
  yaml::Node pull = pod.spec.get("imagePullSecrets");
  for (size_t i = 0; i < pull.size(); ++i) add(pull.item(i).get("name"), "", {});
}

bool looksLikePlaceholder(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 8> kMarkers = {
      "placeholder", "changeme",     "change-me", "change_me",
      "replace-me",  "your-api-key", "xxxxxxxx",  "replaceme"};
  for (auto m : kMarkers)
    if (value.find(m) != std::string::npos) return true;
  return false;
}

void addPlaceholders(const manifest::Resource& secret, std::vector<std::string>& out) {
  std::string keys;
  auto scan = [&](yaml::Node map, bool base64) {
    for (size_t i = 0; i < map.size(); ++i) {
      std::string_view text = map.value(i).str();
      std::optional<std::string> value =
          base64 ? decodeBase64(text) : std::optional<std::string>(std::string(text));
      if (value && looksLikePlaceholder(*value))
        keys += (keys.empty() ? "" : ", ") + std::string(map.key(i).str());
    }
  };
  scan(secret.root.get("data"), true);
  scan(secret.root.get("stringData"), false);
  if (!keys.empty()) out.push_back(objectName(secret) + " (" + keys + ")");
}

void addWorkload(const lint::ResourceIndex& index, const lint::Workload& w, ChartNeeds& needs) {
  const manifest::Resource& r = *w.resource;
  for (const auto& c : w.pod.containers) {
    std::string_view image = c.node.get("image").str();
    if (image.empty() || c.ephemeral) continue;
    needs.images.push_back({std::string(image), effectivePullPolicy(c.node, image),
                            objectName(r) + " container " + std::string(c.name)});
  }
  addSecretRefs(r, w.pod, needs.secret_refs);
  if (isHook(r) || r.id.kind == "PodTemplate") return;
  Resources per_pod = podRequests(w.pod);
  bool daemon = r.id.kind == "DaemonSet";
  needs.pods.push_back(
      {objectName(r), daemon ? 1 : podCount(index, r), daemon, per_pod.cpu, per_pod.memory});
  if (r.id.kind == "StatefulSet") {
    yaml::Node templates = r.root.path({"spec", "volumeClaimTemplates"});
    for (size_t i = 0; i < templates.size(); ++i) {
      yaml::Node t = templates.item(i);
      yaml::Node cls = t.path({"spec", "storageClassName"});
      if (cls.isScalar() && !cls.isNull() && cls.str().empty()) continue;  // static binding
      needs.volume_claims.push_back(
          {objectName(r) + " " + std::string(t.path({"metadata", "name"}).str()),
           cls.isNull() ? std::nullopt : std::optional<std::string>(cls.str())});
    }
  }
}

void addService(const manifest::Resource& r, ChartNeeds& needs) {
  needs.services.push_back(r.id.name);
  std::string type(r.root.path({"spec", "type"}).str());
  if (type != "LoadBalancer" && type != "NodePort") return;
  yaml::Node ports = r.root.path({"spec", "ports"});
  for (size_t i = 0; i < ports.size(); ++i) {
    yaml::Node p = ports.item(i);
    // Docker Desktop publishes a LoadBalancer's port on localhost, and a
    // NodePort on localhost:nodePort (a NodePort left to the cluster is
    // unknown until install).
    if (type == "LoadBalancer")
      if (auto port = p.get("port").asInt())
        needs.host_ports.push_back({objectName(r), type, *port});
    if (auto node_port = p.get("nodePort").asInt())
      needs.host_ports.push_back({objectName(r), "NodePort", *node_port});
  }
}

}  // namespace

ChartNeeds chartNeeds(const manifest::ResourceSet& resources, const std::string& target_namespace) {
  ChartNeeds needs;
  needs.namespace_ = target_namespace;
  needs.objects = resources.resources.size();
  lint::ResourceIndex index(resources, target_namespace);
  for (const auto& w : index.workloads()) addWorkload(index, w, needs);
  for (const auto& r : resources.resources) {
    const std::string& kind = r.id.kind;
    if (kind == "PersistentVolumeClaim" && !isHook(r)) {
      yaml::Node cls = r.root.path({"spec", "storageClassName"});
      if (cls.isScalar() && !cls.isNull() && cls.str().empty()) continue;
      needs.volume_claims.push_back(
          {objectName(r), cls.isNull() ? std::nullopt : std::optional<std::string>(cls.str())});
    } else if (kind == "Ingress") {
      std::string_view cls = r.root.path({"spec", "ingressClassName"}).str();
      if (cls.empty()) cls = r.annotation("kubernetes.io/ingress.class");
      needs.ingresses.push_back(
          {objectName(r), cls.empty() ? std::nullopt : std::optional<std::string>(cls)});
    } else if (kind == "HorizontalPodAutoscaler") {
      needs.autoscalers.push_back(r.id.name);
    } else if (kind == "Service") {
      addService(r, needs);
    } else if (kind == "Secret") {
      needs.rendered_secrets.push_back(r.id.name);
      addPlaceholders(r, needs.placeholder_secrets);
    }
  }
  std::erase_if(needs.secret_refs, [&](const SecretReference& ref) {
    return std::find(needs.rendered_secrets.begin(), needs.rendered_secrets.end(), ref.secret) !=
           needs.rendered_secrets.end();
  });
  return needs;
}

}  // namespace taskmaster::preflight
