// JSON schemas of custom kinds (CRD openAPIV3Schema, kubeconform files)
// compiled and then validated against: every construct json_schema.h lists,
// and the errors a broken schema gives.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/json_schema.h"
#include "schema/validator.h"
#include "yaml/parser.h"

namespace {

using namespace taskmaster;
using nlohmann::json;

// Messages ("path: message") of validating `yaml_text` against `schema`.
std::vector<std::string> check(const json& schema, const std::string& yaml_text) {
  schema::TypeGraph graph;
  schema::TypeId type = schema::JsonSchemaCompiler(graph).compileKind(schema, schema);
  auto stream = yaml::parse(yaml_text);
  std::vector<std::string> out;
  schema::Validator v(graph,
                      [&](schema::Violation x) { out.push_back(x.path + ": " + x.message); });
  v.validate(stream->documents().at(0).root, type);
  return out;
}

const json kWidget = json::parse(R"({
  "type": "object",
  "definitions": {
    "node": {"type": "object", "properties": {
      "name": {"type": ["string", "null"]},
      "children": {"type": "array", "items": {"$ref": "#/definitions/node"}}}}
  },
  "properties": {
    "spec": {
      "type": "object",
      "required": ["size", "owner"],
      "properties": {
        "size": {"type": "integer", "format": "int32"},
        "ratio": {"type": "number"},
        "port": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        "k8sPort": {"x-kubernetes-int-or-string": true},
        "mode": {"type": "string", "enum": ["fast", "safe"]},
        "level": {"type": "integer", "enum": [1, 2, 3]},
        "tree": {"$ref": "#/definitions/node"},
        "closed": {"type": "object", "additionalProperties": false},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "free": {"type": "object"},
        "open": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                 "properties": {"known": {"type": "boolean"}}},
        "template": {"type": "object", "x-kubernetes-embedded-resource": true,
                     "properties": {"spec": {"type": "object"}}},
        "data": {"type": "string", "format": "byte"},
        "when": {"type": "string", "format": "date-time"}
      }
    }
  }
})");

std::string widget(const std::string& spec_fields) {
  return "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: 1\n"
         "  owner: me\n" +
         spec_fields;
}

}  // namespace

TEST_CASE("json schema: valid objects pass", "[schema][json-schema]") {
  CHECK(check(kWidget, widget("  ratio: 2\n  port: \"8080\"\n  k8sPort: http\n  mode: safe\n"
                              "  level: 2\n  tree: {name: ~, children: [{name: a, children: []}]}\n"
                              "  closed: {}\n  labels: {a: b}\n  free: {x: [1, {y: 2}]}\n"
                              "  open: {known: true, other: 1}\n"
                              "  template: {apiVersion: v1, kind: Pod, metadata: {}, spec: {}}\n"
                              "  data: aGVsbG8=\n  when: 2025-01-31T12:00:00Z\n"))
            .empty());
  // apiVersion, kind and metadata are always fields of a kind's object.
  CHECK(check(json::parse(R"({"type": "object", "properties": {"spec": {"type": "object"}}})"),
              "apiVersion: a/v1\nkind: K\nmetadata: {name: x}\nspec: {}\n")
            .empty());
}

TEST_CASE("json schema: each construct rejects what it should", "[schema][json-schema]") {
  using V = std::vector<std::string>;
  CHECK(
      check(kWidget, "apiVersion: example.com/v1\nkind: Widget\nspec: {size: \"1\", owner: x}\n") ==
      V{"spec.size: must be an integer, got a string; remove the quotes"});
  CHECK(check(kWidget, widget("  port: true\n")) ==
        V{"spec.port: must be an integer or a string, got a boolean; quote the value"});
  CHECK(check(kWidget, widget("  mode: turbo\n")) ==
        V{"spec.mode: must be one of \"fast\", \"safe\""});
  CHECK(check(kWidget, widget("  level: 4\n")) == V{"spec.level: must be one of 1, 2, 3"});
  CHECK(check(kWidget, widget("  tree: {children: [{nam: a}]}\n")) ==
        V{"spec.tree.children[0].nam: unknown field (did you mean \"name\"?)"});
  CHECK(check(kWidget, widget("  closed: {x: 1}\n")) ==
        V{"spec.closed.x: unknown field (this object takes no fields)"});
  CHECK(check(kWidget, widget("  labels: {a: 1}\n")) ==
        V{"spec.labels.a: must be a string, got an integer; quote the value"});
  CHECK(check(kWidget, widget("  open: {known: 1}\n")) ==
        V{"spec.open.known: must be a boolean (true or false), got an integer"});
  CHECK(check(kWidget, widget("  data: not base64\n")).size() == 1);
  CHECK(check(kWidget, widget("  when: today\n")).size() == 1);
  CHECK(check(kWidget, widget("  colour: red\n")).size() == 1);
  CHECK(check(kWidget, "apiVersion: example.com/v1\nkind: Widget\nspec: {size: 1}\n") ==
        V{"spec: missing required field \"owner\""});
}

TEST_CASE("json schema: broken schemas are errors", "[schema][json-schema]") {
  schema::TypeGraph graph;
  auto compile = [&](const char* text) {
    json s = json::parse(text);
    return schema::JsonSchemaCompiler(graph).compileKind(s, s);
  };
  CHECK_THROWS_AS(compile(R"({"type": 5})"), schema::SchemaError);
  CHECK_THROWS_WITH(compile(R"({"type": "strng"})"), "unknown type \"strng\"");
  CHECK_THROWS_WITH(compile(R"({"properties": {"a": {"$ref": "#/definitions/nope"}}})"),
                    "$ref \"#/definitions/nope\" points to nothing");
  CHECK_THROWS_WITH(compile(R"({"properties": {"a": {"$ref": "other.json#/x"}}})"),
                    Catch::Contains("references to files are not supported"));
  CHECK_THROWS_AS(compile(R"({"properties": []})"), schema::SchemaError);
  CHECK_THROWS_AS(compile(R"({"type": "object", "required": "a"})"), schema::SchemaError);
  CHECK_THROWS_AS(compile(R"({"type": "object", "additionalProperties": "no"})"),
                  schema::SchemaError);
  // A $ref cycle without structure is not a schema.
  CHECK_THROWS_AS(compile(R"({"definitions": {"a": {"$ref": "#/definitions/a"}},
                              "properties": {"x": {"$ref": "#/definitions/a"}}})"),
                  schema::SchemaError);
}
