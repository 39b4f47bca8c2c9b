// config-references: env, envFrom and volumes that read a ConfigMap or
// Secret (or one key of it) that the release does not define, without
// `optional: true`. The pod then stays in CreateContainerConfigError (or
// ContainerCreating, for volumes) until someone creates it by hand.
//
//   params: {expectedInCluster: [kube-root-ca.crt, "shared-*", ...]}
//
// expectedInCluster lists (with * and ? wildcards) the names of ConfigMaps
// and Secrets that exist in the cluster without the chart: created by
// Kubernetes (kube-root-ca.crt), by another release, or by hand (a Secret
// named in `existingSecret`). References to them, and to their keys, pass.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/glob.h"
#include "lint/resource_index.h"

namespace taskmaster::lint {

namespace {

struct Reference {
  std::string_view kind;  // ConfigMap or Secret
  yaml::Node name;        // the node naming it
  yaml::Node key;         // a single key read, or invalid
  yaml::Node items;       // volume items (keys projected), or invalid
  bool optional = false;
  std::string what;  // "env DATABASE_URL", "volume config" ...
  const manifest::ContainerRef* container = nullptr;
};

class ConfigReferences : public Check {
 public:
  explicit ConfigReferences(std::vector<std::string> expected) : expected_(std::move(expected)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    if (!input.pod) return;
    std::vector<Reference> refs;
    const std::vector<manifest::ContainerRef> containers = input.containers();  // refs point here
    for (const manifest::ContainerRef& c : containers) collectContainer(c, refs);
    collectVolumes(input.pod->spec.get("volumes"), refs);
    std::string_view ns = input.index.namespaceOf(input.resource);
    for (const Reference& ref : refs) check(ref, ns, input.index, sink);
  }

 private:
  static void add(std::vector<Reference>& refs, std::string_view kind, yaml::Node source,
                  std::string_view name_field, std::string what, const manifest::ContainerRef* c) {
    if (!source.isMap()) return;
    Reference r{kind,
                source.get(name_field),
                source.get("key"),
                source.get("items"),
                isTrue(source.get("optional")),
                std::move(what),
                c};
    refs.push_back(std::move(r));
  }

  static void collectContainer(const manifest::ContainerRef& c, std::vector<Reference>& refs) {
    yaml::Node env = c.node.get("env");
    for (size_t i = 0; i < env.size(); ++i) {
      yaml::Node from = env.item(i).get("valueFrom");
      std::string what = fmt::format("env {}", env.item(i).get("name").str());
      add(refs, "ConfigMap", from.get("configMapKeyRef"), "name", what, &c);
      add(refs, "Secret", from.get("secretKeyRef"), "name", what, &c);
    }
    yaml::Node env_from = c.node.get("envFrom");
    for (size_t i = 0; i < env_from.size(); ++i) {
      add(refs, "ConfigMap", env_from.item(i).get("configMapRef"), "name", "envFrom", &c);
      add(refs, "Secret", env_from.item(i).get("secretRef"), "name", "envFrom", &c);
    }
  }

  static void collectVolumes(yaml::Node volumes, std::vector<Reference>& refs) {
    for (size_t i = 0; i < volumes.size(); ++i) {
      yaml::Node v = volumes.item(i);
      std::string what = fmt::format("volume \"{}\"", v.get("name").str());
      add(refs, "ConfigMap", v.get("configMap"), "name", what, nullptr);
      add(refs, "Secret", v.get("secret"), "secretName", what, nullptr);
      yaml::Node sources = v.get("projected").get("sources");
      for (size_t s = 0; s < sources.size(); ++s) {
        add(refs, "ConfigMap", sources.item(s).get("configMap"), "name", what, nullptr);
        add(refs, "Secret", sources.item(s).get("secret"), "name", what, nullptr);
      }
    }
  }

  bool expected(std::string_view name) const {
    for (const std::string& pattern : expected_)
      if (globMatch(pattern, name)) return true;
    return false;
  }

  void check(const Reference& ref, std::string_view ns, const ResourceIndex& index,
             FindingSink& sink) const {
    if (ref.optional || !ref.name.isScalar() || ref.name.scalar().empty()) return;
    std::string_view name = ref.name.scalar();
    if (expected(name)) return;
    std::string prefix = ref.container ? containerLabel(*ref.container) + ": " : "pod spec: ";
    std::string_view container = ref.container ? ref.container->name : std::string_view();
    const manifest::Resource* target = index.find(ref.kind, ns, name);
    if (!target) {
      sink.report(ref.name,
                  fmt::format("{}{} reads {} \"{}\", which the release does not define (mark "
                              "the reference optional, or list the name in the rule's "
                              "expectedInCluster if it is created outside the chart)",
                              prefix, ref.what, ref.kind, name),
                  container);
      return;
    }
    std::vector<yaml::Node> keys;
    if (ref.key.isScalar()) keys.push_back(ref.key);
    for (size_t i = 0; i < ref.items.size(); ++i) keys.push_back(ref.items.item(i).get("key"));
    for (yaml::Node key : keys) {
      if (!key.isScalar() || hasKey(*target, key.scalar())) continue;
      sink.report(key,
                  fmt::format("{}{} reads key \"{}\" of {} \"{}\", which has no such key", prefix,
                              ref.what, key.scalar(), ref.kind, name),
                  container);
    }
  }

  static bool hasKey(const manifest::Resource& r, std::string_view key) {
    for (const char* section : {"data", "binaryData", "stringData"})
      if (r.root.get(section).get(key)) return true;
    return false;
  }

  std::vector<std::string> expected_;
};

}  // namespace

std::unique_ptr<Check> makeConfigReferences(const ParamReader& params) {
  params.allowOnly({"expectedInCluster"});
  return std::make_unique<ConfigReferences>(params.stringList("expectedInCluster", false));
}

}  // namespace taskmaster::lint
