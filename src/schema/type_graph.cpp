#include "schema/type_graph.h"

#include <algorithm>
#include <stdexcept>

namespace taskmaster::schema {

namespace {

// The primitives every graph starts with, at these ids.
struct Primitive {
  Shape shape;
  Format format;
};
constexpr Primitive kPrimitives[] = {
    {Shape::Any, Format::None},          {Shape::String, Format::None},
    {Shape::String, Format::Byte},       {Shape::String, Format::DateTime},
    {Shape::Integer, Format::None},      {Shape::Integer, Format::Int32},
    {Shape::Integer, Format::Int64},     {Shape::Number, Format::None},
    {Shape::Boolean, Format::None},      {Shape::IntOrString, Format::None},
    {Shape::IntOrString, Format::Int32}, {Shape::Quantity, Format::None},
};

}  // namespace

TypeGraph::TypeGraph() {
  for (const Primitive& p : kPrimitives) {
    Type t;
    t.shape = p.shape;
    t.format = p.format;
    types_.push_back(t);
  }
}

TypeId TypeGraph::primitive(Shape shape, Format format) const {
  for (size_t i = 0; i < std::size(kPrimitives); ++i)
    if (kPrimitives[i].shape == shape && kPrimitives[i].format == format)
      return static_cast<TypeId>(i);
  throw std::logic_error("not a primitive type");
}

const Field* TypeGraph::field(const Type& t, std::string_view name) const {
  std::span<const Field> fs = fields(t);
  auto it = std::lower_bound(fs.begin(), fs.end(), name,
                             [](const Field& f, std::string_view n) { return f.name < n; });
  return it != fs.end() && it->name == name ? &*it : nullptr;
}

TypeId TypeGraph::reserve() {
  return add(Type{});
}

TypeId TypeGraph::add(Type t) {
  if (types_.size() >= kNoType) throw std::length_error("schema has too many types");
  types_.push_back(t);
  return static_cast<TypeId>(types_.size() - 1);
}

void TypeGraph::define(TypeId id, Type t) {
  types_.at(id) = t;
}

Type TypeGraph::object(std::vector<Field> fields, bool open, TypeId element) {
  std::sort(fields.begin(), fields.end(),
            [](const Field& a, const Field& b) { return a.name < b.name; });
  // A name listed twice (a JSON schema's `required` naming a property again)
  // keeps the first entry, required if any entry is.
  std::vector<Field> unique;
  for (const Field& f : fields) {
    if (!unique.empty() && unique.back().name == f.name) {
      unique.back().required = unique.back().required || f.required;
      continue;
    }
    unique.push_back(f);
  }
  Type t;
  t.shape = Shape::Object;
  t.open = open;
  t.element = element;
  t.first_field = static_cast<uint32_t>(fields_.size());
  t.field_count = static_cast<uint32_t>(unique.size());
  for (Field& f : unique) {
    f.name = intern(f.name);
    t.required_count += f.required ? 1 : 0;
    fields_.push_back(f);
  }
  return t;
}

void TypeGraph::setEnum(Type& t, const std::vector<EnumValue>& values) {
  t.first_enum = static_cast<uint32_t>(enums_.size());
  t.enum_count = static_cast<uint32_t>(values.size());
  for (EnumValue v : values) {
    v.text = intern(v.text);
    enums_.push_back(v);
  }
}

std::string_view TypeGraph::intern(std::string_view text) {
  return *strings_.emplace(text).first;
}

TypeId KindSchemas::find(std::string_view api_version, std::string_view kind) const {
  auto api = kinds.find(api_version);
  if (api == kinds.end()) return kNoType;
  auto k = api->second.find(kind);
  return k == api->second.end() ? kNoType : k->second;
}

}  // namespace taskmaster::schema
