// The deploy commands' usage errors: one line on stderr and exit 2, before
// anything talks to a cluster.
#include <catch2/catch.hpp>

#include "support/test_paths.h"
#include "sys/process.h"

using namespace taskmaster;

namespace {

sys::ProcessResult plugin(std::vector<std::string> args, const std::string& helm = {}) {
  args.insert(args.begin(), test::pluginBinary().string());
  sys::ProcessOptions o;
  o.env["HELM_BIN"] = helm.empty() ? std::optional<std::string>() : helm;
  o.env["KUBECONFIG"] = "/nonexistent/kubeconfig";
  return sys::runProcess(args, o);
}

}  // namespace

TEST_CASE("deploy commands: usage errors exit 2 with one line", "[deploy][cli]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"install", "--timeout", "5x"}, "--timeout \"5x\": expected a duration such as 5m, 90s"},
      {{"upgrade", "--timeout", "0s"}, "--timeout \"0s\""},
      {{"install", "/nonexistent/chart"}, "/nonexistent/chart: not a chart"},
      {{"uninstall", "--release-name", ""}, "--release-name must not be empty"},
      {{"install", "-o", "yaml"}, "yaml not in {text,json}"},
      {{"install", "--profile", "strict"}, "strict not in {local,production}"},
  };
  for (const auto& c : cases) {
    sys::ProcessResult r = plugin(c.args, helm->string());
    INFO(c.args[0] << " " << c.args[1] << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(r.out.empty());
  }
}

TEST_CASE("deploy commands: Helm missing is a usage error", "[deploy][cli]") {
  sys::ProcessResult r = plugin({"install", "--dry-run"}, "/nonexistent/helm");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "helm taskmaster: helm not found: HELM_BIN=/nonexistent/helm is not an executable\n");
}
