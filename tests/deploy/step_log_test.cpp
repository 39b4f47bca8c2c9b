// Step lines: plain words in a pipe, marks on a terminal, details indented.
#include "deploy/step_log.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace taskmaster;

TEST_CASE("step log: one plain line per step in a pipe", "[deploy]") {
  std::ostringstream out;
  deploy::StepLog log(out, false, false);
  log.start("lint");
  log.live("never shown in a pipe");
  log.finish(deploy::StepStatus::Ok, "0 errors");
  log.details({"a detail"});
  log.record("preflight", deploy::StepStatus::Skipped, "--skip-preflight");
  std::string text = out.str();
  CHECK(text.find("never shown") == std::string::npos);
  CHECK(text ==
        "ok          lint            0.0s  0 errors\n"
        "    a detail\n"
        "skipped     preflight             --skip-preflight\n");
  REQUIRE(log.records().size() == 2);
  CHECK(log.records()[0].name == "lint");
  CHECK(deploy::stepStatusName(log.records()[1].status) == std::string("skipped"));
}

TEST_CASE("step log: a live line on a terminal, replaced by the result", "[deploy]") {
  std::ostringstream out;
  deploy::StepLog log(out, true, true);
  log.start("helm");
  log.live("1/2 pods ready");
  log.finish(deploy::StepStatus::Failed, "timed out");
  std::string text = out.str();
  CHECK(text.find("1/2 pods ready") != std::string::npos);
  CHECK(text.find("\r\x1b[2K\x1b[31m\u2717\x1b[0m helm") != std::string::npos);
}
