// What one run of install, upgrade or uninstall shares between its steps:
// the request, the Helm and kubectl it drives, the step log, what must
// never be printed, the commands it runs (for --dry-run and -o json) and
// the result document.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "deploy/deploy_request.h"
#include "deploy/helm_commands.h"
#include "deploy/redactor.h"
#include "deploy/secret_masker.h"
#include "deploy/step_log.h"
#include "kube/kubectl.h"
#include "render/helm_client.h"
#include "sys/process.h"

namespace taskmaster::deploy {

class Session {
 public:
  // Finds Helm (and its version) and kubectl; InputError (exit 2) when Helm
  // is missing or too old, or kubectl is missing for a run that needs it.
  Session(std::string command, DeployRequest request);

  const DeployRequest& request() const { return request_; }
  const std::string& command() const { return command_; }
  const std::string& release() const { return request_.render.release_name; }
  const std::string& namespace_() const { return request_.render.namespace_; }
  StepLog& log() { return *log_; }
  const StepLog& log() const { return *log_; }
  const render::HelmClient& helmClient() const { return helm_client_; }
  const HelmCommands& helm() const { return *helm_; }
  const kube::Kubectl& kubectl() const { return *kubectl_; }

  // Secret masking follows the lint rules in use once the lint gate has
  // loaded them (their config may tune the patterns); builtin until then.
  void useCatalogue(const lint::Catalogue& catalogue);
  const SecretMasker& masker() const { return *masker_; }
  Redactor& redactor() { return redactor_; }
  const Redactor& redactor() const { return redactor_; }

  // A command as it may be printed (secret values hidden).
  std::string shown(const Argv& argv) const;
  // Records a command the run executes (or, with --dry-run, would execute).
  void plan(const Argv& argv);
  // Options for running Helm or kubectl against the request's cluster.
  sys::ProcessOptions processOptions(std::chrono::milliseconds timeout) const;
  // Runs a command that changes nothing, or one the run has planned.
  sys::ProcessResult run(const Argv& argv, std::chrono::milliseconds timeout) const;

  nlohmann::ordered_json& planJson() { return plan_json_; }
  nlohmann::ordered_json& resultJson() { return result_json_; }

  // Ends the run: a last line for people, the JSON result with -o json.
  int finish(int exit_code, const std::string& summary);

 private:
  std::string command_;
  DeployRequest request_;
  std::unique_ptr<StepLog> log_;
  render::HelmClient helm_client_;
  std::optional<HelmCommands> helm_;
  std::optional<kube::Kubectl> kubectl_;
  std::unique_ptr<SecretMasker> masker_;
  Redactor redactor_;
  std::vector<std::string> commands_;
  nlohmann::ordered_json plan_json_ = nlohmann::ordered_json::object();
  nlohmann::ordered_json result_json_ = nlohmann::ordered_json::object();
};

}  // namespace taskmaster::deploy
