// The chart options every command that renders a chart takes, spelled as
// Helm spells them, so `lint`, `preflight` and `install` judge the same
// release the user is about to install.
#pragma once

#include <CLI/CLI.hpp>

#include "render/helm_client.h"

namespace taskmaster::cli {

// -f/--values, --set, --set-string, --set-file, --release-name, -n/--namespace,
// --kube-version, --api-versions. The defaults are what `options` holds when
// called; the namespace default is $HELM_NAMESPACE (Helm's -n) when set.
void addChartOptions(CLI::App* cmd, render::RenderOptions& options);

// The user gave values of their own (so ci/ values sets are not used).
bool userChoseValues(const render::RenderOptions& options);

}  // namespace taskmaster::cli
