#include "manifest/resource.h"

namespace taskmaster::manifest {

bool Resource::isHelmTestHook() const {
  std::string_view hooks = annotation("helm.sh/hook");
  size_t pos = 0;
  while (pos <= hooks.size()) {
    size_t comma = hooks.find(',', pos);
    if (comma == std::string_view::npos) comma = hooks.size();
    std::string_view h = hooks.substr(pos, comma - pos);
    while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
    while (!h.empty() && h.back() == ' ') h.remove_suffix(1);
    if (h == "test" || h == "test-success") return true;
    pos = comma + 1;
  }
  return false;
}

void ResourceSet::add(std::shared_ptr<const yaml::Stream> stream,
                      std::shared_ptr<const SourceMap> map) {
  for (const yaml::Document& doc : stream->documents()) {
    yaml::Node root = doc.root;
    if (!root.isMap() || root.get("kind").str().empty()) continue;
    Resource r;
    r.root = root;
    r.source_map = map;
    r.id.api_version = root.get("apiVersion").str();
    r.id.kind = root.get("kind").str();
    r.id.name = root.path({"metadata", "name"}).str();
    r.id.namespace_ = root.path({"metadata", "namespace"}).str();
    resources.push_back(std::move(r));
  }
  streams.push_back(std::move(stream));
}

}  // namespace taskmaster::manifest
