#include "schema/builtin_schemas.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "schema/embedded_schemas.h"

namespace taskmaster::schema {

namespace {

struct Entry {
  lint::KubeVersion version;
  const EmbeddedSchemaFile* file;
  std::once_flag parsed;
  std::unique_ptr<KubernetesSchema> schema;
};

// Immutable after first use except for each entry's schema, which its
// once_flag guards.
std::vector<std::unique_ptr<Entry>>& entries() {
  static std::vector<std::unique_ptr<Entry>> list = [] {
    std::vector<std::unique_ptr<Entry>> out;
    for (const EmbeddedSchemaFile& f : embeddedSchemaFiles()) {
      std::string_view name = f.name;  // kubernetes-1.33.json
      constexpr std::string_view kPrefix = "kubernetes-", kSuffix = ".json";
      std::optional<lint::KubeVersion> version;
      if (name.starts_with(kPrefix) && name.ends_with(kSuffix))
        version = lint::parseKubeVersion(
            name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size()));
      if (!version)
        throw std::logic_error("embedded schema with an unexpected name: " + std::string(name));
      auto e = std::make_unique<Entry>();
      e->version = *version;
      e->file = &f;
      out.push_back(std::move(e));
    }
    if (out.empty()) throw std::logic_error("no Kubernetes schema embedded");
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a->version < b->version; });
    return out;
  }();
  return list;
}

Entry& entryFor(lint::KubeVersion target) {
  auto& list = entries();
  Entry* best = list.front().get();
  for (auto& e : list)
    if (e->version <= target) best = e.get();
  return *best;
}

}  // namespace

std::vector<lint::KubeVersion> builtinSchemaVersions() {
  std::vector<lint::KubeVersion> out;
  for (const auto& e : entries()) out.push_back(e->version);
  return out;
}

lint::KubeVersion builtinSchemaVersionFor(lint::KubeVersion target) {
  return entryFor(target).version;
}

const KubernetesSchema& builtinSchema(lint::KubeVersion target) {
  Entry& e = entryFor(target);
  std::call_once(e.parsed, [&] {
    e.schema = std::make_unique<KubernetesSchema>(loadCompactSchema(e.file->content, e.file->name));
  });
  return *e.schema;
}

}  // namespace taskmaster::schema
