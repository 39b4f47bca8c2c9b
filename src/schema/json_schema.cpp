#include "schema/json_schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

namespace taskmaster::schema {

namespace {

using json = nlohmann::json;

constexpr int kMaxDepth = 200;

bool flag(const json& schema, const char* key) {
  auto it = schema.find(key);
  return it != schema.end() && it->is_boolean() && it->get<bool>();
}

std::string text(const json& schema, const char* key) {
  auto it = schema.find(key);
  return it != schema.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The types a schema allows, "null" left out: `type` as a string or a list.
std::set<std::string> typesOf(const json& schema) {
  std::set<std::string> out;
  auto it = schema.find("type");
  if (it == schema.end()) return out;
  if (it->is_string()) {
    out.insert(it->get<std::string>());
  } else if (it->is_array()) {
    for (const json& t : *it)
      if (t.is_string()) out.insert(t.get<std::string>());
  } else {
    throw SchemaError("\"type\" must be a string or a list of strings");
  }
  out.erase("null");
  return out;
}

// anyOf/oneOf of string and integer (or number): how int-or-string is
// written without the Kubernetes extension.
bool isIntOrStringUnion(const json& schema) {
  for (const char* key : {"anyOf", "oneOf"}) {
    auto it = schema.find(key);
    if (it == schema.end() || !it->is_array()) continue;
    std::set<std::string> types;
    for (const json& branch : *it)
      if (branch.is_object())
        for (const std::string& t : typesOf(branch)) types.insert(t);
    if (types.count("string") && (types.count("integer") || types.count("number"))) return true;
  }
  return false;
}

std::vector<EnumValue> enumValues(const json& schema) {
  std::vector<EnumValue> out;
  auto it = schema.find("enum");
  if (it == schema.end()) return out;
  if (!it->is_array()) throw SchemaError("\"enum\" must be a list");
  for (const json& v : *it) {
    EnumValue e;
    if (v.is_string()) {
      e.type = yaml::ScalarType::String;
      e.text = v.get_ref<const std::string&>();
    } else if (v.is_number()) {
      e.type = yaml::ScalarType::Float;
      e.number = v.get<double>();
    } else if (v.is_boolean()) {
      e.type = yaml::ScalarType::Bool;
      e.boolean = v.get<bool>();
    } else {
      continue;  // null, or values enum checking does not compare
    }
    out.push_back(e);
  }
  return out;
}

}  // namespace

std::pair<const json*, const json*> JsonSchemaCompiler::resolve(std::string_view ref,
                                                                const json& document) {
  size_t hash = ref.find('#');
  std::string_view file = ref.substr(0, hash);
  std::string_view pointer = hash == std::string_view::npos ? "" : ref.substr(hash + 1);
  const json* doc = &document;
  if (!file.empty()) {
    if (!files_)
      throw SchemaError(
          fmt::format("$ref \"{}\": references to files are not supported here", ref));
    doc = &files_(file);
  }
  try {
    return {&doc->at(json::json_pointer(std::string(pointer))), doc};
  } catch (const json::exception&) {
    throw SchemaError(fmt::format("$ref \"{}\" points to nothing", ref));
  }
}

TypeId JsonSchemaCompiler::compileKind(const json& schema, const json& document) {
  TypeId id = compile(schema, document, 0);
  Type root = graph_.type(id);
  if (root.shape != Shape::Object) return id;
  // Every object has these, whether or not its schema names them.
  std::vector<Field> fields(graph_.fields(root).begin(), graph_.fields(root).end());
  for (const char* name : {"apiVersion", "kind"})
    if (!graph_.field(root, name)) fields.push_back({name, graph_.primitive(Shape::String), false});
  if (!graph_.field(root, "metadata")) fields.push_back({"metadata", graph_.any(), false});
  return graph_.add(graph_.object(std::move(fields), root.open, root.element));
}

TypeId JsonSchemaCompiler::compile(const json& schema, const json& document, int depth) {
  if (depth > kMaxDepth)
    throw SchemaError(fmt::format("schema nested deeper than {} levels", kMaxDepth));
  if (schema.is_boolean()) return graph_.any();  // `true` (and `false`, never a value's schema)
  if (!schema.is_object()) throw SchemaError("a schema must be a JSON object");
  const json* target = &schema;
  const json* doc = &document;
  // Draft 4: a $ref replaces the schema it is in. Chains are followed.
  for (int hops = 0; target->is_object() && target->contains("$ref"); ++hops) {
    if (hops > 64) throw SchemaError("$ref chain longer than 64");
    const json& ref = (*target)["$ref"];
    if (!ref.is_string()) throw SchemaError("\"$ref\" must be a string");
    std::tie(target, doc) = resolve(ref.get_ref<const std::string&>(), *doc);
  }
  if (auto it = compiled_.find(target); it != compiled_.end()) return it->second;
  if (target->is_boolean()) return graph_.any();
  if (!target->is_object()) throw SchemaError("a $ref points to something that is not a schema");
  TypeId id = graph_.reserve();
  compiled_.emplace(target, id);
  graph_.define(id, define(*target, *doc, depth + 1));
  return id;
}

Type JsonSchemaCompiler::define(const json& schema, const json& document, int depth) {
  Type t;
  if (flag(schema, "x-kubernetes-int-or-string") || text(schema, "format") == "int-or-string" ||
      (!schema.contains("type") && isIntOrStringUnion(schema))) {
    t.shape = Shape::IntOrString;
    return t;
  }
  // allOf of a single schema (how some generators wrap a $ref).
  if (auto all = schema.find("allOf"); all != schema.end() && all->is_array() && all->size() == 1 &&
                                       !schema.contains("type") && !schema.contains("properties"))
    return graph_.type(compile((*all)[0], document, depth));

  std::set<std::string> types = typesOf(schema);
  if (types.count("string") && types.count("integer") && types.size() == 2) {
    t.shape = Shape::IntOrString;
    return t;
  }
  std::string type = types.size() == 1 ? *types.begin() : std::string();
  if (types.empty()) {
    // No type: inferred from what the schema describes, else any value.
    if (schema.contains("properties") || schema.contains("additionalProperties"))
      type = "object";
    else if (schema.contains("items"))
      type = "array";
  }
  std::string format = text(schema, "format");
  if (type == "object") return objectType(schema, document, depth);
  if (type == "array") {
    t.shape = Shape::Array;
    auto items = schema.find("items");
    t.element = items != schema.end() && items->is_object() ? compile(*items, document, depth)
                                                            : graph_.any();
    return t;
  }
  if (type == "string") {
    t.shape = Shape::String;
    t.format = format == "byte"        ? Format::Byte
               : format == "date-time" ? Format::DateTime
                                       : Format::None;
  } else if (type == "integer") {
    t.shape = Shape::Integer;
    t.format = format == "int32" ? Format::Int32 : format == "int64" ? Format::Int64 : Format::None;
  } else if (type == "number") {
    t.shape = Shape::Number;
  } else if (type == "boolean") {
    t.shape = Shape::Boolean;
  } else if (!type.empty()) {
    throw SchemaError(fmt::format("unknown type \"{}\"", type));
  }
  if (t.shape != Shape::Any) graph_.setEnum(t, enumValues(schema));
  return t;
}

Type JsonSchemaCompiler::objectType(const json& schema, const json& document, int depth) {
  bool preserve = flag(schema, "x-kubernetes-preserve-unknown-fields");
  auto props = schema.find("properties");
  auto extra = schema.find("additionalProperties");
  bool has_props = props != schema.end();
  if (has_props && !props->is_object()) throw SchemaError("\"properties\" must be an object");
  TypeId element = kNoType;
  bool extra_allowed = false;
  if (extra != schema.end()) {
    if (extra->is_object()) {
      element = compile(*extra, document, depth);
      extra_allowed = true;
    } else if (extra->is_boolean()) {
      extra_allowed = extra->get<bool>();
    } else {
      throw SchemaError("\"additionalProperties\" must be a schema or a boolean");
    }
  }
  // A map: no fixed fields, values of one schema (or of any).
  if (!has_props && !preserve && extra_allowed) {
    Type t;
    t.shape = Shape::Map;
    t.element = element == kNoType ? graph_.any() : element;
    return t;
  }
  std::vector<Field> fields;
  if (has_props)
    for (const auto& [name, sub] : props->items())
      fields.push_back({name, compile(sub, document, depth), false});
  if (auto req = schema.find("required"); req != schema.end()) {
    if (!req->is_array()) throw SchemaError("\"required\" must be a list");
    for (const json& name : *req) {
      if (!name.is_string()) throw SchemaError("\"required\" must list field names");
      auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) {
        return f.name == name.get_ref<const std::string&>();
      });
      if (it != fields.end())
        it->required = true;
      else
        fields.push_back({name.get_ref<const std::string&>(), graph_.any(), true});
    }
  }
  if (flag(schema, "x-kubernetes-embedded-resource")) {
    for (const char* name : {"apiVersion", "kind"})
      if (std::none_of(fields.begin(), fields.end(),
                       [&](const Field& f) { return f.name == name; }))
        fields.push_back({name, graph_.primitive(Shape::String), false});
    if (std::none_of(fields.begin(), fields.end(),
                     [](const Field& f) { return f.name == "metadata"; }))
      fields.push_back({"metadata", graph_.any(), false});
  }
  // Without properties or additionalProperties, an object is free-form.
  bool open = preserve || extra_allowed || (!has_props && extra == schema.end());
  return graph_.object(std::move(fields), open, element);
}

}  // namespace taskmaster::schema
