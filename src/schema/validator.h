// Validates a YAML value against a type of a TypeGraph the way the API server
// decodes it: YAML 1.1 scalars resolved as go-yaml v2 does (a quoted "80" is a
// string, an unquoted `true` a boolean), then strict JSON decoding into the
// Go types (unknown fields rejected, as `kubectl --validate=strict`), then
// the required fields and the formats decoding checks (quantities, base64,
// RFC 3339 times). A null value counts as unset, never as a wrong type.
// Duplicate keys are reported in every mapping, schema or not.
//
// One walk over the tree; nothing is allocated unless a violation is found.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/type_graph.h"
#include "yaml/node.h"

namespace taskmaster::schema {

struct Violation {
  enum class Kind { UnknownField, WrongType, MissingField, InvalidValue, DuplicateKey };
  Kind kind = Kind::WrongType;
  // The offending value (or key, for unknown fields and duplicate keys), or
  // the mapping a required field is missing from.
  yaml::Node at;
  std::string path;     // "spec.template.spec.containers[0].livenesProbe"
  std::string message;  // what is wrong and how to fix it; never quotes a value
  yaml::Node earlier;   // DuplicateKey: the first occurrence of the key
};

class Validator {
 public:
  using Sink = std::function<void(Violation)>;

  Validator(const TypeGraph& graph, Sink sink) : graph_(&graph), sink_(std::move(sink)) {
    path_.reserve(32);  // deeper than any Kubernetes object; one allocation per validator
  }

  // The top-level `metadata` of the validated object is checked against this
  // type of another graph instead (custom kinds: the API server validates
  // every object's metadata as ObjectMeta, whatever a CRD says).
  void setMetadataType(const TypeGraph& graph, TypeId type) {
    metadata_graph_ = &graph;
    metadata_type_ = type;
  }

  // Names the schema in messages about unknown fields ("Kubernetes 1.33"),
  // where a newer version may have the field.
  void setSchemaName(std::string name) { schema_name_ = std::move(name); }

  void validate(yaml::Node node, TypeId type);

 private:
  struct Segment {
    std::string_view key;
    uint32_t index;
    bool is_index;
    yaml::Node key_node;  // the mapping key, for reports about the whole value
  };

  void walk(yaml::Node node, TypeId type);
  void object(yaml::Node node, const Type& type);
  void map(yaml::Node node, const Type& type);
  void array(yaml::Node node, const Type& type);
  void scalar(yaml::Node node, const Type& type);
  void checkEnum(yaml::Node node, const Type& type);
  // Only for duplicate keys: a value the schema does not constrain.
  void anyValue(yaml::Node node);
  // Reports duplicate keys among the mapping's own entries; true if any.
  bool duplicateKeys(yaml::Node node);
  void missingFields(yaml::Node node, const Type& type);
  bool overriddenMerge(yaml::Node node, size_t entry) const;

  void report(Violation::Kind kind, yaml::Node at, std::string message,
              yaml::Node earlier = {}) const;
  std::string pathText() const;

  const TypeGraph* graph_;
  Sink sink_;
  const TypeGraph* metadata_graph_ = nullptr;
  TypeId metadata_type_ = kNoType;
  std::string schema_name_;
  std::vector<Segment> path_;
  std::vector<std::pair<std::string_view, uint32_t>> keys_;  // duplicateKeys of large mappings
};

}  // namespace taskmaster::schema
