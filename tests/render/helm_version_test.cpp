#include <catch2/catch.hpp>

#include "render/helm_client.h"

using taskmaster::render::parseHelmVersion;

TEST_CASE("Helm versions as `helm version --template` prints them", "[render][helm]") {
  auto v3 = parseHelmVersion("v3.17.2\n");
  REQUIRE(v3);
  CHECK(v3->major == 3);
  CHECK(v3->minor == 17);
  CHECK(v3->patch == 2);
  CHECK(v3->text == "v3.17.2");
  CHECK(v3->atLeast(3, 8));
  CHECK_FALSE(v3->atLeast(4, 0));

  auto v4 = parseHelmVersion("v4.1.4+g1234abc");
  REQUIRE(v4);
  CHECK(v4->major == 4);
  CHECK(v4->atLeast(3, 8));

  CHECK_FALSE(parseHelmVersion(""));
  CHECK_FALSE(parseHelmVersion("version.BuildInfo{}"));
  CHECK_FALSE(parseHelmVersion("v3.x"));
}
