#include "deploy/deploy_target.h"

namespace taskmaster::deploy {

namespace fs = std::filesystem;

NamespaceChoice chooseNamespace(const std::optional<std::string>& given,
                                const std::string& helm_namespace) {
  if (given && !given->empty()) return {*given, {}};
  if (!helm_namespace.empty() && helm_namespace != "default") return {helm_namespace, {}};
  return {
      kDefaultNamespace,
      "namespace \"taskmaster\" instead of Helm's default \"default\" (choose another with -n)"};
}

std::optional<fs::path> bundledChart(const std::string& plugin_dir, const fs::path& executable) {
  std::error_code ec;
  std::vector<fs::path> candidates;
  if (!plugin_dir.empty()) candidates.push_back(fs::path(plugin_dir) / "charts/taskmaster");
  if (!executable.empty())
    candidates.push_back(executable.parent_path().parent_path() / "charts/taskmaster");
  for (const fs::path& c : candidates)
    if (fs::is_regular_file(c / "Chart.yaml", ec)) return c.lexically_normal();
  return std::nullopt;
}

fs::path currentExecutable() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self;
}

}  // namespace taskmaster::deploy
