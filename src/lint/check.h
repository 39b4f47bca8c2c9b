// The check-template interface. A template is a small C++ class that a rule
// file instantiates by name with its params (clang-tidy style: one class per
// file in checks/, registered by name in a CheckRegistry). Templates hold
// only immutable state built at load time (e.g. compiled RE2), so one
// instance can lint any number of resources, from any thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"
#include "lint/kube_version.h"
#include "lint/params.h"
#include "lint/rule.h"
#include "manifest/pod_spec.h"
#include "manifest/resource.h"

namespace taskmaster::schema {
class SchemaDirectory;
class UnitSchemas;
}  // namespace taskmaster::schema

namespace taskmaster::lint {

class ResourceIndex;

struct LintContext {
  // Namespace the release installs into; empty when unknown.
  std::string target_namespace;
  // The Kubernetes version the release targets (--kube-version).
  KubeVersion kube_version = kDefaultKubeVersion;
  // Schemas of --schema-dir (schema/schema_dir.h); null when not given.
  std::shared_ptr<const schema::SchemaDirectory> schema_dir = nullptr;
};

// Everything a check may look at for one (rule, resource) pair.
struct CheckInput {
  const Rule& rule;
  const manifest::Resource& resource;
  // The whole input, for cross-resource templates (a Service that selects
  // nothing, a missing ConfigMap key ...).
  const manifest::ResourceSet& resources;
  // manifest::findPodSpec(resource), found once per resource by the linter.
  const std::optional<manifest::PodSpecView>& pod;
  const LintContext& context;
  // Lookups across `resources` (by kind, by name, pods by labels ...).
  const ResourceIndex& index;
  // The schema of each apiVersion/kind: --schema-dir, the unit's CRDs, the
  // built-in Kubernetes schema (loaded when first asked for).
  const schema::UnitSchemas& schemas;

  // The pod's containers that the rule's scope covers; empty without a pod.
  std::vector<manifest::ContainerRef> containers() const;
};

// Turns what a check reports into Findings of its rule and resource.
class FindingSink {
 public:
  FindingSink(const Rule& rule, const manifest::Resource& resource, std::vector<Finding>& out)
      : rule_(rule), resource_(resource), out_(out) {}

  // `at` is the most precise node: the offending value, or the mapping (or
  // key) under which something is missing. The message must never quote a
  // value that may be secret.
  void report(yaml::Node at, std::string message, std::string_view container = {});

 private:
  const Rule& rule_;
  const manifest::Resource& resource_;
  std::vector<Finding>& out_;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const CheckInput& input, FindingSink& sink) const = 0;
};

// Builds a check from a rule's params, validating them (ParamReader throws).
using CheckFactory = std::unique_ptr<Check> (*)(const ParamReader& params);

class CheckRegistry {
 public:
  // Every template in checks/ (see checks/builtin_checks.cpp).
  static const CheckRegistry& builtin();

  void add(std::string name, CheckFactory factory);
  CheckFactory find(std::string_view name) const;  // nullptr when unknown
  std::vector<std::string_view> names() const;     // sorted

 private:
  std::vector<std::pair<std::string, CheckFactory>> factories_;
};

}  // namespace taskmaster::lint
