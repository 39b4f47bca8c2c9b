#include "deploy/kubectl_commands.h"

namespace taskmaster::deploy::kubectl_args {

Args workloadSnapshot(const std::string& ns) {
  return {"get", "deployments,statefulsets,pods", "--namespace", ns, "-o", "json"};
}

Args services(const std::string& ns) {
  return {"get", "services", "--namespace", ns, "-o", "json"};
}

Args podEvents(const std::string& ns, const std::string& pod) {
  return {"get",
          "events",
          "--namespace",
          ns,
          "--field-selector",
          "involvedObject.kind=Pod,involvedObject.name=" + pod,
          "-o",
          "json"};
}

Args logs(const std::string& ns, const std::string& pod, const std::string& container,
          bool previous, int tail) {
  Args args = {"logs",        pod,       "--namespace", ns,
               "--container", container, "--tail",      std::to_string(tail)};
  if (previous) args.push_back("--previous");
  return args;
}

Args describePod(const std::string& ns, const std::string& pod) {
  return {"describe", "pod", pod, "--namespace", ns};
}

Args claims(const std::string& ns) {
  return {"get", "persistentvolumeclaims", "--namespace", ns, "-o", "json"};
}

Args deleteClaims(const std::string& ns, const std::vector<std::string>& names) {
  Args args = {"delete", "persistentvolumeclaim"};
  args.insert(args.end(), names.begin(), names.end());
  args.insert(args.end(), {"--namespace", ns, "--ignore-not-found", "--wait=false"});
  return args;
}

Args deleteNamespace(const std::string& ns) {
  return {"delete", "namespace", ns, "--ignore-not-found", "--wait=false"};
}

}  // namespace taskmaster::deploy::kubectl_args
