// The validator against the built-in Kubernetes 1.33 schema: how YAML scalars
// meet API types (the API server's decoding, go-yaml v2 typing), unknown and
// missing fields, paths, duplicate keys (merge keys excepted), and that no
// message quotes a value.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "schema/builtin_schemas.h"
#include "schema/validator.h"
#include "yaml/parser.h"

namespace {

using namespace taskmaster;
using schema::Violation;

struct Result {
  std::vector<Violation> violations;
  std::shared_ptr<const yaml::Stream> stream;  // keeps the nodes alive

  std::string text() const {
    std::string out;
    for (const auto& v : violations)
      out += std::to_string(v.at.line()) + " " + v.path + ": " + v.message + "\n";
    return out;
  }
};

const schema::KubernetesSchema& k8s() {
  return schema::builtinSchema({1, 33});
}

Result validate(const std::string& yaml_text) {
  Result r;
  r.stream = yaml::parse(yaml_text);
  yaml::Node root = r.stream->documents().at(0).root;
  const auto& s = k8s();
  schema::TypeId type = s.kinds.find(root.get("apiVersion").str(), root.get("kind").str());
  REQUIRE(type != schema::kNoType);
  schema::Validator v(s.kinds.graph, [&](Violation x) { r.violations.push_back(std::move(x)); });
  v.validate(root, type);
  return r;
}

// A container spec with one field set as written.
Result containerField(const std::string& field_yaml) {
  return validate(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
      "    - name: c\n      image: nginx:1.27\n      " +
      field_yaml + "\n");
}

}  // namespace

TEST_CASE("validator: scalars are typed as the API server decodes YAML", "[schema][validator]") {
  struct Case {
    const char* yaml;
    bool ok;
  };
  const Case cases[] = {
      // int32: unquoted integers (any YAML 1.1 spelling), integral floats.
      {"ports: [{containerPort: 8080}]", true},
      {"ports: [{containerPort: 0x1F90}]", true},
      {"ports: [{containerPort: 8080.0}]", true},
      {"ports: [{containerPort: \"8080\"}]", false},
      {"ports: [{containerPort: 80.5}]", false},
      {"ports: [{containerPort: 2147483648}]", false},
      {"ports: [{containerPort: true}]", false},
      {"ports: [{containerPort: ~}]", false},  // null: unset, and containerPort is required
      // strings: plain text or quoted; not numbers or booleans (yes/on too).
      {"workingDir: /app", true},
      {"workingDir: \"8080\"", true},
      {"workingDir: 8080", false},
      {"workingDir: yes", false},
      {"workingDir: !!str 8080", true},
      {"workingDir: ~", true},
      {"workingDir: 2025-01-31", true},  // timestamps stay strings in go-yaml v2
      // booleans
      {"stdin: true", true},
      {"stdin: off", true},
      {"stdin: \"true\"", false},
      {"stdin: 1", false},
      // IntOrString (Kubernetes' own: ports and percentages)
      {"livenessProbe: {httpGet: {port: 8080}}", true},
      {"livenessProbe: {httpGet: {port: http}}", true},
      {"livenessProbe: {httpGet: {port: \"8080\"}}", false},
      {"livenessProbe: {httpGet: {port: true}}", false},
      {"livenessProbe: {httpGet: {port: 1.5}}", false},
      // quantities: strings that parse, or numbers
      {"resources: {limits: {memory: 512Mi, cpu: 0.5}}", true},
      {"resources: {limits: {cpu: \"500m\", memory: 1e9}}", true},
      {"resources: {limits: {memory: 512MB}}", false},
      {"resources: {limits: {memory: \"\"}}", false},
      {"resources: {limits: {cpu: on}}", false},
      // collections
      {"args: [a, b]", true},
      {"args: a b", false},
      {"env: {name: A}", false},
      {"securityContext: ~", true},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    Result r = containerField(c.yaml);
    INFO(r.text());
    CHECK(r.violations.empty() == c.ok);
  }
}

TEST_CASE("validator: unknown fields name the path and the closest field", "[schema][validator]") {
  Result r = containerField("livenesProbe: {httpGet: {path: /, port: 80}}");
  REQUIRE(r.violations.size() == 1);
  const Violation& v = r.violations[0];
  CHECK(v.kind == Violation::Kind::UnknownField);
  CHECK(v.path == "spec.containers[0].livenesProbe");
  CHECK(v.message == "unknown field (did you mean \"livenessProbe\"?)");
  CHECK(v.at.line() == 8);  // the key's line

  // Small objects list their fields instead.
  r = containerField("livenessProbe: {httpGet: {path: /, port: 80, hosts: x}}");
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].message == "unknown field (did you mean \"host\"?)");
  r = validate(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n"
      "  dnsConfig: {nameservers: [a], zzz: 1}\n");
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].message == "unknown field (known fields: nameservers, options, searches)");
}

