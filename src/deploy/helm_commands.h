// The Helm command lines of install, upgrade and uninstall, for the Helm
// that runs them: Helm 4 renamed --atomic to --rollback-on-failure. Every
// command names the namespace and, when Helm was given one, the context.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "render/helm_client.h"

namespace taskmaster::deploy {

using Argv = std::vector<std::string>;

class HelmCommands {
 public:
  HelmCommands(std::filesystem::path binary, render::HelmVersion version, std::string release,
               std::string namespace_, std::string kube_context);

  const render::HelmVersion& version() const { return version_; }
  const std::string& release() const { return release_; }
  const std::string& namespace_() const { return namespace__; }

  // "--rollback-on-failure" on Helm 4, "--atomic" on Helm 3.
  std::string rollbackFlag() const;

  // helm upgrade --install REL CHART --namespace NS --create-namespace --wait
  //   --timeout T <rollback flag> <values args>
  Argv upgradeInstall(const std::filesystem::path& chart, const Argv& values_args,
                      std::chrono::seconds timeout) const;
  Argv test(std::chrono::seconds timeout) const;
  Argv uninstall(std::chrono::seconds timeout) const;
  Argv history() const;           // -o json, for us
  Argv historyForPeople() const;  // the table, for the user to run
  Argv getManifest() const;
  Argv getNotes() const;
  Argv rollback(int revision) const;
  Argv listReleases() const;  // the namespace's releases, -o json

 private:
  Argv command(std::initializer_list<std::string> words) const;

  std::filesystem::path binary_;
  render::HelmVersion version_;
  std::string release_, namespace__, kube_context_;
};

}  // namespace taskmaster::deploy
