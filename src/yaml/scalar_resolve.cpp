#include "yaml/scalar_resolve.h"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace taskmaster::yaml {
namespace {

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (text == w) return true;
  return false;
}

std::string withoutUnderscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (c != '_') out.push_back(c);
  return out;
}

bool allDigits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
  }
  return true;
}

}  // namespace

std::optional<bool> parseYamlBool(std::string_view t) {
  if (isOneOf(t, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}))
    return true;
  if (isOneOf(t, {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}))
    return false;
  return std::nullopt;
}

// Go's strconv.ParseInt(s, 0, 64) after removing underscores, as go-yaml v2.
std::optional<int64_t> parseYamlInt(std::string_view text) {
  std::string s = withoutUnderscores(text);
  std::string_view v = s;
  bool negative = false;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    negative = v[0] == '-';
    v.remove_prefix(1);
  }
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) base = 16, v.remove_prefix(2);
  else if (v.size() > 2 && v[0] == '0' && (v[1] == 'b' || v[1] == 'B')) base = 2, v.remove_prefix(2);
  else if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'O')) base = 8, v.remove_prefix(2);
  else if (v.size() > 1 && v[0] == '0') base = 8, v.remove_prefix(1);
  if (!allDigits(v, base)) return std::nullopt;
  errno = 0;
  std::string digits(v);
  unsigned long long magnitude = std::strtoull(digits.c_str(), nullptr, base);
  if (errno == ERANGE) return std::nullopt;
  constexpr auto kMax = static_cast<unsigned long long>(std::numeric_limits<int64_t>::max());
  if (negative) {
    if (magnitude > kMax + 1) return std::nullopt;
    return magnitude == kMax + 1 ? std::numeric_limits<int64_t>::min()
                                 : -static_cast<int64_t>(magnitude);
  }
  if (magnitude > kMax) return std::nullopt;
  return static_cast<int64_t>(magnitude);
}

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
std::optional<double> parseYamlFloat(std::string_view text) {
  if (isOneOf(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}))
    return std::numeric_limits<double>::infinity();
  if (isOneOf(text, {"-.inf", "-.Inf", "-.INF"})) return -std::numeric_limits<double>::infinity();
  if (isOneOf(text, {".nan", ".NaN", ".NAN"})) return std::numeric_limits<double>::quiet_NaN();
  std::string s = withoutUnderscores(text);
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return std::nullopt;
  } else {
    if (digits() == 0) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return std::strtod(s.c_str(), nullptr);
}

ScalarType resolvePlainScalar(std::string_view t) {
  if (t.empty() || isOneOf(t, {"~", "null", "Null", "NULL"})) return ScalarType::Null;
  char c = t[0];
  // Fast path: most scalars are names and words that cannot be anything else.
  bool mayBeSpecial = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'y' ||
                      c == 'Y' || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' ||
                      c == 'F' || c == 'o' || c == 'O';
  if (!mayBeSpecial) return ScalarType::String;
  if (parseYamlBool(t)) return ScalarType::Bool;
  if (parseYamlInt(t)) return ScalarType::Int;
  if (parseYamlFloat(t)) return ScalarType::Float;
  return ScalarType::String;
}

std::optional<ScalarType> typeFromTag(std::string_view tag) {
  constexpr std::string_view kPrefix = "tag:yaml.org,2002:";
  if (tag.substr(0, kPrefix.size()) == kPrefix) tag.remove_prefix(kPrefix.size());
  else if (tag.substr(0, 2) == "!!") tag.remove_prefix(2);
  else return std::nullopt;
  if (tag == "str" || tag == "binary" || tag == "timestamp") return ScalarType::String;
  if (tag == "int") return ScalarType::Int;
  if (tag == "float") return ScalarType::Float;
  if (tag == "bool") return ScalarType::Bool;
  if (tag == "null") return ScalarType::Null;
  return std::nullopt;
}

}  // namespace taskmaster::yaml
