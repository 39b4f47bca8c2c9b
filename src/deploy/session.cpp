#include "deploy/session.h"

#include <iostream>

#include "common/error.h"
#include "deploy/command_text.h"
#include "sys/terminal.h"

namespace taskmaster::deploy {

namespace {

std::unique_ptr<StepLog> makeLog(bool json_output) {
  // With -o json stdout carries the result alone; people read stderr.
  if (json_output) return std::make_unique<StepLog>(std::cerr, sys::stderrIsInteractive(), false);
  return std::make_unique<StepLog>(std::cout, sys::stdoutIsInteractive(), sys::stdoutWantsColor());
}

render::HelmVersion helmVersionOf(const render::HelmClient& helm) {
  std::string text = helm.version();
  auto version = render::parseHelmVersion(text);
  if (!version)
    throw InputError(helm.binary().string() + ": cannot tell the Helm version from \"" + text +
                     "\"");
  if (version->major < 3)
    throw InputError(helm.binary().string() + ": Helm " + version->text +
                     " is not supported; install Helm 3 or 4");
  return *version;
}

}  // namespace

Session::Session(std::string command, DeployRequest request)
    : command_(std::move(command)),
      request_(std::move(request)),
      log_(makeLog(request_.json_output)),
      helm_client_(render::HelmClient::locate()),
      masker_(std::make_unique<SecretMasker>(lint::Catalogue::builtin())) {
  helm_.emplace(helm_client_.binary(), helmVersionOf(helm_client_), release(), namespace_(),
                request_.target.context);
  kubectl_ = kube::Kubectl::locate(request_.target);
  if (!kubectl_) {
    // A dry run only prints kubectl commands; a real run needs kubectl to verify.
    if (!request_.dry_run)
      throw InputError(
          "kubectl not found: put kubectl on PATH or set KUBECTL_BIN (it verifies the rollout)");
    kubectl_.emplace("kubectl", request_.target);
  }
}

void Session::useCatalogue(const lint::Catalogue& catalogue) {
  masker_ = std::make_unique<SecretMasker>(catalogue);
}

std::string Session::shown(const Argv& argv) const {
  return commandLine(maskCommand(argv, *masker_, redactor_));
}

void Session::plan(const Argv& argv) {
  commands_.push_back(shown(argv));
}

sys::ProcessOptions Session::processOptions(std::chrono::milliseconds timeout) const {
  sys::ProcessOptions options = sys::withTimeout(timeout);
  // Helm reads the kubeconfig from the environment only (kubectl also gets
  // --kubeconfig, except for a list of files: kube/kubectl.h).
  if (!request_.target.kubeconfig.empty()) options.env["KUBECONFIG"] = request_.target.kubeconfig;
  return options;
}

sys::ProcessResult Session::run(const Argv& argv, std::chrono::milliseconds timeout) const {
  return sys::runProcess(argv, processOptions(timeout));
}

int Session::finish(int exit_code, const std::string& summary) {
  if (!summary.empty()) log_->line("helm taskmaster " + command_ + ": " + summary);
  if (!request_.json_output) return exit_code;
  nlohmann::ordered_json doc;
  doc["command"] = command_;
  doc["release"] = release();
  doc["namespace"] = namespace_();
  doc["dryRun"] = request_.dry_run;
  doc["steps"] = nlohmann::ordered_json::array();
  for (const StepRecord& s : log_->records()) {
    doc["steps"].push_back(
        {{"name", s.name},
         {"status", stepStatusName(s.status)},
         {"elapsedSeconds",
          static_cast<double>(static_cast<long long>(s.elapsed_seconds * 1000)) / 1000},
         {"detail", s.detail}});
  }
  plan_json_["commands"] = commands_;
  doc["plan"] = plan_json_;
  for (auto& [key, value] : result_json_.items()) doc[key] = value;
  doc["exitCode"] = exit_code;
  std::cout << doc.dump(2) << '\n' << std::flush;
  return exit_code;
}

}  // namespace taskmaster::deploy
