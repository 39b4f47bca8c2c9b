#include "schema/yaml_json.h"

#include <string>

#include "yaml/scalar_resolve.h"

namespace taskmaster::schema {

nlohmann::json toJson(yaml::Node node) {
  if (node.isMap()) {
    nlohmann::json out = nlohmann::json::object();
    // Later keys win, as in JSON decoding (and yaml::Node::get).
    for (size_t i = 0; i < node.size(); ++i)
      out[std::string(node.key(i).scalar())] = toJson(node.value(i));
    return out;
  }
  if (node.isSeq()) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < node.size(); ++i) out.push_back(toJson(node.item(i)));
    return out;
  }
  switch (node.scalarType()) {
    case yaml::ScalarType::Null:
      return nullptr;
    case yaml::ScalarType::Bool:
      return node.asBool().value_or(false);
    case yaml::ScalarType::Int:
      if (auto i = node.asInt()) return *i;
      if (auto u = yaml::parseYamlUint(node.scalar())) return *u;
      return node.asNumber().value_or(0);
    case yaml::ScalarType::Float:
      return node.asNumber().value_or(0);
    case yaml::ScalarType::String:
      break;
  }
  return std::string(node.scalar());
}

}  // namespace taskmaster::schema
