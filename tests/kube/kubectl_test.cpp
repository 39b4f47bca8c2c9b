#include <catch2/catch.hpp>

#include "kube/kubectl.h"

using taskmaster::kube::Kubectl;
using taskmaster::kube::KubeTarget;

TEST_CASE("kubectl argv carries Helm's kubeconfig and context", "[kube]") {
  Kubectl plain("/usr/bin/kubectl", KubeTarget{});
  CHECK(plain.argv({"get", "nodes"}) ==
        std::vector<std::string>{"/usr/bin/kubectl", "get", "nodes"});

  Kubectl targeted("/usr/bin/kubectl", KubeTarget{"/tmp/kc", "docker-desktop"});
  CHECK(targeted.argv({"version"}) == std::vector<std::string>{"/usr/bin/kubectl", "--kubeconfig",
                                                               "/tmp/kc", "--context",
                                                               "docker-desktop", "version"});

  // A KUBECONFIG list goes through the environment, not --kubeconfig.
  Kubectl merged("/usr/bin/kubectl", KubeTarget{"/a:/b", ""});
  CHECK(merged.argv({"version"}) == std::vector<std::string>{"/usr/bin/kubectl", "version"});
}

TEST_CASE("kubectl errors become one line", "[kube]") {
  taskmaster::sys::ProcessResult r;
  r.exit_code = 1;
  r.err =
      "E1122 03:00:00.000000   memcache.go:265] couldn't get current server API group list\n"
      "Error from server (NotFound): namespaces \"taskmaster\" not found\n";
  CHECK(taskmaster::kube::kubectlErrorLine(r) ==
        "Error from server (NotFound): namespaces \"taskmaster\" not found");
  r.err = "error: context \"nope\" does not exist\n";
  CHECK(taskmaster::kube::kubectlErrorLine(r) == "context \"nope\" does not exist");
  r.err.clear();
  r.timed_out = true;
  CHECK(taskmaster::kube::kubectlErrorLine(r) == "kubectl timed out");
}
