// Small pieces of the deploy commands: durations as Helm spells them, shell
// quoting of printed commands, Helm's argv per version, release history,
// confirmation without a terminal, lint delta.
#include <catch2/catch.hpp>
#include <sstream>

#include "deploy/command_text.h"
#include "deploy/confirm.h"
#include "deploy/duration.h"
#include "deploy/helm_commands.h"
#include "deploy/lint_delta.h"
#include "deploy/release_history.h"

using namespace taskmaster;
using namespace std::chrono_literals;

TEST_CASE("durations: Go's spelling in and out", "[deploy]") {
  CHECK(deploy::parseDuration("5m") == 300s);
  CHECK(deploy::parseDuration("90s") == 90s);
  CHECK(deploy::parseDuration("1m30s") == 90s);
  CHECK(deploy::parseDuration("1h2m3s") == 3723s);
  CHECK(deploy::parseDuration("20") == 20s);
  for (const char* bad : {"", "0", "0s", "5x", "m", "5m5", "3s2m", "1.5m", "-1s", "5mm"})
    CHECK_FALSE(deploy::parseDuration(bad));
  CHECK(deploy::formatDuration(300s) == "5m0s");
  CHECK(deploy::formatDuration(20s) == "20s");
  CHECK(deploy::formatDuration(3723s) == "1h2m3s");
}

TEST_CASE("printed commands paste into a shell", "[deploy]") {
  CHECK(deploy::commandLine({"helm", "upgrade", "--set", "a=b,c=d", "x y", "it's", ""}) ==
        "helm upgrade --set a=b,c=d 'x y' 'it'\\''s' ''");
}

TEST_CASE("Helm argv: the rollback flag of each major version", "[deploy]") {
  render::HelmVersion v3{3, 17, 2, "v3.17.2"}, v4{4, 1, 4, "v4.1.4"};
  deploy::HelmCommands helm3("/bin/helm", v3, "tm", "taskmaster", "");
  deploy::HelmCommands helm4("/bin/helm", v4, "tm", "taskmaster", "docker-desktop");
  CHECK(helm3.upgradeInstall("/c", {"--values", "v.yaml"}, 20s) ==
        deploy::Argv{"/bin/helm", "upgrade", "--install", "tm", "/c", "--namespace", "taskmaster",
                     "--create-namespace", "--wait", "--timeout", "20s", "--atomic", "--values",
                     "v.yaml"});
  CHECK(helm4.upgradeInstall("/c", {}, 300s) ==
        deploy::Argv{"/bin/helm", "upgrade", "--install", "tm", "/c", "--namespace", "taskmaster",
                     "--kube-context", "docker-desktop", "--create-namespace", "--wait",
                     "--timeout", "5m0s", "--rollback-on-failure"});
  CHECK(helm4.test(60s) == deploy::Argv{"/bin/helm", "test", "tm", "--namespace", "taskmaster",
                                        "--kube-context", "docker-desktop", "--timeout", "1m0s"});
  CHECK(helm3.rollback(2) ==
        deploy::Argv{"/bin/helm", "rollback", "tm", "2", "--namespace", "taskmaster"});
  CHECK(helm3.history() == deploy::Argv{"/bin/helm", "history", "tm", "--namespace", "taskmaster",
                                        "--max", "20", "-o", "json"});
}

TEST_CASE("release history from helm history -o json", "[deploy]") {
  auto h = deploy::parseHistory(
      R"([{"revision":2,"status":"failed","chart":"tm-0.2.0","app_version":"1","description":"Upgrade failed"},
          {"revision":1,"status":"deployed","chart":"tm-0.1.0","app_version":"1","description":"Install complete"}])");
  REQUIRE(h);
  CHECK(h->latest()->number == 2);
  CHECK(h->lastDeployed()->number == 1);
  CHECK_FALSE(h->stuck());
  auto pending = deploy::parseHistory(R"([{"revision":1,"status":"pending-install"}])");
  REQUIRE(pending);
  CHECK(pending->stuck());
  CHECK(pending->lastDeployed() == nullptr);
  CHECK_FALSE(deploy::parseHistory("Error: nope"));
  CHECK_FALSE(deploy::parseHistory(R"([{"status":"deployed"}])"));
  CHECK(deploy::isReleaseNotFound("Error: release: not found\n"));
}

TEST_CASE("confirmation: never waits without a terminal", "[deploy]") {
  std::ostringstream prompt;
  std::istringstream yes("y\n"), no("nope\n"), nothing("");
  CHECK(deploy::confirm("Go?", true, false, nothing, prompt) == deploy::Confirmation::Yes);
  CHECK(deploy::confirm("Go?", false, false, yes, prompt) == deploy::Confirmation::NoTerminal);
  CHECK(prompt.str().empty());
  CHECK(deploy::confirm("Go?", false, true, yes, prompt) == deploy::Confirmation::Yes);
  CHECK(prompt.str() == "Go? [y/N] ");
  CHECK(deploy::confirm("Go?", false, true, no, prompt) == deploy::Confirmation::No);
  CHECK(deploy::confirm("Go?", false, true, nothing, prompt) == deploy::Confirmation::No);
}

TEST_CASE("lint delta: findings new since the release, each old one matched once", "[deploy]") {
  auto finding = [](std::string rule, std::string name, std::string ns, std::string message) {
    lint::Finding f;
    f.rule = std::move(rule);
    f.resource = {"apps/v1", "Deployment", std::move(name), std::move(ns)};
    f.message = std::move(message);
    return f;
  };
  std::vector<lint::Finding> live = {finding("a", "x", "", "m"), finding("b", "x", "", "m")};
  std::vector<lint::Finding> next = {finding("a", "x", "demo", "m"), finding("a", "x", "", "m"),
                                     finding("c", "y", "", "m"), finding("b", "x", "", "other")};
  auto fresh = deploy::newFindings(live, next, "demo");
  REQUIRE(fresh.size() == 3);
  CHECK(fresh[0].rule == "a");  // the second one: the old finding matched the first
  CHECK(fresh[1].rule == "c");
  CHECK(fresh[2].message == "other");
}
