#include "kube/kubectl.h"

#include "sys/environment.h"

namespace taskmaster::kube {

KubeTarget kubeTargetFromEnvironment() {
  return {sys::envOr("KUBECONFIG"), sys::envOr("HELM_KUBECONTEXT")};
}

std::optional<Kubectl> Kubectl::locate(KubeTarget target) {
  auto found = sys::findInPath(sys::envOr("KUBECTL_BIN", "kubectl"));
  if (!found) return std::nullopt;
  return Kubectl(*found, std::move(target));
}

std::vector<std::string> Kubectl::argv(const std::vector<std::string>& args) const {
  std::vector<std::string> out = {binary_.string()};
  // KUBECONFIG may list several files; kubectl merges them when it reads the
  // variable itself, but --kubeconfig takes one file only.
  if (!target_.kubeconfig.empty() && target_.kubeconfig.find(':') == std::string::npos)
    out.insert(out.end(), {"--kubeconfig", target_.kubeconfig});
  if (!target_.context.empty()) out.insert(out.end(), {"--context", target_.context});
  out.insert(out.end(), args.begin(), args.end());
  return out;
}

sys::ProcessResult Kubectl::run(const std::vector<std::string>& args,
                                std::chrono::milliseconds timeout) const {
  sys::ProcessOptions options = sys::withTimeout(timeout);
  if (target_.kubeconfig.find(':') != std::string::npos)
    options.env["KUBECONFIG"] = target_.kubeconfig;
  return sys::runProcess(argv(args), options);
}

Kubectl::JsonResult Kubectl::getJson(const std::vector<std::string>& args,
                                     std::chrono::milliseconds timeout) const {
  std::vector<std::string> full = args;
  full.insert(full.end(), {"-o", "json"});
  sys::ProcessResult r = run(full, timeout);
  JsonResult out;
  if (!r.ok()) {
    out.error = kubectlErrorLine(r);
    out.not_found = r.err.find("(NotFound)") != std::string::npos;
    return out;
  }
  try {
    out.value = nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception&) {
    out.error = "kubectl printed something other than JSON";
  }
  return out;
}

std::string kubectlErrorLine(const sys::ProcessResult& r) {
  if (r.not_found) return "kubectl could not be started";
  if (r.timed_out) return "kubectl timed out";
  // The last non-empty line is the error; earlier lines are client-go retries
  // ("E1122 ... memcache.go ... couldn't get current server API group list").
  size_t end = r.err.find_last_not_of(" \n\r\t");
  if (end == std::string::npos)
    return r.exit_code < 0 ? "kubectl was killed" : "kubectl failed without a message";
  size_t begin = r.err.rfind('\n', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  std::string line = r.err.substr(begin, end + 1 - begin);
  if (line.rfind("error: ", 0) == 0) line = line.substr(7);
  return line;
}

}  // namespace taskmaster::kube
