// docs/rules.md is generated from the catalogue; this test fails when the
// committed file and `helm taskmaster rules --markdown` differ.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_paths.h"
#include "sys/process.h"
#include "sys/temp_dir.h"

namespace fs = std::filesystem;
using namespace taskmaster;

TEST_CASE("docs/rules.md is the catalogue's generated documentation", "[rules][docs]") {
  // Run away from any .helm-taskmaster.yaml, as the builtin catalogue only.
  sys::TempDir empty;
  sys::ProcessOptions o;
  o.cwd = empty.path();
  sys::ProcessResult r = sys::runProcess({test::pluginBinary().string(), "rules", "--markdown"}, o);
  REQUIRE(r.exit_code == 0);
  std::ifstream in(test::sourceDir() / "docs/rules.md", std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  INFO(
      "docs/rules.md is out of date: regenerate it with\n"
      "  build/helm-taskmaster rules --markdown > docs/rules.md\n"
      "(from the repository root, with the binary of your build directory)");
  CHECK(committed.str() == r.out);
  CHECK(r.out.find("### replicas-minimum") != std::string::npos);
  CHECK(r.out.find("## API versions") != std::string::npos);
}
