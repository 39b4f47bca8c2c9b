// chart: Helm renders the chart with the given values. A render that fails
// for a missing required value is the secrets check's to report when the
// value is a secret; every other Helm error is reported here.
#include <fmt/format.h>

#include "preflight/checks/checks.h"
#include "preflight/checks/required_values.h"

namespace taskmaster::preflight {

CheckResult checkChart(const Facts& f) {
  constexpr const char* kName = "chart";
  if (f.helm.binary.empty() || !f.helm.version) return skip(kName, "needs Helm (see helm)");
  if (!f.chart.rendered) {
    if (missingSecretValue(f.chart.error))
      return skip(kName, "needs the secret values first (see secrets)");
    return fail(kName, "Helm cannot render the chart: " + f.chart.error,
                "fix the values (-f, --set) or the chart; `helm template` shows the same error");
  }
  return pass(kName, fmt::format("{} objects rendered for namespace {}", f.chart.needs.objects,
                                 f.chart.needs.namespace_));
}

}  // namespace taskmaster::preflight
