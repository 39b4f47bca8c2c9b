// Compiles the JSON schemas of custom kinds into a TypeGraph: a CRD's
// openAPIV3Schema, and kubeconform-style JSON Schema files (--schema-dir).
//
// Read as kubectl and the API server read them: `type` (a list of types with
// "null" is that type), `properties`, `required`, `items`,
// `additionalProperties` (a schema, true, or false), `enum`, `format` (byte,
// date-time, int32, int64, int-or-string), `x-kubernetes-int-or-string`,
// `x-kubernetes-preserve-unknown-fields`, `x-kubernetes-embedded-resource`,
// `$ref` (into the same document or, through the resolver, another file), and
// an anyOf/oneOf of string and integer as int-or-string. An object that lists
// properties and says nothing about others is closed: unknown fields are
// errors, as kubectl's strict validation and the API server's pruning treat
// them. Value constraints (pattern, minimum, maxLength ...) are not checked.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "schema/type_graph.h"

namespace taskmaster::schema {

class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonSchemaCompiler {
 public:
  // Finds the target of a `$ref` whose part before '#' is not empty (another
  // file); returns the whole document of that file. Throws SchemaError.
  using FileResolver = std::function<const nlohmann::json&(std::string_view file)>;

  explicit JsonSchemaCompiler(TypeGraph& graph, FileResolver files = nullptr)
      : graph_(graph), files_(std::move(files)) {}

  // The type of a whole object of a kind: apiVersion, kind and metadata are
  // always allowed, whatever the schema lists. `document` is the file the
  // schema is in (for `#/...` references). Throws SchemaError.
  TypeId compileKind(const nlohmann::json& schema, const nlohmann::json& document);

 private:
  TypeId compile(const nlohmann::json& schema, const nlohmann::json& document, int depth);
  Type define(const nlohmann::json& schema, const nlohmann::json& document, int depth);
  Type objectType(const nlohmann::json& schema, const nlohmann::json& document, int depth);
  std::pair<const nlohmann::json*, const nlohmann::json*> resolve(std::string_view ref,
                                                                  const nlohmann::json& document);

  TypeGraph& graph_;
  FileResolver files_;
  // Schemas compiled so far, by address: `$ref` targets are compiled once,
  // and recursive references end at the reserved id.
  std::unordered_map<const nlohmann::json*, TypeId> compiled_;
};

}  // namespace taskmaster::schema
