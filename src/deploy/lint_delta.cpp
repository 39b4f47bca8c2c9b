#include "deploy/lint_delta.h"

#include <map>
#include <tuple>

namespace taskmaster::deploy {

namespace {

using FindingKey =
    std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

FindingKey keyOf(const lint::Finding& f, const std::string& release_namespace) {
  return {f.rule,
          f.resource.kind,
          f.resource.namespace_.empty() ? release_namespace : f.resource.namespace_,
          f.resource.name,
          f.container,
          f.message};
}

}  // namespace

std::vector<lint::Finding> newFindings(const std::vector<lint::Finding>& live,
                                       const std::vector<lint::Finding>& next,
                                       const std::string& release_namespace) {
  std::map<FindingKey, int> old_counts;
  for (const auto& f : live) ++old_counts[keyOf(f, release_namespace)];
  std::vector<lint::Finding> out;
  for (const auto& f : next) {
    auto it = old_counts.find(keyOf(f, release_namespace));
    if (it != old_counts.end() && it->second > 0)
      --it->second;
    else
      out.push_back(f);
  }
  return out;
}

}  // namespace taskmaster::deploy
