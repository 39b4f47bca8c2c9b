// The compiled form of a schema that validation walks: a flat table of types
// that refer to each other by index (recursive definitions such as a CRD's
// JSONSchemaProps need no special case), with each object's fields sorted by
// name for binary search. Built once by a loader (compact_schema.h for the
// embedded Kubernetes schemas, json_schema.h for CRDs and --schema-dir files),
// then read-only, so one graph serves any number of threads.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "yaml/node.h"

namespace taskmaster::schema {

using TypeId = uint32_t;
inline constexpr TypeId kNoType = std::numeric_limits<TypeId>::max();

// What a value must look like, as the API server decodes it from YAML.
enum class Shape : uint8_t {
  Any,     // anything (RawExtension, JSON, preserved unknown fields)
  Object,  // a mapping with known fields
  Array,   // a sequence of `element`
  Map,     // a mapping of any keys to `element`
  String,
  Integer,
  Number,
  Boolean,
  // x-kubernetes-int-or-string; with Format::Int32 Kubernetes' own
  // intstr.IntOrString, whose strings are port names or percentages.
  IntOrString,
  Quantity,  // resource.Quantity: a quantity string, or a number
};

enum class Format : uint8_t { None, Int32, Int64, Byte, DateTime };

struct Field {
  std::string_view name;
  TypeId type = kNoType;
  bool required = false;
};

// An allowed value of an enum (JSON schemas only; the Kubernetes OpenAPI v2
// specs carry none).
struct EnumValue {
  yaml::ScalarType type = yaml::ScalarType::String;
  std::string_view text;  // strings
  double number = 0;      // numbers
  bool boolean = false;   // booleans
};

struct Type {
  Shape shape = Shape::Any;
  Format format = Format::None;
  // Object: fields it does not list are allowed, validated against `element`
  // when that is set (additionalProperties), else not at all.
  bool open = false;
  TypeId element = kNoType;  // Array items, Map values, open Object's other fields
  uint32_t first_field = 0, field_count = 0, required_count = 0;
  uint32_t first_enum = 0, enum_count = 0;
};

class TypeGraph {
 public:
  TypeGraph();
  TypeGraph(const TypeGraph&) = delete;
  TypeGraph& operator=(const TypeGraph&) = delete;
  TypeGraph(TypeGraph&&) = default;
  TypeGraph& operator=(TypeGraph&&) = default;

  // Shared primitive types, present in every graph.
  TypeId any() const { return 0; }
  TypeId primitive(Shape shape, Format format = Format::None) const;

  const Type& type(TypeId id) const { return types_[id]; }
  std::span<const Field> fields(const Type& t) const {
    return {fields_.data() + t.first_field, t.field_count};
  }
  std::span<const EnumValue> enumValues(const Type& t) const {
    return {enums_.data() + t.first_enum, t.enum_count};
  }
  // The object's field of that name; nullptr when it has none.
  const Field* field(const Type& t, std::string_view name) const;
  size_t size() const { return types_.size(); }

  // Building. A type may be reserved first and defined later, so that
  // definitions can refer to each other (and to themselves) by id.
  TypeId reserve();
  TypeId add(Type t);
  void define(TypeId id, Type t);
  // An object type with these fields (any order; names are copied).
  Type object(std::vector<Field> fields, bool open = false, TypeId element = kNoType);
  void setEnum(Type& t, const std::vector<EnumValue>& values);
  std::string_view intern(std::string_view text);

 private:
  std::vector<Type> types_;
  std::vector<Field> fields_;
  std::vector<EnumValue> enums_;
  // Interned strings; string_views into them stay valid as the set grows.
  std::unordered_set<std::string> strings_;
};

// A graph together with the object kinds it defines: apiVersion -> kind ->
// the type of the whole object.
struct KindSchemas {
  TypeGraph graph;
  std::map<std::string, std::map<std::string, TypeId, std::less<>>, std::less<>> kinds;

  // kNoType when the kind is not defined for that apiVersion.
  TypeId find(std::string_view api_version, std::string_view kind) const;
};

}  // namespace taskmaster::schema
