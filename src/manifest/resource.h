// One Kubernetes object of the linted input, with where it came from.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "manifest/source_location.h"
#include "yaml/node.h"

namespace taskmaster::manifest {

struct ResourceId {
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_;  // as written in metadata.namespace; empty when absent
  bool operator==(const ResourceId&) const = default;
};

struct Resource {
  ResourceId id;
  yaml::Node root;
  std::shared_ptr<const SourceMap> source_map;

  SourceLocation locate(yaml::Node node) const {
    return source_map->locate(node ? node.line() : root.line());
  }
  yaml::Node metadata() const { return root.get("metadata"); }
  // Value of metadata.annotations[key], empty when absent.
  std::string_view annotation(std::string_view key) const {
    return metadata().path({"annotations", key}).str();
  }
  // A Helm hook of type `test` (helm.sh/hook may list several types).
  bool isHelmTestHook() const;
};

// Turns parsed documents into resources; documents that are empty or not
// Kubernetes objects (no kind) are skipped. The streams stay alive through
// the nodes' owner pointers kept in `streams`.
struct ResourceSet {
  std::vector<std::shared_ptr<const yaml::Stream>> streams;
  std::vector<Resource> resources;
  // CustomResourceDefinitions of the chart's crds/ directories: Helm installs
  // them, `helm template` does not print them. Not linted themselves; the
  // schema rules read the kinds they define (schema/chart_crds.h).
  std::vector<Resource> chart_crds;

  void add(std::shared_ptr<const yaml::Stream> stream, std::shared_ptr<const SourceMap> map);
};

}  // namespace taskmaster::manifest
