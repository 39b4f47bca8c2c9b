#include "schema/compact_schema.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

namespace taskmaster::schema {

namespace {

using json = nlohmann::json;

class CompactReader {
 public:
  CompactReader(KindSchemas& out, const json& definitions, std::string_view name)
      : out_(out), definitions_(definitions), name_(name) {}

  void readAll() {
    if (!definitions_.is_object()) fail("\"definitions\" must be an object");
    // Reserve first: definitions refer to each other, and to themselves.
    for (const auto& [name, def] : definitions_.items()) ids_.emplace(name, out_.graph.reserve());
    for (const auto& [name, def] : definitions_.items())
      out_.graph.define(ids_[name], object(name, def));
  }

  TypeId definition(const std::string& name) const {
    auto it = ids_.find(name);
    if (it == ids_.end()) fail(fmt::format("unknown definition \"{}\"", name));
    return it->second;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("{}: {}", name_, what));
  }

  Type object(const std::string& name, const json& def) {
    auto props = def.find("properties");
    if (!def.is_object() || props == def.end() || !props->is_object())
      fail(fmt::format("definition \"{}\" has no properties", name));
    std::vector<Field> fields;
    for (const auto& [field, type] : props->items()) fields.push_back({field, typeOf(type), false});
    if (auto req = def.find("required"); req != def.end()) {
      for (const json& r : *req) {
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const Field& f) { return f.name == r.get<std::string>(); });
        if (it == fields.end()) fail(fmt::format("\"{}\" requires an unknown field", name));
        it->required = true;
      }
    }
    return out_.graph.object(std::move(fields));
  }

  TypeId typeOf(const json& t) {
    if (t.is_string()) return named(t.get<std::string>());
    if (t.is_object() && t.size() == 1) {
      const std::string& key = t.begin().key();
      const json& element = t.begin().value();
      Type container;
      container.shape = key == "array" ? Shape::Array : key == "map" ? Shape::Map : Shape::Any;
      if (container.shape == Shape::Any) fail(fmt::format("unknown type {}", t.dump()));
      container.element = typeOf(element);
      return out_.graph.add(container);
    }
    fail(fmt::format("unknown type {}", t.dump()));
  }

  TypeId named(const std::string& name) {
    static const std::unordered_map<std::string, std::pair<Shape, Format>> kPrimitives = {
        {"any", {Shape::Any, Format::None}},
        {"string", {Shape::String, Format::None}},
        {"byte", {Shape::String, Format::Byte}},
        {"date-time", {Shape::String, Format::DateTime}},
        {"integer", {Shape::Integer, Format::None}},
        {"int32", {Shape::Integer, Format::Int32}},
        {"int64", {Shape::Integer, Format::Int64}},
        {"number", {Shape::Number, Format::None}},
        {"boolean", {Shape::Boolean, Format::None}},
        {"int-or-string", {Shape::IntOrString, Format::Int32}},
        {"quantity", {Shape::Quantity, Format::None}},
    };
    if (name == "object") {
      if (free_object_ == kNoType) {
        Type map;
        map.shape = Shape::Map;
        map.element = out_.graph.any();
        free_object_ = out_.graph.add(map);
      }
      return free_object_;
    }
    if (auto it = kPrimitives.find(name); it != kPrimitives.end())
      return out_.graph.primitive(it->second.first, it->second.second);
    return definition(name);
  }

  KindSchemas& out_;
  const json& definitions_;
  std::string_view name_;
  std::unordered_map<std::string, TypeId> ids_;
  TypeId free_object_ = kNoType;
};

}  // namespace

KubernetesSchema loadCompactSchema(std::string_view text, std::string_view name) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw std::runtime_error(fmt::format("{}: not JSON: {}", name, e.what()));
  }
  if (!doc.is_object() || doc.value("format", 0) != 1)
    throw std::runtime_error(fmt::format("{}: not a format 1 compact schema", name));
  KubernetesSchema out;
  try {
    CompactReader reader(out.kinds, doc["definitions"], name);
    reader.readAll();
    for (const auto& [api_version, kinds] : doc["kinds"].items())
      for (const auto& [kind, def] : kinds.items())
        out.kinds.kinds[api_version][kind] = reader.definition(def.get<std::string>());
    out.object_meta = reader.definition("meta.v1.ObjectMeta");
  } catch (const json::exception& e) {
    throw std::runtime_error(fmt::format("{}: malformed: {}", name, e.what()));
  }
  return out;
}

}  // namespace taskmaster::schema
