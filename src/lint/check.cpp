#include "lint/check.h"

#include <algorithm>

#include "lint/checks/builtin_checks.h"

namespace taskmaster::lint {

std::vector<manifest::ContainerRef> CheckInput::containers() const {
  std::vector<manifest::ContainerRef> out;
  if (!pod) return out;
  for (const manifest::ContainerRef& c : pod->containers) {
    if (c.ephemeral) continue;
    bool wanted = rule.scope.containers == ContainerScope::All ||
                  (rule.scope.containers == ContainerScope::Init) == c.init;
    if (wanted) out.push_back(c);
  }
  return out;
}

void FindingSink::report(yaml::Node at, std::string message, std::string_view container) {
  Finding f;
  f.rule = rule_.name;
  f.severity = rule_.severity;
  f.message = std::move(message);
  f.resource = resource_.id;
  f.container = std::string(container);
  f.location = resource_.locate(at);
  out_.push_back(std::move(f));
}

const CheckRegistry& CheckRegistry::builtin() {
  static const CheckRegistry registry = [] {
    CheckRegistry r;
    addBuiltinChecks(r);
    return r;
  }();
  return registry;
}

void CheckRegistry::add(std::string name, CheckFactory factory) {
  auto it = std::find_if(factories_.begin(), factories_.end(),
                         [&](const auto& entry) { return entry.first == name; });
  if (it != factories_.end()) {
    it->second = factory;
    return;
  }
  factories_.emplace_back(std::move(name), factory);
}

CheckFactory CheckRegistry::find(std::string_view name) const {
  for (const auto& [n, factory] : factories_)
    if (n == name) return factory;
  return nullptr;
}

std::vector<std::string_view> CheckRegistry::names() const {
  std::vector<std::string_view> out;
  for (const auto& entry : factories_) out.push_back(entry.first);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace taskmaster::lint
