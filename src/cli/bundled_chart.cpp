#include "cli/bundled_chart.h"

#include <system_error>

#include "common/error.h"
#include "sys/environment.h"

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace taskmaster::cli {

namespace fs = std::filesystem;

namespace {

fs::path executablePath() {
#if defined(__APPLE__)
  char buffer[4096];
  uint32_t size = sizeof buffer;
  if (_NSGetExecutablePath(buffer, &size) == 0) return fs::weakly_canonical(buffer);
  return {};
#else
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p;
#endif
}

bool isChart(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "Chart.yaml", ec);
}

}  // namespace

fs::path bundledChart() {
  std::string plugin_dir = sys::envOr("HELM_PLUGIN_DIR");
  if (!plugin_dir.empty() && isChart(fs::path(plugin_dir) / "charts" / "taskmaster"))
    return fs::path(plugin_dir) / "charts" / "taskmaster";
  fs::path exe = executablePath();
  if (!exe.empty()) {
    fs::path candidate = exe.parent_path().parent_path() / "charts" / "taskmaster";
    if (isChart(candidate)) return candidate;
  }
  throw InputError("no chart given and the bundled charts/taskmaster was not found; pass CHART");
}

}  // namespace taskmaster::cli
