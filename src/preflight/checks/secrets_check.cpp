// secrets: when the chart creates its Secret, the required secret values
// were given; Secrets the pods use that the chart does not create (an
// `existingSecret`) exist in the namespace with the keys the pods read.
// Values are never read from the cluster nor printed: only key names.
#include <fmt/format.h>

#include <map>
#include <set>

#include "preflight/checks/checks.h"
#include "preflight/checks/required_values.h"

namespace taskmaster::preflight {

namespace {

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

CheckResult checkSecrets(const Facts& f) {
  constexpr const char* kName = "secrets";
  if (!f.chart.rendered) {
    if (auto message = missingSecretValue(f.chart.error))
      return fail(kName, "a secret value is missing: " + *message,
                  "pass it with --set or -f from a file kept out of git, or point "
                  "secrets.existingSecret at a Secret you created");
    return skip(kName, "needs the rendered chart (see chart)");
  }
  const ChartNeeds& needs = f.chart.needs;
  const std::string& ns = needs.namespace_;

  // Secret name -> keys the pods read (empty: the whole Secret).
  std::map<std::string, std::set<std::string>> wanted;
  std::map<std::string, std::string> user;
  for (const auto& ref : needs.secret_refs) {
    if (ref.optional) continue;
    auto& keys = wanted[ref.secret];
    if (!ref.key.empty()) keys.insert(ref.key);
    user.emplace(ref.secret, ref.user);
  }
  if (!wanted.empty()) {
    if (auto s = needsCluster(kName, f)) return *s;
    std::vector<std::string> problems;
    std::string remedy;
    for (const auto& [name, keys] : wanted) {
      auto it = f.cluster.secrets.find(name);
      if (f.cluster.target_namespace.not_found || it == f.cluster.secrets.end() ||
          it->second.not_found) {
        problems.push_back(fmt::format("Secret {} (used by {}) does not exist in namespace {}",
                                       name, user[name], ns));
        std::string literals;
        for (const auto& k : keys) literals += " --from-literal=" + k + "=...";
        remedy = fmt::format(
            "kubectl create namespace {0} (if needed); kubectl create secret "
            "generic {1} -n {0}{2}",
            ns, name, literals);
        continue;
      }
      if (!it->second.error.empty()) {
        problems.push_back("cannot read Secret " + name + ": " + it->second.error);
        continue;
      }
      std::set<std::string> have(it->second.keys.begin(), it->second.keys.end()), absent;
      for (const auto& k : keys)
        if (!have.count(k)) absent.insert(k);
      if (!absent.empty()) {
        problems.push_back(fmt::format("Secret {} in namespace {} has no key {} (used by {})", name,
                                       ns, join(absent), user[name]));
        remedy = fmt::format(
            "add the key: kubectl patch secret {} -n {} --type merge -p "
            "'{{\"stringData\":{{\"{}\":\"...\"}}}}'",
            name, ns, *absent.begin());
      }
    }
    if (!problems.empty()) {
      std::string message;
      for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
      return fail(kName, message, remedy);
    }
  }
  if (!needs.placeholder_secrets.empty()) {
    std::string list;
    for (const auto& p : needs.placeholder_secrets) list += (list.empty() ? "" : "; ") + p;
    return warn(kName, "placeholders instead of secret values in " + list,
                "pass the real values with --set or -f from a file kept out of git");
  }
  std::string message;
  if (!needs.rendered_secrets.empty())
    message =
        fmt::format("the chart creates {} Secret{} with every required value",
                    needs.rendered_secrets.size(), needs.rendered_secrets.size() == 1 ? "" : "s");
  if (!wanted.empty()) {
    std::set<std::string> names;
    for (const auto& [name, keys] : wanted) names.insert(name);
    message += (message.empty() ? "" : "; ") +
               ("existing Secret " + join(names) + " has every key the pods read");
  }
  return pass(kName, message.empty() ? "no Secrets needed" : message);
}

}  // namespace taskmaster::preflight
