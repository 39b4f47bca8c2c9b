#include "schema/validator.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "lint/edit_distance.h"
#include "lint/quantity.h"
#include "schema/scalar_formats.h"
#include "yaml/scalar_resolve.h"

namespace taskmaster::schema {

namespace {

using yaml::ScalarType;

// What the YAML holds, as a message says it.
std::string_view describe(yaml::Node node) {
  if (node.isMap()) return "a mapping";
  if (node.isSeq()) return "a list";
  switch (node.scalarType()) {
    case ScalarType::Bool:
      return "a boolean";
    case ScalarType::Int:
      return "an integer";
    case ScalarType::Float:
      return "a number";
    case ScalarType::Null:
      return "null";
    case ScalarType::String:
      break;
  }
  return "a string";
}

std::string_view expected(const Type& t) {
  switch (t.shape) {
    case Shape::Object:
    case Shape::Map:
      return "a mapping";
    case Shape::Array:
      return "a list";
    case Shape::String:
      if (t.format == Format::Byte) return "a base64 string";
      if (t.format == Format::DateTime) return "an RFC 3339 date-time string";
      return "a string";
    case Shape::Integer:
      return "an integer";
    case Shape::Number:
      return "a number";
    case Shape::Boolean:
      return "a boolean (true or false)";
    case Shape::IntOrString:
      return "an integer or a string";
    case Shape::Quantity:
      return "a quantity such as 500m, 512Mi or 2";
    case Shape::Any:
      break;
  }
  return "any value";
}

bool allDigits(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The text of a quoted string as go-yaml would type it unquoted: "80" is a
// number, "true" a boolean. Tells the user that removing the quotes fixes it.
ScalarType unquotedType(std::string_view text) {
  return yaml::resolvePlainScalar(text);
}

// An integer in range for the format; YAML floats with an integral value
// pass, since sigs.k8s.io/yaml turns 3.0 into the JSON number 3.
enum class IntCheck { Ok, NotInteger, OutOfRange };
IntCheck checkInteger(yaml::Node node, Format format) {
  double low = -9223372036854775808.0, high = 9223372036854775807.0;
  if (format == Format::Int32) {
    low = std::numeric_limits<int32_t>::min();
    high = std::numeric_limits<int32_t>::max();
  }
  if (node.scalarType() == ScalarType::Int) {
    auto v = node.asInt();
    if (!v) return IntCheck::OutOfRange;  // beyond int64 (go-yaml reads it as uint64)
    return *v < low || *v > high ? IntCheck::OutOfRange : IntCheck::Ok;
  }
  auto v = node.asNumber();
  if (!v || !std::isfinite(*v) || std::floor(*v) != *v) return IntCheck::NotInteger;
  return *v < low || *v > high ? IntCheck::OutOfRange : IntCheck::Ok;
}

std::string_view rangeName(Format format) {
  return format == Format::Int32 ? "a 32-bit integer" : "a 64-bit integer";
}

bool plainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-' || c == '$'))
      return false;
  return true;
}

}  // namespace

void Validator::validate(yaml::Node node, TypeId type) {
  path_.clear();
  walk(node, type);
}

std::string Validator::pathText() const {
  std::string out;
  for (const Segment& s : path_) {
    if (s.is_index) {
      out += fmt::format("[{}]", s.index);
    } else if (plainKey(s.key)) {
      if (!out.empty()) out += '.';
      out += s.key;
    } else {
      // Label keys such as app.kubernetes.io/name.
      out += fmt::format("[\"{}\"]", s.key);
    }
  }
  return out;
}

void Validator::report(Violation::Kind kind, yaml::Node at, std::string message,
                       yaml::Node earlier) const {
  sink_(Violation{kind, at, pathText(), std::move(message), earlier});
}

void Validator::walk(yaml::Node node, TypeId id) {
  if (node.isNull()) return;  // unset
  const Type& t = graph_->type(id);
  switch (t.shape) {
    case Shape::Any:
      return anyValue(node);
    case Shape::Object:
      if (!node.isMap()) break;
      return object(node, t);
    case Shape::Map:
      if (!node.isMap()) break;
      return map(node, t);
    case Shape::Array:
      if (!node.isSeq()) break;
      return array(node, t);
    default:
      if (!node.isScalar()) break;
      return scalar(node, t);
  }
  report(Violation::Kind::WrongType, node,
         fmt::format("must be {}, got {}", expected(t), describe(node)));
  if (!node.isScalar()) anyValue(node);
}

void Validator::anyValue(yaml::Node node) {
  if (node.isMap()) {
    duplicateKeys(node);
    for (size_t i = 0; i < node.size(); ++i) {
      if (!node.value(i).isScalar()) {
        path_.push_back({node.key(i).scalar(), 0, false, node.key(i)});
        anyValue(node.value(i));
        path_.pop_back();
      }
    }
  } else if (node.isSeq()) {
    for (size_t i = 0; i < node.size(); ++i) {
      if (!node.item(i).isScalar()) {
        path_.push_back({{}, static_cast<uint32_t>(i), true, {}});
        anyValue(node.item(i));
        path_.pop_back();
      }
    }
  }
}

bool Validator::duplicateKeys(yaml::Node node) {
  size_t first = node.mergedEntries(), n = node.size();
  if (n - first < 2) return false;
  bool any = false;
  auto duplicate = [&](size_t earlier, size_t later) {
    report(Violation::Kind::DuplicateKey, node.key(later),
           fmt::format("duplicate key \"{}\": Helm keeps the last value silently, "
                       "kubectl --validate=strict rejects the object",
                       node.key(later).scalar()),
           node.key(earlier));
    any = true;
  };
  // Most mappings are small: compare pairwise, without allocating.
  if (n - first <= 16) {
    for (size_t i = first + 1; i < n; ++i) {
      std::string_view key = node.key(i).scalar();
      for (size_t j = first; j < i; ++j) {
        if (node.key(j).scalar() != key) continue;
        duplicate(j, i);
        break;
      }
    }
    return any;
  }
  keys_.clear();
  for (size_t i = first; i < n; ++i)
    keys_.emplace_back(node.key(i).scalar(), static_cast<uint32_t>(i));
  std::sort(keys_.begin(), keys_.end());  // equal keys in the order written
  for (size_t i = 1, start = 0; i < keys_.size(); ++i) {
    if (keys_[i].first != keys_[start].first) {
      start = i;
      continue;
    }
    duplicate(keys_[start].second, keys_[i].second);
  }
  return any;
}

// A merged entry whose key the mapping sets again itself: only the own value
// reaches the API server, so only that one is validated.
bool Validator::overriddenMerge(yaml::Node node, size_t entry) const {
  std::string_view key = node.key(entry).scalar();
  for (size_t i = entry + 1; i < node.size(); ++i)
    if (node.key(i).scalar() == key) return true;
  return false;
}

void Validator::object(yaml::Node node, const Type& t) {
  size_t merged = node.mergedEntries();
  bool exact = !duplicateKeys(node) && merged == 0;
  uint32_t required_seen = 0;
  for (size_t i = 0; i < node.size(); ++i) {
    if (i < merged && overriddenMerge(node, i)) continue;
    yaml::Node key = node.key(i), value = node.value(i);
    std::string_view name = key.scalar();
    const Field* f = graph_->field(t, name);
    path_.push_back({name, 0, false, key});
    if (f) {
      if (f->required && !value.isNull()) ++required_seen;
      if (path_.size() == 1 && name == "metadata" && metadata_graph_) {
        const TypeGraph* own = graph_;
        graph_ = metadata_graph_;
        walk(value, metadata_type_);
        graph_ = own;
      } else {
        walk(value, f->type);
      }
    } else if (t.open) {
      if (t.element != kNoType)
        walk(value, t.element);
      else
        anyValue(value);
    } else {
      std::vector<std::string_view> names;
      for (const Field& known : graph_->fields(t)) names.push_back(known.name);
      std::string message = "unknown field";
      if (auto close = lint::closestMatch(name, names))
        message += fmt::format(" (did you mean \"{}\"?)", *close);
      else if (!schema_name_.empty() && names.size() > 6)
        message += fmt::format(" (not in the {} schema)", schema_name_);
      else if (names.empty())
        message += " (this object takes no fields)";
      else if (names.size() <= 6)
        message += fmt::format(" (known fields: {})", fmt::join(names, ", "));
      report(Violation::Kind::UnknownField, key, std::move(message));
      anyValue(value);
    }
    path_.pop_back();
  }
  if (!exact || required_seen < t.required_count) missingFields(node, t);
}

void Validator::missingFields(yaml::Node node, const Type& t) {
  // At the field's key (`spec:`), which a reader looks for; a list item or
  // the whole object is reported at its first line.
  yaml::Node at = !path_.empty() && path_.back().key_node ? path_.back().key_node : node;
  for (const Field& f : graph_->fields(t)) {
    if (!f.required || !node.get(f.name).isNull()) continue;
    report(Violation::Kind::MissingField, at, fmt::format("missing required field \"{}\"", f.name));
  }
}

void Validator::map(yaml::Node node, const Type& t) {
  duplicateKeys(node);
  for (size_t i = 0; i < node.size(); ++i) {
    path_.push_back({node.key(i).scalar(), 0, false, node.key(i)});
    walk(node.value(i), t.element);
    path_.pop_back();
  }
}

void Validator::array(yaml::Node node, const Type& t) {
  for (size_t i = 0; i < node.size(); ++i) {
    path_.push_back({{}, static_cast<uint32_t>(i), true, {}});
    walk(node.item(i), t.element);
    path_.pop_back();
  }
}

void Validator::scalar(yaml::Node node, const Type& t) {
  ScalarType type = node.scalarType();
  std::string_view text = node.scalar();
  auto wrong = [&](std::string_view hint) {
    report(Violation::Kind::WrongType, node,
           fmt::format("must be {}, got {}{}", expected(t), describe(node), hint));
  };
  switch (t.shape) {
    case Shape::String:
      if (type == ScalarType::Bool && text != "true" && text != "false")
        return wrong(" (YAML 1.1 reads yes, no, on, off, y and n as booleans); quote the value");
      if (type != ScalarType::String) return wrong("; quote the value");
      if (t.format == Format::Byte && !isBase64(text))
        return report(Violation::Kind::InvalidValue, node,
                      "not valid base64: encode the value (b64enc), or give plain text in a "
                      "Secret's stringData or a ConfigMap's data");
      if (t.format == Format::DateTime && !isDateTime(text))
        return report(Violation::Kind::InvalidValue, node,
                      "not an RFC 3339 date-time such as 2025-01-31T12:00:00Z");
      break;
    case Shape::Integer:
    case Shape::Number:
      if (type == ScalarType::String &&
          (unquotedType(text) == ScalarType::Int || unquotedType(text) == ScalarType::Float))
        return wrong("; remove the quotes");
      if (type != ScalarType::Int && type != ScalarType::Float) return wrong("");
      if (t.shape == Shape::Integer) {
        IntCheck c = checkInteger(node, t.format);
        if (c == IntCheck::NotInteger)
          return report(Violation::Kind::WrongType, node,
                        "must be an integer, got a number with a fraction");
        if (c == IntCheck::OutOfRange)
          return report(Violation::Kind::InvalidValue, node,
                        fmt::format("out of range for {}", rangeName(t.format)));
      }
      break;
    case Shape::Boolean:
      if (type == ScalarType::String && unquotedType(text) == ScalarType::Bool)
        return wrong("; remove the quotes");
      if (type != ScalarType::Bool) return wrong("");
      break;
    case Shape::IntOrString:
      if (type == ScalarType::Bool) return wrong("; quote the value");
      if (type == ScalarType::Int || type == ScalarType::Float) {
        IntCheck c = checkInteger(node, Format::Int32);
        if (c == IntCheck::NotInteger) return wrong("");
        if (c == IntCheck::OutOfRange)
          return report(Violation::Kind::InvalidValue, node, "out of range for a 32-bit integer");
      } else if (t.format == Format::Int32 && allDigits(text)) {
        // Kubernetes' IntOrString fields take a number, or a port name or a
        // percentage as string; a quoted number is neither.
        return report(Violation::Kind::WrongType, node,
                      "a quoted number is a string here, which the API server rejects (not a "
                      "port name or percentage); remove the quotes");
      }
      break;
    case Shape::Quantity:
      if (type == ScalarType::Bool) return wrong("");
      if (type == ScalarType::String && !lint::parseQuantity(text))
        return report(Violation::Kind::InvalidValue, node,
                      "not a valid quantity; write it like 500m, 0.5, 512Mi, 1Gi or 2 (binary "
                      "suffixes Ki Mi Gi, decimal k M G; no B or spaces)");
      if (type == ScalarType::Float && !std::isfinite(node.asNumber().value_or(0)))
        return wrong("");
      break;
    default:
      break;
  }
  if (t.enum_count > 0) checkEnum(node, t);
}

void Validator::checkEnum(yaml::Node node, const Type& t) {
  auto matches = [&](const EnumValue& v) {
    switch (v.type) {
      case ScalarType::String:
        return node.scalarType() == ScalarType::String && node.scalar() == v.text;
      case ScalarType::Int:
      case ScalarType::Float:
        return node.asNumber() && *node.asNumber() == v.number;
      case ScalarType::Bool:
        return node.asBool() && *node.asBool() == v.boolean;
      case ScalarType::Null:
        break;
    }
    return false;
  };
  std::span<const EnumValue> values = graph_->enumValues(t);
  if (std::any_of(values.begin(), values.end(), matches)) return;
  std::vector<std::string> allowed;
  for (const EnumValue& v : values.first(std::min<size_t>(values.size(), 12))) {
    if (v.type == ScalarType::String)
      allowed.push_back(fmt::format("\"{}\"", v.text));
    else if (v.type == ScalarType::Bool)
      allowed.emplace_back(v.boolean ? "true" : "false");
    else
      allowed.push_back(fmt::format("{}", v.number));
  }
  if (values.size() > 12) allowed.emplace_back("...");
  report(Violation::Kind::InvalidValue, node,
         fmt::format("must be one of {}", fmt::join(allowed, ", ")));
}

}  // namespace taskmaster::schema
