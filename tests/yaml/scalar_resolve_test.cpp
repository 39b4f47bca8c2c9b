// Plain-scalar typing exactly as go-yaml v2 / sigs.k8s.io/yaml (what Helm and
// kubectl decode manifests with) does it.
#include "yaml/scalar_resolve.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_paths.h"
#include "yaml/parser.h"

using taskmaster::yaml::Node;
using taskmaster::yaml::parse;
using taskmaster::yaml::parseYamlBool;
using taskmaster::yaml::parseYamlFloat;
using taskmaster::yaml::parseYamlInt;
using taskmaster::yaml::parseYamlUint;
using taskmaster::yaml::resolvePlainScalar;
using taskmaster::yaml::ScalarType;
using taskmaster::yaml::typeFromTag;

namespace {

const char* typeName(ScalarType t) {
  switch (t) {
    case ScalarType::Null:
      return "null";
    case ScalarType::Bool:
      return "bool";
    case ScalarType::Int:
      return "int";
    case ScalarType::Float:
      return "float";
    case ScalarType::String:
      return "string";
  }
  return "?";
}

std::string readFixture(const std::string& relative) {
  std::ifstream in(taskmaster::test::testdata(relative), std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The scalar that ends each line (the value of `key: value`), by line.
void lastScalarByLine(const Node& n, std::map<uint32_t, Node>& out) {
  if (n.isScalar()) {
    auto it = out.find(n.line());
    if (it == out.end() || it->second.column() < n.column()) out[n.line()] = n;
    return;
  }
  for (size_t i = 0; i < n.size(); ++i) {
    if (n.isMap()) {
      lastScalarByLine(n.key(i), out);
      lastScalarByLine(n.value(i), out);
    } else {
      lastScalarByLine(n.item(i), out);
    }
  }
}

// One row of the go-yaml v2 resolution table.
struct Row {
  std::string text;
  ScalarType type;
  // For bool/int/float rows, the value; NaN is compared as NaN.
  double value = 0;
};

const std::vector<Row>& goYamlV2Table() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  static const std::vector<Row> rows = {
      // null
      {"", ScalarType::Null},
      {"~", ScalarType::Null},
      {"null", ScalarType::Null},
      {"Null", ScalarType::Null},
      {"NULL", ScalarType::Null},
      {"nULL", ScalarType::String},
      {"nil", ScalarType::String},
      {"None", ScalarType::String},
      // bool: YAML 1.1 words in three spellings each
      {"y", ScalarType::Bool, 1},
      {"Y", ScalarType::Bool, 1},
      {"yes", ScalarType::Bool, 1},
      {"Yes", ScalarType::Bool, 1},
      {"YES", ScalarType::Bool, 1},
      {"true", ScalarType::Bool, 1},
      {"True", ScalarType::Bool, 1},
      {"TRUE", ScalarType::Bool, 1},
      {"on", ScalarType::Bool, 1},
      {"On", ScalarType::Bool, 1},
      {"ON", ScalarType::Bool, 1},
      {"n", ScalarType::Bool, 0},
      {"N", ScalarType::Bool, 0},
      {"no", ScalarType::Bool, 0},
      {"No", ScalarType::Bool, 0},
      {"NO", ScalarType::Bool, 0},
      {"false", ScalarType::Bool, 0},
      {"False", ScalarType::Bool, 0},
      {"FALSE", ScalarType::Bool, 0},
      {"off", ScalarType::Bool, 0},
      {"Off", ScalarType::Bool, 0},
      {"OFF", ScalarType::Bool, 0},
      {"yES", ScalarType::String},
      {"tRUE", ScalarType::String},
      {"oN", ScalarType::String},
      {"t", ScalarType::String},
      {"f", ScalarType::String},
      {"o", ScalarType::String},
      {"yess", ScalarType::String},
      {"enabled", ScalarType::String},
      // int: strconv.ParseInt(s, 0, 64) after removing underscores
      {"0", ScalarType::Int, 0},
      {"-0", ScalarType::Int, 0},
      {"+1", ScalarType::Int, 1},
      {"12", ScalarType::Int, 12},
      {"-12", ScalarType::Int, -12},
      {"1_000", ScalarType::Int, 1000},
      {"1__0", ScalarType::Int, 10},
      {"-_1", ScalarType::Int, -1},
      {"0x1F", ScalarType::Int, 31},
      {"0X1f", ScalarType::Int, 31},
      {"-0x1F", ScalarType::Int, -31},
      {"+0x10", ScalarType::Int, 16},
      {"0x_1F", ScalarType::Int, 31},
      {"0o17", ScalarType::Int, 15},
      {"0O17", ScalarType::Int, 15},
      {"017", ScalarType::Int, 15},
      {"-017", ScalarType::Int, -15},
      {"00", ScalarType::Int, 0},
      {"0b101", ScalarType::Int, 5},
      {"0B11", ScalarType::Int, 3},
      {"-0b101", ScalarType::Int, -5},
      {"9223372036854775807", ScalarType::Int, 9223372036854775807.0},
      {"-9223372036854775808", ScalarType::Int, -9223372036854775808.0},
      // 2^63 .. 2^64-1: ParseUint succeeds, still an int
      {"9223372036854775808", ScalarType::Int, 9223372036854775808.0},
      {"18446744073709551615", ScalarType::Int, 18446744073709551615.0},
      {"0xFFFFFFFFFFFFFFFF", ScalarType::Int, 18446744073709551615.0},
      // beyond 64 bits: the float pattern takes decimal digits, nothing takes hex
      {"18446744073709551616", ScalarType::Float, 18446744073709551616.0},
      {"-9223372036854775809", ScalarType::Float, -9223372036854775809.0},
      {"0x10000000000000000", ScalarType::String},
      // float: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ and specials
      {"1.5", ScalarType::Float, 1.5},
      {"-1.5", ScalarType::Float, -1.5},
      {"+1.5", ScalarType::Float, 1.5},
      {"1.", ScalarType::Float, 1},
      {"0.", ScalarType::Float, 0},
      {".5", ScalarType::Float, 0.5},
      {"-.5", ScalarType::Float, -0.5},
      {"+.5", ScalarType::Float, 0.5},
      {".0", ScalarType::Float, 0},
      {"1e3", ScalarType::Float, 1000},
      {"1E3", ScalarType::Float, 1000},
      {"1e+3", ScalarType::Float, 1000},
      {"1.5e-3", ScalarType::Float, 0.0015},
      {".5e3", ScalarType::Float, 500},
      {".5E+3", ScalarType::Float, 500},
      {"1_000.5", ScalarType::Float, 1000.5},
      {"1_.5", ScalarType::Float, 1.5},
      {"09", ScalarType::Float, 9},  // not octal, so the float pattern takes it
      {"08.5", ScalarType::Float, 8.5},
      {"1e-400", ScalarType::Float, 0},  // underflow is no error for ParseFloat
      {".inf", ScalarType::Float, inf},
      {".Inf", ScalarType::Float, inf},
      {".INF", ScalarType::Float, inf},
      {"+.inf", ScalarType::Float, inf},
      {"+.Inf", ScalarType::Float, inf},
      {"+.INF", ScalarType::Float, inf},
      {"-.inf", ScalarType::Float, -inf},
      {"-.Inf", ScalarType::Float, -inf},
      {"-.INF", ScalarType::Float, -inf},
      {".nan", ScalarType::Float, nan},
      {".NaN", ScalarType::Float, nan},
      {".NAN", ScalarType::Float, nan},
      // `.`-led text goes to strconv.ParseFloat as written: underscores only between digits
      {".5_0", ScalarType::Float, 0.5},
      {"._5", ScalarType::String},
      {".5_", ScalarType::String},
      {".5__0", ScalarType::String},
      // strings that look numeric
      {"1e999", ScalarType::String},  // ParseFloat overflows, go-yaml keeps the text
      {"-1e999", ScalarType::String},
      {".5e999", ScalarType::String},
      {".", ScalarType::String},
      {"..", ScalarType::String},
      {".e3", ScalarType::String},
      {"-.", ScalarType::String},
      {"-.nan", ScalarType::String},
      {"+.nan", ScalarType::String},
      {".Nan", ScalarType::String},
      {".iNf", ScalarType::String},
      {"inf", ScalarType::String},
      {"Infinity", ScalarType::String},
      {"NaN", ScalarType::String},
      {"nan", ScalarType::String},
      {"1e", ScalarType::String},
      {"e3", ScalarType::String},
      {"1.2.3", ScalarType::String},
      {"1:20", ScalarType::String},  // no sexagesimal numbers
      {"190:20:30", ScalarType::String},
      {"1,000", ScalarType::String},
      {"0x", ScalarType::String},
      {"0x1G", ScalarType::String},
      {"0b2", ScalarType::String},
      {"0o8", ScalarType::String},
      {"0o", ScalarType::String},
      {"0x1p-2", ScalarType::String},
      {"12abc", ScalarType::String},
      {"+-1", ScalarType::String},
      {"+", ScalarType::String},
      {"_1", ScalarType::String},
      {"2001-12-14", ScalarType::String},  // a timestamp decodes to a string
      {"2001-12-14t21:59:43.10-05:00", ScalarType::String},
      {"v1", ScalarType::String},
      {"100m", ScalarType::String},
      {"128Mi", ScalarType::String},
      {"<<", ScalarType::String},
      {"=", ScalarType::String},
  };
  return rows;
}

void checkRowValue(const Row& row) {
  switch (row.type) {
    case ScalarType::Bool:
      CHECK(parseYamlBool(row.text) == (row.value != 0));
      break;
    case ScalarType::Int: {
      if (auto i = parseYamlInt(row.text)) {
        CHECK(static_cast<double>(*i) == row.value);
      } else {
        auto u = parseYamlUint(row.text);
        CHECK(u);
        if (u) CHECK(static_cast<double>(*u) == row.value);
      }
      break;
    }
    case ScalarType::Float: {
      auto f = parseYamlFloat(row.text);
      CHECK(f);
      if (!f) break;
      if (std::isnan(row.value))
        CHECK(std::isnan(*f));
      else
        CHECK(*f == Approx(row.value));
      break;
    }
    default:
      break;
  }
}

}  // namespace

TEST_CASE("scalars: yaml11-booleans.yaml resolves as its comments say Helm resolves it",
          "[yaml][scalars][fixture]") {
  std::string text = readFixture("manifests/yaml11-booleans.yaml");
  auto stream = parse(text);
  REQUIRE(stream->documents().size() == 1);
  std::map<uint32_t, Node> byLine;
  lastScalarByLine(stream->documents()[0].root, byLine);

  std::istringstream lines(text);
  std::string line;
  uint32_t number = 0;
  int checked = 0;
  std::map<std::string, int> perType;
  while (std::getline(lines, line)) {
    ++number;
    size_t first = line.find_first_not_of(' ');
    size_t hash = line.find(" #");
    if (first == std::string::npos || line[first] == '#' || hash == std::string::npos) continue;
    // "# <type> [<value>] [(why)]"
    std::istringstream comment(line.substr(hash + 2));
    std::string type, value;
    comment >> type >> value;
    if (!value.empty() && value[0] == '(') value.clear();
    INFO("line " << number << ": " << line);
    auto it = byLine.find(number);
    REQUIRE(it != byLine.end());
    Node n = it->second;
    CHECK(typeName(n.scalarType()) == type);
    ++perType[type];
    if (type == "bool") {
      REQUIRE((value == "true" || value == "false"));
      CHECK(n.asBool() == (value == "true"));
    } else if (type == "int") {
      CHECK(n.asInt() == std::stoll(value));
      CHECK(n.asNumber() == static_cast<double>(std::stoll(value)));
    } else if (type == "string") {
      CHECK(n.str() == value);
      CHECK_FALSE(n.asBool());
      CHECK_FALSE(n.asInt());
    } else if (type == "null") {
      CHECK(n.isNull());
    } else {
      FAIL("unknown type in fixture comment: " << type);
    }
    ++checked;
  }
  // The fixture covers every kind of surprise; make sure none were skipped.
  CHECK(checked >= 19);
  CHECK(perType["bool"] >= 7);
  CHECK(perType["int"] >= 5);
  CHECK(perType["string"] >= 5);
  CHECK(perType["null"] >= 1);
}

TEST_CASE("scalars: resolvePlainScalar follows go-yaml v2 row by row", "[yaml][scalars]") {
  for (const Row& row : goYamlV2Table()) {
    INFO("plain scalar `" << row.text << "` expected " << typeName(row.type));
    CHECK(typeName(resolvePlainScalar(row.text)) == std::string(typeName(row.type)));
    checkRowValue(row);
  }
}

TEST_CASE("scalars: the parser types plain scalars as resolvePlainScalar does", "[yaml][scalars]") {
  for (const Row& row : goYamlV2Table()) {
    if (row.text.empty() || row.text == "-" || row.text == "<<") continue;
    INFO("v: " << row.text);
    auto s = parse("v: " + row.text + "\n");
    Node v = s->documents()[0].root.get("v");
    REQUIRE(v.valid());
    CHECK(v.scalar() == row.text);
    CHECK(typeName(v.scalarType()) == std::string(typeName(row.type)));
    switch (row.type) {
      case ScalarType::Bool:
        CHECK(v.asBool() == (row.value != 0));
        break;
      case ScalarType::Int:
      case ScalarType::Float: {
        auto number = v.asNumber();
        CHECK(number);
        if (!number) break;
        if (std::isnan(row.value))
          CHECK(std::isnan(*number));
        else
          CHECK(*number == Approx(row.value));
        break;
      }
      case ScalarType::Null:
        CHECK(v.isNull());
        break;
      case ScalarType::String:
        CHECK_FALSE(v.asNumber());
        CHECK_FALSE(v.asBool());
        break;
    }
  }
}

TEST_CASE("scalars: typed accessors agree with the type", "[yaml][scalars]") {
  auto s = parse("i: 42\nbig: 9223372036854775808\nf: 2.5\nb: off\ns: text\nn: ~\n");
  Node root = s->documents()[0].root;
  CHECK(root.get("i").asInt() == 42);
  CHECK(root.get("i").asNumber() == 42.0);
  CHECK_FALSE(root.get("i").asBool());
  // An int beyond int64 is still a number, but no int64.
  CHECK(root.get("big").scalarType() == ScalarType::Int);
  CHECK_FALSE(root.get("big").asInt());
  CHECK(root.get("big").asNumber() == Approx(9223372036854775808.0));
  CHECK_FALSE(root.get("f").asInt());
  CHECK(root.get("f").asNumber() == 2.5);
  CHECK(root.get("b").asBool() == false);
  CHECK_FALSE(root.get("b").asNumber());
  CHECK(root.get("s").str() == "text");
  CHECK_FALSE(root.get("s").asBool());
  CHECK(root.get("n").isNull());
  CHECK_FALSE(root.get("n").asBool());
}

TEST_CASE("scalars: parse functions on their own", "[yaml][scalars]") {
  CHECK(parseYamlInt("0x7FFFFFFFFFFFFFFF") == std::numeric_limits<int64_t>::max());
  CHECK(parseYamlInt("-0x8000000000000000") == std::numeric_limits<int64_t>::min());
  CHECK_FALSE(parseYamlInt("0x8000000000000000"));
  CHECK(parseYamlUint("0x8000000000000000") == uint64_t{1} << 63);
  CHECK_FALSE(parseYamlUint("-1"));
  CHECK_FALSE(parseYamlUint("+1"));  // ParseUint takes no sign
  CHECK_FALSE(parseYamlUint("18446744073709551616"));
  CHECK_FALSE(parseYamlInt(""));
  CHECK_FALSE(parseYamlInt("-"));
  CHECK_FALSE(parseYamlInt("1 2"));
  CHECK_FALSE(parseYamlInt(" 1"));
  CHECK_FALSE(parseYamlBool(""));
  CHECK_FALSE(parseYamlBool("1"));
  CHECK_FALSE(parseYamlFloat(""));
  CHECK_FALSE(parseYamlFloat("1.5 "));
  CHECK_FALSE(parseYamlFloat("0x10"));
}

TEST_CASE("scalars: type named by an explicit tag", "[yaml][scalars][tags]") {
  const std::vector<std::pair<std::string, std::optional<ScalarType>>> tags = {
      {"!!str", ScalarType::String},
      {"tag:yaml.org,2002:str", ScalarType::String},
      {"!!binary", ScalarType::String},
      {"!!timestamp", ScalarType::String},
      {"!!int", ScalarType::Int},
      {"tag:yaml.org,2002:int", ScalarType::Int},
      {"!!float", ScalarType::Float},
      {"tag:yaml.org,2002:float", ScalarType::Float},
      {"!!bool", ScalarType::Bool},
      {"tag:yaml.org,2002:bool", ScalarType::Bool},
      {"!!null", ScalarType::Null},
      {"tag:yaml.org,2002:null", ScalarType::Null},
      {"!", std::nullopt},
      {"!custom", std::nullopt},
      {"!!map", std::nullopt},
      {"tag:example.com,2000:int", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [tag, type] : tags) {
    INFO("tag " << tag);
    CHECK(typeFromTag(tag) == type);
  }
}
