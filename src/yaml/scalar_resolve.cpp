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
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return false;
    if (d >= base) return false;
  }
  return true;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

bool underscoresBetweenDigits(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '_' && (i == 0 || i + 1 == s.size() || !isDigit(s[i - 1]) || !isDigit(s[i + 1])))
      return false;
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

namespace {

// Sign and magnitude of an integer as Go's strconv.ParseInt/ParseUint(s, 0,
// 64) read it after go-yaml v2 removed the underscores; nullopt when invalid
// or beyond 64 bits.
struct Magnitude {
  bool negative = false;
  bool has_sign = false;
  unsigned long long value = 0;
};

std::optional<Magnitude> parseMagnitude(std::string_view text) {
  std::string s = withoutUnderscores(text);
  std::string_view v = s;
  Magnitude m;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    m.has_sign = true;
    m.negative = v[0] == '-';
    v.remove_prefix(1);
  }
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
    base = 16, v.remove_prefix(2);
  else if (v.size() > 2 && v[0] == '0' && (v[1] == 'b' || v[1] == 'B'))
    base = 2, v.remove_prefix(2);
  else if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'O'))
    base = 8, v.remove_prefix(2);
  else if (v.size() > 1 && v[0] == '0')
    base = 8, v.remove_prefix(1);
  if (!allDigits(v, base)) return std::nullopt;
  errno = 0;
  std::string digits(v);
  m.value = std::strtoull(digits.c_str(), nullptr, base);
  if (errno == ERANGE) return std::nullopt;
  return m;
}

}  // namespace

// Go's strconv.ParseInt(s, 0, 64) after removing underscores, as go-yaml v2.
std::optional<int64_t> parseYamlInt(std::string_view text) {
  auto m = parseMagnitude(text);
  if (!m) return std::nullopt;
  unsigned long long magnitude = m->value;
  constexpr auto kMax = static_cast<unsigned long long>(std::numeric_limits<int64_t>::max());
  if (m->negative) {
    if (magnitude > kMax + 1) return std::nullopt;
    return magnitude == kMax + 1 ? std::numeric_limits<int64_t>::min()
                                 : -static_cast<int64_t>(magnitude);
  }
  if (magnitude > kMax) return std::nullopt;
  return static_cast<int64_t>(magnitude);
}

std::optional<uint64_t> parseYamlUint(std::string_view text) {
  auto m = parseMagnitude(text);
  // ParseUint takes no sign at all.
  if (!m || m->has_sign) return std::nullopt;
  return static_cast<uint64_t>(m->value);
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
  // strconv.ParseFloat fails on overflow (`1e999`), and go-yaml then keeps
  // the text as a string; underflow to zero is no error there.
  double value = std::strtod(s.c_str(), nullptr);
  if (std::isinf(value)) return std::nullopt;
  return value;
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
  // go-yaml v2 hands `.`-led scalars to strconv.ParseFloat as written, which
  // takes an underscore only between two digits (`.5_0`, not `._5`).
  if (c == '.') {
    if (!underscoresBetweenDigits(t)) return ScalarType::String;
    return parseYamlFloat(t) ? ScalarType::Float : ScalarType::String;
  }
  if (parseYamlInt(t) || parseYamlUint(t)) return ScalarType::Int;
  if (parseYamlFloat(t)) return ScalarType::Float;
  return ScalarType::String;
}

std::optional<ScalarType> typeFromTag(std::string_view tag) {
  constexpr std::string_view kPrefix = "tag:yaml.org,2002:";
  if (tag.substr(0, kPrefix.size()) == kPrefix)
    tag.remove_prefix(kPrefix.size());
  else if (tag.substr(0, 2) == "!!")
    tag.remove_prefix(2);
  else
    return std::nullopt;
  if (tag == "str" || tag == "binary" || tag == "timestamp") return ScalarType::String;
  if (tag == "int") return ScalarType::Int;
  if (tag == "float") return ScalarType::Float;
  if (tag == "bool") return ScalarType::Bool;
  if (tag == "null") return ScalarType::Null;
  return std::nullopt;
}

}  // namespace taskmaster::yaml