TEST_CASE("validator: missing required fields, null counts as missing", "[schema][validator]") {
  Result r = validate(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
      "  selector: ~\n  template:\n    spec:\n      containers:\n        - image: x\n");
  INFO(r.text());
  REQUIRE(r.violations.size() == 2);
  CHECK(r.violations[0].path == "spec.template.spec.containers[0]");
  CHECK(r.violations[0].message == "missing required field \"name\"");
  CHECK(r.violations[0].at.line() == 9);
  CHECK(r.violations[1].path == "spec");
  CHECK(r.violations[1].message == "missing required field \"selector\"");
  CHECK(r.violations[1].at.line() == 4);  // at `spec:`
}

TEST_CASE("validator: paths quote keys that are not identifiers", "[schema][validator]") {
  Result r = validate(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n"
      "    app.kubernetes.io/version: 1.0\n");
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].path == "metadata.labels[\"app.kubernetes.io/version\"]");
  CHECK(r.violations[0].message == "must be a string, got a number; quote the value");
}

TEST_CASE("validator: duplicate keys, but not keys overriding a merge", "[schema][validator]") {
  Result r = validate(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
      "data:\n  a: '1'\n  b: '2'\n  a: '3'\n  a: '4'\n");
  INFO(r.text());
  REQUIRE(r.violations.size() == 2);
  for (const auto& v : r.violations) {
    CHECK(v.kind == Violation::Kind::DuplicateKey);
    CHECK(v.earlier.line() == 5);  // both point at the first `a`
  }
  CHECK(r.violations[0].at.line() == 7);
  CHECK(r.violations[1].at.line() == 8);

  // Large mappings take another path (sorting); the same answers.
  std::string data;
  for (int i = 0; i < 20; ++i) data += "  k" + std::to_string(i) + ": v\n";
  r = validate("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n" + data +
               "  k3: again\n  k3: and again\n  k19: again\n");
  INFO(r.text());
  REQUIRE(r.violations.size() == 3);
  std::sort(r.violations.begin(), r.violations.end(),
            [](const Violation& a, const Violation& b) { return a.at.line() < b.at.line(); });
  CHECK(r.violations[0].at.line() == 25);
  CHECK(r.violations[0].earlier.line() == 8);
  CHECK(r.violations[1].at.line() == 26);
  CHECK(r.violations[1].earlier.line() == 8);
  CHECK(r.violations[2].earlier.line() == 24);

  // `<<` entries overridden by the mapping's own keys: YAML merge semantics.
  r = containerField(
      "livenessProbe: &p {httpGet: {path: /, port: 80}, periodSeconds: 10}\n"
      "      readinessProbe:\n        <<: *p\n        periodSeconds: 5\n");
  INFO(r.text());
  CHECK(r.violations.empty());
  // An overridden merged value is not validated either: it never reaches the API.
  r = containerField(
      "livenessProbe: &p {httpGet: {path: /, port: 80}, periodSeconds: ten}\n"
      "      readinessProbe:\n        <<: *p\n        periodSeconds: 5\n");
  CHECK(r.violations.size() == 1);  // only the anchored livenessProbe's own value

  // In values no schema describes (annotations' values are strings; a
  // free-form CRD field would be any): still found.
  r = validate("apiVersion: v1\nkind: List\nitems:\n  - {kind: ConfigMap, kind: Secret}\n");
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].path == "items[0]");
}

TEST_CASE("validator: Secret data must be base64, messages never quote values",
          "[schema][validator]") {
  Result r = validate(
      "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n"
      "  ok: c2VjcmV0LXZhbHVl\n  bad: sk-live-secret-value-123\n"
      "  number: 12345678\nstringData:\n  plain: sk-live-secret-value-123\n");
  INFO(r.text());
  REQUIRE(r.violations.size() == 2);
  CHECK(r.violations[0].path == "data.bad");
  CHECK(r.violations[0].kind == Violation::Kind::InvalidValue);
  CHECK(r.violations[1].path == "data.number");
  for (const auto& v : r.violations) {
    CHECK(v.message.find("sk-live") == std::string::npos);
    CHECK(v.message.find("12345678") == std::string::npos);
  }
}

TEST_CASE("validator: times are RFC 3339", "[schema][validator]") {
  auto meta = [](const std::string& ts) {
    return validate(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: " + ts + "\n");
  };
  CHECK(meta("null").violations.empty());
  CHECK(meta("2025-01-31T12:00:00Z").violations.empty());
  CHECK(meta("\"2025-01-31T12:00:00.123+02:00\"").violations.empty());
  CHECK(meta("2025-01-31").violations.size() == 1);
  CHECK(meta("yesterday").violations.size() == 1);
}
