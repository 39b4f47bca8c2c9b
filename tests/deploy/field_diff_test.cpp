// Field-level differences: lists matched by name or position, absent-like
// values, paths a user can read, values summarised without their contents.
#include "deploy/field_diff.h"

#include <catch2/catch.hpp>

#include "yaml/parser.h"

using namespace taskmaster;

namespace {

std::vector<std::string> diff(const std::string& a, const std::string& b) {
  auto sa = yaml::parse(a), sb = yaml::parse(b);
  std::vector<std::string> out;
  for (const auto& d : deploy::diffObjects(sa->documents()[0].root, sb->documents()[0].root))
    out.push_back(d.path + " | " + d.name + " | " + deploy::summarizeValue(d.before) + " -> " +
                  deploy::summarizeValue(d.after));
  return out;
}

}  // namespace

TEST_CASE("field diff: named lists match by name, others by position", "[deploy][plan]") {
  CHECK(diff("ports: [{name: a, port: 1}, {name: b, port: 2}]",
             "ports: [{name: b, port: 3}, {name: a, port: 1}]") ==
        std::vector<std::string>{"ports[b].port | port | 2 -> 3"});
  CHECK(diff("args: [x, y]", "args: [x, z, w]") ==
        std::vector<std::string>{"args[1] |  | y -> z", "args[2] |  | (absent) -> w"});
  // Duplicate names (volumeMounts of one volume) fall back to positions.
  CHECK(
      diff("m: [{name: v, p: /a}, {name: v, p: /b}]", "m: [{name: v, p: /a}, {name: v, p: /c}]") ==
      std::vector<std::string>{"m[1].p | p | /b -> /c"});
}

TEST_CASE("field diff: env values are named after their variable", "[deploy][plan]") {
  CHECK(diff("env: [{name: DB_PASSWORD, value: x1}]", "env: [{name: DB_PASSWORD, value: x2}]") ==
        std::vector<std::string>{"env[DB_PASSWORD].value | DB_PASSWORD | x1 -> x2"});
}

TEST_CASE("field diff: null, {} and [] are absent", "[deploy][plan]") {
  CHECK(diff("a: null\nb: {}\nc: []\nd: 1", "d: 1\ne: ~").empty());
  CHECK(diff("a: {}", "a: {x: 1}") == std::vector<std::string>{"a | a | (absent) -> {1 key}"});
  CHECK(diff("a: {x: 1, y: 2}", "a: [1]") ==
        std::vector<std::string>{"a | a | {2 keys} -> [1 item]"});
}

TEST_CASE("field diff: keys that are not identifiers are quoted", "[deploy][plan]") {
  CHECK(diff("metadata: {labels: {app.kubernetes.io/name: a}}",
             "metadata: {labels: {app.kubernetes.io/name: b}}") ==
        std::vector<std::string>{
            "metadata.labels[\"app.kubernetes.io/name\"] | app.kubernetes.io/name | a -> b"});
}

TEST_CASE("field diff: long and multi-line values are cut", "[deploy][plan]") {
  auto s = yaml::parse("a: |\n  line one\n  line two\nb: \"\"\nc: " + std::string(70, 'x') +
                       "\nd: " + std::string(56, 'x') + "\u00e9\u00e9\u00e9\n");
  yaml::Node root = s->documents()[0].root;
  CHECK(deploy::summarizeValue(root.get("a")) == "line one...");
  CHECK(deploy::summarizeValue(root.get("b")) == "\"\"");
  CHECK(deploy::summarizeValue(root.get("c")) == std::string(57, 'x') + "...");
  // Not cut inside a UTF-8 sequence.
  CHECK(deploy::summarizeValue(root.get("d")) == std::string(56, 'x') + "...");
}
