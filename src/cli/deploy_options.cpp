#include "cli/deploy_options.h"

#include "cli/bundled_chart.h"
#include "cli/chart_options.h"
#include "cli/cluster_options.h"
#include "common/error.h"
#include "deploy/duration.h"
#include "render/chart_renderer.h"
#include "sys/environment.h"

namespace taskmaster::cli {

namespace {

void addCommonOptions(CLI::App* cmd, DeployCommandOptions& o) {
  addClusterOptions(cmd, o.request.target);
  cmd->add_option("--timeout", o.timeout,
                  "How long Helm waits for the release (Go duration: 5m, 90s, 1m30s)")
      ->capture_default_str();
  cmd->add_flag("--dry-run", o.request.dry_run,
                "Check and plan only: print the Helm and kubectl commands without running them");
  cmd->add_option("-o,--output", o.output,
                  "text, or json: the result of each step as JSON on stdout (steps on stderr)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

}  // namespace

void addInstallLikeOptions(CLI::App* cmd, DeployCommandOptions& o) {
  cmd->add_option("chart", o.chart, "Chart to deploy (default: the bundled TaskMaster chart)");
  o.request.render.release_name = kDefaultRelease;
  addChartOptions(cmd, o.request.render);
  addCommonOptions(cmd, o);
  cmd->add_flag("--skip-preflight", o.request.skip_preflight,
                "Do not check Docker Desktop, its Kubernetes and the images first (not advised)");
  cmd->add_flag("--skip-lint", o.request.skip_lint,
                "Do not stop on lint errors in the rendered chart (not advised)");
  cmd->add_flag("--allow-remote-context", o.request.allow_remote_context,
                "Preflight: accept a kube context whose server is not this machine");
  cmd->add_option("--preflight-ignore", o.preflight_ignore,
                  "Preflight: report these failed checks as warnings (NAME,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--profile", o.request.profile,
                  "Lint rule profile: local (default) or production")
      ->check(CLI::IsMember({"local", "production"}));
  cmd->add_option(
      "--config", o.request.config_file,
      "Lint config file (default: the nearest .helm-taskmaster.yaml from the chart up)");
}

void addReleaseOptions(CLI::App* cmd, DeployCommandOptions& o) {
  render::RenderOptions& render = o.request.render;
  render.release_name = kDefaultRelease;
  render.namespace_ = sys::envOr("HELM_NAMESPACE", render.namespace_);
  cmd->add_option("--release-name", render.release_name, "Release name")->capture_default_str();
  cmd->add_option("-n,--namespace", render.namespace_,
                  "Namespace (default: $HELM_NAMESPACE, which Helm sets from -n)");
  addCommonOptions(cmd, o);
}

void addYesOption(CLI::App* cmd, DeployCommandOptions& o) {
  cmd->add_flag("-y,--yes", o.request.yes,
                "Do not ask for confirmation (needed without a terminal)");
}

deploy::DeployRequest resolveRequest(DeployCommandOptions& o, bool needs_chart) {
  deploy::DeployRequest request = o.request;
  if (needs_chart) {
    request.chart = o.chart.empty() ? bundledChart() : std::filesystem::path(o.chart);
    if (!render::isChartDirectory(request.chart) && !render::isPackagedChart(request.chart))
      throw InputError(request.chart.string() +
                       ": not a chart (a directory with Chart.yaml, or a packaged .tgz)");
  }
  request.namespace_note = resolveReleaseNamespace(request.render);
  auto timeout = deploy::parseDuration(o.timeout);
  if (!timeout)
    throw InputError("--timeout \"" + o.timeout +
                     "\": expected a duration such as 5m, 90s or 1m30s");
  request.timeout = *timeout;
  request.json_output = o.output == "json";
  request.preflight_ignore =
      std::set<std::string>(o.preflight_ignore.begin(), o.preflight_ignore.end());
  if (request.render.release_name.empty()) throw InputError("--release-name must not be empty");
  return request;
}

}  // namespace taskmaster::cli
