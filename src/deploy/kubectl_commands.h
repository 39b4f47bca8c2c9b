// The kubectl arguments the deploy commands use (Kubectl::argv adds the
// binary, --kubeconfig and --context), in one place so --dry-run lists the
// very commands a real run executes.
#pragma once

#include <string>
#include <vector>

namespace taskmaster::deploy::kubectl_args {

using Args = std::vector<std::string>;

// Deployments, StatefulSets and pods of the namespace, -o json (one call per poll).
Args workloadSnapshot(const std::string& ns);
Args services(const std::string& ns);                           // -o json
Args podEvents(const std::string& ns, const std::string& pod);  // -o json
Args logs(const std::string& ns, const std::string& pod, const std::string& container,
          bool previous, int tail);
Args describePod(const std::string& ns, const std::string& pod);
Args claims(const std::string& ns);  // PersistentVolumeClaims, -o json
Args deleteClaims(const std::string& ns, const std::vector<std::string>& names);
Args deleteNamespace(const std::string& ns);

}  // namespace taskmaster::deploy::kubectl_args
