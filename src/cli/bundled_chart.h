// The TaskMaster chart that ships with the plugin, used when a command that
// deploys is given no chart.
#pragma once

#include <filesystem>

namespace taskmaster::cli {

// $HELM_PLUGIN_DIR/charts/taskmaster (Helm sets it for plugins), else
// charts/taskmaster beside the directory of this binary (bin/ of an
// installed plugin, build/ of a source tree). InputError when neither exists.
std::filesystem::path bundledChart();

}  // namespace taskmaster::cli
