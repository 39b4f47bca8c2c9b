#include "lint/edit_distance.h"

#include <catch2/catch.hpp>

using taskmaster::lint::closestMatch;
using taskmaster::lint::editDistance;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[lint]") {
  CHECK(editDistance("", "") == 0);
  CHECK(editDistance("abc", "") == 3);
  CHECK(editDistance("kitten", "sitting") == 3);
  CHECK(editDistance("cpu-limit-missing", "cpu-limits-missing") == 1);
}

TEST_CASE("closest match suggests only plausible typos", "[lint]") {
  std::vector<std::string_view> names = {"cpu-limits-missing", "cpu-requests-missing"};
  CHECK(closestMatch("cpu-limit-missing", names) == "cpu-limits-missing");
  CHECK(closestMatch("cpu-requets-missing", names) == "cpu-requests-missing");
  CHECK(closestMatch("memory", names) == std::nullopt);
  CHECK(closestMatch("x", {"y"}) == "y");
}
