// Helm and the chart as Helm renders it for this release.
#include "common/error.h"
#include "manifest/manifest_input.h"
#include "preflight/probes.h"
#include "sys/process.h"

namespace taskmaster::preflight {

HelmFacts probeHelm() {
  HelmFacts facts;
  try {
    render::HelmClient helm = render::HelmClient::locate();
    facts.binary = helm.binary().string();
    std::string text = helm.version();
    facts.version = render::parseHelmVersion(text);
    if (!facts.version) facts.error = "helm printed an unknown version \"" + text + "\"";
  } catch (const InputError& e) {
    facts.error = e.what();
  }
  return facts;
}

ChartFacts probeChart(const HelmFacts& helm, const PreflightOptions& options) {
  ChartFacts facts;
  if (helm.binary.empty() || !helm.version) {
    facts.error = "Helm is needed to render the chart";
    return facts;
  }
  render::HelmClient client(helm.binary);
  sys::ProcessResult r = sys::runProcess(client.templateArgv(options.chart, options.render, false),
                                         sys::withTimeout(options.render.timeout));
  if (!r.ok()) {
    facts.error = r.timed_out ? "helm template timed out" : render::helmErrorLine(r.err);
    return facts;
  }
  try {
    auto stream = manifest::parseManifestText(std::move(r.out), options.chart.string());
    manifest::ResourceSet resources;
    resources.add(stream, std::make_shared<manifest::IdentitySourceMap>(options.chart.string()));
    facts.needs = chartNeeds(resources, options.render.namespace_);
    facts.rendered = true;
  } catch (const InputError& e) {
    facts.error = e.what();
  }
  return facts;
}

}  // namespace taskmaster::preflight
