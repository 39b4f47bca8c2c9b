#include "deploy/helm_commands.h"

#include "deploy/duration.h"

namespace taskmaster::deploy {

HelmCommands::HelmCommands(std::filesystem::path binary, render::HelmVersion version,
                           std::string release, std::string namespace_, std::string kube_context)
    : binary_(std::move(binary)),
      version_(std::move(version)),
      release_(std::move(release)),
      namespace__(std::move(namespace_)),
      kube_context_(std::move(kube_context)) {}

std::string HelmCommands::rollbackFlag() const {
  return version_.major >= 4 ? "--rollback-on-failure" : "--atomic";
}

Argv HelmCommands::command(std::initializer_list<std::string> words) const {
  Argv argv = {binary_.string()};
  argv.insert(argv.end(), words);
  argv.insert(argv.end(), {"--namespace", namespace__});
  if (!kube_context_.empty()) argv.insert(argv.end(), {"--kube-context", kube_context_});
  return argv;
}

Argv HelmCommands::upgradeInstall(const std::filesystem::path& chart, const Argv& values_args,
                                  std::chrono::seconds timeout) const {
  Argv argv = command({"upgrade", "--install", release_, chart.string()});
  argv.insert(argv.end(), {"--create-namespace", "--wait", "--timeout", formatDuration(timeout),
                           rollbackFlag()});
  argv.insert(argv.end(), values_args.begin(), values_args.end());
  return argv;
}

Argv HelmCommands::test(std::chrono::seconds timeout) const {
  Argv argv = command({"test", release_});
  argv.insert(argv.end(), {"--timeout", formatDuration(timeout)});
  return argv;
}

Argv HelmCommands::uninstall(std::chrono::seconds timeout) const {
  Argv argv = command({"uninstall", release_});
  argv.insert(argv.end(), {"--wait", "--timeout", formatDuration(timeout)});
  return argv;
}

Argv HelmCommands::history() const {
  Argv argv = command({"history", release_});
  argv.insert(argv.end(), {"--max", "20", "-o", "json"});
  return argv;
}

Argv HelmCommands::historyForPeople() const {
  return command({"history", release_});
}

Argv HelmCommands::getManifest() const {
  return command({"get", "manifest", release_});
}

Argv HelmCommands::getNotes() const {
  return command({"get", "notes", release_});
}

Argv HelmCommands::rollback(int revision) const {
  return command({"rollback", release_, std::to_string(revision)});
}

Argv HelmCommands::listReleases() const {
  Argv argv = command({"list"});
  argv.insert(argv.end(), {"--all", "-o", "json"});
  return argv;
}

}  // namespace taskmaster::deploy
