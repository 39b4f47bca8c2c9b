#include "deploy/object_key.h"

namespace taskmaster::deploy {

ObjectKey keyOf(const manifest::Resource& r, const std::string& release_namespace) {
  const std::string& api = r.id.api_version;
  size_t slash = api.find('/');
  ObjectKey key;
  key.group = slash == std::string::npos ? "" : api.substr(0, slash);
  key.kind = r.id.kind;
  key.namespace_ = r.id.namespace_.empty() ? release_namespace : r.id.namespace_;
  key.name = r.id.name;
  return key;
}

std::string displayName(const ObjectKey& key, const std::string& release_namespace) {
  std::string out = key.kind + "/" + key.name;
  if (key.namespace_ != release_namespace) out += " in namespace " + key.namespace_;
  return out;
}

bool isHelmHook(const manifest::Resource& resource) {
  return !resource.annotation("helm.sh/hook").empty();
}

}  // namespace taskmaster::deploy
