#include "cli/preflight_command.h"

#include <iostream>

#include "cli/bundled_chart.h"
#include "cli/chart_options.h"
#include "cli/cluster_options.h"
#include "preflight/preflight_output.h"
#include "sys/terminal.h"

namespace taskmaster::cli {

CLI::App* addPreflightCommand(CLI::App& app, PreflightCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "preflight", "Check Docker Desktop, its Kubernetes and the images before installing");
  cmd->add_option("chart", o.chart, "Chart to check for (default: the bundled TaskMaster chart)");
  o.preflight.render.release_name = kDefaultRelease;
  addChartOptions(cmd, o.preflight.render);
  addClusterOptions(cmd, o.preflight.target);
  cmd->add_flag("--allow-remote-context", o.preflight.allow_remote_context,
                "Accept a kube context whose server is not this machine");
  cmd->add_option("--ignore", o.ignore, "Report these failed checks as warnings (NAME,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("-o,--output", o.output, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--timeout", o.timeout_seconds, "Seconds each check may take")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return cmd;
}

int runPreflightCommand(PreflightCommandOptions& o) {
  preflight::PreflightOptions& p = o.preflight;
  p.chart = o.chart.empty() ? bundledChart() : std::filesystem::path(o.chart);
  std::string note = resolveReleaseNamespace(p.render);
  if (!note.empty() && o.output == "text") std::cerr << "helm taskmaster: " << note << '\n';
  p.ignore = std::set<std::string>(o.ignore.begin(), o.ignore.end());
  p.check_timeout = std::chrono::seconds(o.timeout_seconds);
  p.render.timeout = std::chrono::seconds(std::max(o.timeout_seconds, 30));

  preflight::PreflightReport report = preflight::runPreflight(p);
  if (o.output == "json")
    std::cout << preflight::toJson(report).dump(2) << '\n';
  else
    preflight::writeText(report, std::cout, sys::stdoutWantsColor());
  return report.failed() ? kExitPreflightFailed : 0;
}

}  // namespace taskmaster::cli
