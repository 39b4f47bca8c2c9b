#include "support/test_paths.h"

#include <cstdlib>

namespace taskmaster::test {

namespace fs = std::filesystem;

fs::path sourceDir() {
  return TASKMASTER_SOURCE_DIR;
}
fs::path testdata(const std::string& relative) {
  return sourceDir() / "testdata" / relative;
}
fs::path pluginBinary() {
  return TASKMASTER_BINARY;
}

std::optional<fs::path> helmBinary(int major) {
  const char* env = std::getenv(major == 3 ? "HELM3_BIN" : "HELM4_BIN");
  fs::path p = env ? fs::path(env)
                   : sourceDir() / ".cache/tools" / ("helm" + std::to_string(major)) / "helm";
  if (fs::exists(p)) return p;
  return std::nullopt;
}

std::optional<fs::path> sharedDir() {
  const char* env = std::getenv("TASKMASTER_SHARED_DIR");
  fs::path p = env ? fs::path(env) : sourceDir().parent_path() / "shared";
  if (fs::exists(p / "real-charts")) return p;
  return std::nullopt;
}

}  // namespace taskmaster::test
