// The compact YAML tree: structure, lookups, positions, documents, anchors,
// merge keys and the limits that keep hostile input out.
#include "yaml/parser.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_paths.h"

using taskmaster::yaml::Document;
using taskmaster::yaml::Node;
using taskmaster::yaml::NodeKind;
using taskmaster::yaml::parse;
using taskmaster::yaml::ParseError;
using taskmaster::yaml::ParseLimits;
using taskmaster::yaml::ScalarType;
using taskmaster::yaml::Stream;

namespace {

std::string readFixture(const std::string& relative) {
  std::ifstream in(taskmaster::test::testdata(relative), std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The root of document `i`; the stream must outlive the node.
Node rootOf(const std::shared_ptr<const Stream>& s, size_t i = 0) {
  REQUIRE(s->documents().size() > i);
  return s->documents()[i].root;
}

std::optional<ParseError> parseErrorOf(std::string text, const ParseLimits& limits = {}) {
  try {
    parse(std::move(text), limits);
  } catch (const ParseError& e) {
    return e;
  }
  return std::nullopt;
}

struct Position {
  uint32_t line, column;
  bool operator==(const Position& o) const { return line == o.line && column == o.column; }
};
std::ostream& operator<<(std::ostream& os, const Position& p) {
  return os << p.line << ":" << p.column;
}
Position at(const Node& n) {
  return {n.line(), n.column()};
}

std::vector<std::string> keysOf(const Node& map) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < map.size(); ++i) keys.emplace_back(map.key(i).scalar());
  return keys;
}

}  // namespace

TEST_CASE("parser: mappings, sequences and nested collections", "[yaml][parser]") {
  auto s = parse(
      "apiVersion: v1\n"
      "kind: Pod\n"
      "spec:\n"
      "  containers:\n"
      "    - name: app\n"
      "      ports: [80, 443]\n"
      "    - name: side\n"
      "  tags: {a: x, b: y}\n");
  Node root = rootOf(s);
  REQUIRE(root.isMap());
  CHECK(root.kind() == NodeKind::Mapping);
  CHECK(root.size() == 3);
  CHECK(keysOf(root) == std::vector<std::string>{"apiVersion", "kind", "spec"});
  CHECK(root.key(1).scalar() == "kind");
  CHECK(root.value(1).scalar() == "Pod");
  CHECK(root.get("apiVersion").scalar() == "v1");

  Node containers = root.path({"spec", "containers"});
  REQUIRE(containers.isSeq());
  CHECK(containers.kind() == NodeKind::Sequence);
  CHECK(containers.size() == 2);
  CHECK(containers.item(0).isMap());
  CHECK(containers.item(0).get("name").str() == "app");
  CHECK(containers.item(1).get("name").str() == "side");

  Node ports = containers.item(0).get("ports");
  REQUIRE(ports.isSeq());
  REQUIRE(ports.size() == 2);
  CHECK(ports.item(0).asInt() == 80);
  CHECK(ports.item(1).asInt() == 443);
  CHECK(ports.item(1).scalarType() == ScalarType::Int);

  Node tags = root.path({"spec", "tags"});
  REQUIRE(tags.isMap());
  CHECK(keysOf(tags) == std::vector<std::string>{"a", "b"});
  CHECK(tags.get("b").scalar() == "y");

  // A collection has no scalar text; a scalar has no children.
  CHECK(root.scalar().empty());
  CHECK(root.str().empty());
  CHECK(root.get("kind").size() == 0);
  CHECK(root.get("kind").isScalar());
  CHECK_FALSE(root.get("kind").isMap());
  CHECK_FALSE(root.get("kind").isSeq());
  // Aliases share nodes and everything else is a fresh one.
  CHECK(s->nodeCount() == 25);
}

TEST_CASE("parser: lookups that miss give an invalid handle, never a crash", "[yaml][parser]") {
  auto s = parse("a: 1\nlist: [x, y]\nmap: {k: v}\n");
  Node root = rootOf(s);

  Node missing = root.get("nope");
  CHECK_FALSE(missing.valid());
  CHECK_FALSE(static_cast<bool>(missing));
  CHECK(missing.isNull());
  CHECK_FALSE(missing.isScalar());
  CHECK_FALSE(missing.isMap());
  CHECK_FALSE(missing.isSeq());
  CHECK(missing.line() == 0);
  CHECK(missing.column() == 0);
  CHECK(missing.scalar().empty());
  CHECK(missing.size() == 0);
  CHECK_FALSE(missing.asBool());
  CHECK_FALSE(missing.asInt());
  CHECK_FALSE(missing.asNumber());
  CHECK_FALSE(missing.get("x").valid());
  CHECK_FALSE(missing.item(0).valid());

  CHECK_FALSE(root.get("a").get("x").valid());             // get on a scalar
  CHECK_FALSE(root.get("list").get("x").valid());          // get on a sequence
  CHECK_FALSE(root.get("list").item(2).valid());           // past the end
  CHECK_FALSE(root.get("list").key(0).valid());            // key of a sequence
  CHECK_FALSE(root.get("list").value(0).valid());          // value of a sequence
  CHECK_FALSE(root.get("map").item(0).valid());            // item of a mapping
  CHECK_FALSE(root.get("map").key(1).valid());             // past the end
  CHECK_FALSE(root.path({"map", "k", "deeper"}).valid());  // through a scalar
  CHECK_FALSE(root.path({"nope", "k"}).valid());           // through a miss
  CHECK(root.path({"map", "k"}).scalar() == "v");
  CHECK(root.path({}) == root);
}

TEST_CASE("parser: the last of duplicate keys wins", "[yaml][parser]") {
  auto s = parse("a: first\nb: other\na: second\nnested:\n  x: 1\n  x: 2\n");
  Node root = rootOf(s);
  CHECK(root.get("a").scalar() == "second");
  CHECK(root.get("a").line() == 3);
  CHECK(root.path({"nested", "x"}).asInt() == 2);
  // The entries stay as written; only lookup picks the last.
  CHECK(root.size() == 4);
  CHECK(root.value(0).scalar() == "first");
}

TEST_CASE("parser: every node kind has its line and column", "[yaml][parser][positions]") {
  auto s = parse(
      "top: plain\n"            // 1
      "quoted: \"dq\"\n"        // 2
      "single: 'sq'\n"          // 3
      "block: |\n"              // 4
      "  text\n"                // 5
      "indentless:\n"           // 6
      "- a\n"                   // 7
      "-   b\n"                 // 8
      "indented:\n"             // 9
      "    - name: first\n"     // 10
      "      image: img\n"      // 11
      "    - [1, {k: v}]\n"     // 12
      "flow: {x: [10, 20]}\n"   // 13
      "anchored: &anc value\n"  // 14
      "alias: *anc\n");         // 15
  Node root = rootOf(s);
  CHECK(at(root) == Position{1, 1});
  CHECK(at(root.key(0)) == Position{1, 1});
  CHECK(at(root.get("top")) == Position{1, 6});
  CHECK(at(root.get("quoted")) == Position{2, 9});  // at the opening quote
  CHECK(at(root.get("single")) == Position{3, 9});
  CHECK(at(root.get("block")) == Position{4, 8});  // at the `|` indicator
  CHECK(root.get("block").scalar() == "text\n");

  Node indentless = root.get("indentless");
  CHECK(at(indentless) == Position{7, 1});
  CHECK(at(indentless.item(0)) == Position{7, 3});
  CHECK(at(indentless.item(1)) == Position{8, 5});

  Node indented = root.get("indented");
  CHECK(at(indented) == Position{10, 5});
  Node first = indented.item(0);  // a mapping inside a sequence
  REQUIRE(first.isMap());
  CHECK(at(first) == Position{10, 7});
  CHECK(at(first.key(0)) == Position{10, 7});
  CHECK(at(first.get("name")) == Position{10, 13});
  CHECK(at(first.key(1)) == Position{11, 7});
  CHECK(at(first.get("image")) == Position{11, 14});
  Node flowSeq = indented.item(1);
  REQUIRE(flowSeq.isSeq());
  CHECK(at(flowSeq) == Position{12, 7});
  CHECK(at(flowSeq.item(0)) == Position{12, 8});
  CHECK(at(flowSeq.item(1)) == Position{12, 11});  // a flow mapping inside a flow sequence
  CHECK(at(flowSeq.item(1).get("k")) == Position{12, 15});

  Node flow = root.get("flow");
  CHECK(at(flow) == Position{13, 7});
  CHECK(at(flow.key(0)) == Position{13, 8});
  CHECK(at(flow.get("x")) == Position{13, 11});
  CHECK(at(flow.get("x").item(1)) == Position{13, 16});

  // An alias is the anchored node itself, so it reports the anchor's place.
  CHECK(at(root.get("anchored")) == Position{14, 11});
  CHECK(root.get("alias") == root.get("anchored"));
  CHECK(at(root.get("alias")) == Position{14, 11});
  CHECK(at(root.key(root.size() - 1)) == Position{15, 1});
}

TEST_CASE("parser: empty values sit where they are implied, not at the next token",
          "[yaml][parser][positions]") {
  auto s = parse("a:\nb: 1\nc:\n---\n");
  Node root = rootOf(s);
  REQUIRE(root.get("a").valid());
  CHECK(root.get("a").isNull());
  CHECK(root.get("a").scalarType() == ScalarType::Null);
  CHECK(root.get("a").line() == 1);
  CHECK(root.get("c").isNull());
  CHECK(root.get("c").line() == 3);
  CHECK(s->documents()[0].end_line == 3);
}

TEST_CASE("parser: multi-document streams with start and end lines", "[yaml][parser][documents]") {
  auto s = parse(
      "# leading comment\n"   // 1
      "a: 1\n"                // 2
      "---\n"                 // 3
      "b:\n"                  // 4
      "  - x\n"               // 5
      "  - y\n"               // 6
      "# trailing comment\n"  // 7
      "---\n"                 // 8
      "c: |\n"                // 9
      "  one\n"               // 10
      "  two\n"               // 11
      "---\n"                 // 12
      "d: [1,\n"              // 13
      "  2\n"                 // 14
      "  ]\n"                 // 15
      "...\n"                 // 16
      "---\n"                 // 17
      "e: \"multi\n"          // 18
      "  line\"\n");          // 19
  const auto& docs = s->documents();
  REQUIRE(docs.size() == 5);
  CHECK(docs[0].start_line == 2);  // first content: comments before it are not counted
  CHECK(docs[0].end_line == 2);
  CHECK(docs[0].root.get("a").asInt() == 1);
  CHECK(docs[1].start_line == 3);  // the `---`
  CHECK(docs[1].end_line == 6);
  CHECK(docs[1].root.get("b").size() == 2);
  CHECK(docs[2].start_line == 8);
  CHECK(docs[2].end_line == 11);  // a block scalar ends at its last line
  CHECK(docs[2].root.get("c").scalar() == "one\ntwo\n");
  CHECK(docs[3].start_line == 12);
  CHECK(docs[3].end_line == 16);  // the closing bracket, then the explicit `...`
  CHECK(docs[4].start_line == 17);
  CHECK(docs[4].end_line == 19);  // a multi-line quoted scalar
  CHECK(docs[4].root.get("e").scalar() == "multi line");
  for (size_t i = 1; i < docs.size(); ++i) CHECK(docs[i - 1].end_line < docs[i].start_line);
}

TEST_CASE("parser: empty documents and documents with only comments", "[yaml][parser][documents]") {
  SECTION("empty input and comment-only input hold no document") {
    CHECK(parse("")->documents().empty());
    CHECK(parse("\n\n")->documents().empty());
    CHECK(parse("# only a comment\n# and another\n")->documents().empty());
  }
  SECTION("empty documents between separators are null roots on their own lines") {
    auto s = parse("---\n---\n# just a comment\n---\na: 1\n---\n");
    const auto& docs = s->documents();
    REQUIRE(docs.size() == 4);
    for (size_t i : {0u, 1u, 3u}) {
      INFO("document " << i);
      CHECK(docs[i].root.valid());
      CHECK(docs[i].root.isScalar());
      CHECK(docs[i].root.isNull());
      CHECK(docs[i].root.scalar().empty());
    }
    CHECK(docs[0].start_line == 1);
    CHECK(docs[0].end_line == 1);
    CHECK(docs[0].root.line() == 1);
    CHECK(docs[1].start_line == 2);
    CHECK(docs[1].end_line == 2);
    CHECK(docs[1].root.line() == 2);
    CHECK(docs[2].start_line == 4);
    CHECK(docs[2].root.get("a").asInt() == 1);
    CHECK(docs[3].start_line == 6);
    CHECK(docs[3].end_line == 6);
    CHECK(docs[3].root.line() == 6);
  }
  SECTION("an explicit null document") {
    auto s = parse("--- ~\n");
    REQUIRE(s->documents().size() == 1);
    CHECK(s->documents()[0].root.isNull());
    CHECK(s->documents()[0].root.scalar() == "~");
  }
}

TEST_CASE("parser: the multi/ fixtures parse into the expected documents", "[yaml][parser]") {
  auto s = parse(readFixture("manifests/multi/30-service.yaml"));
  const auto& docs = s->documents();
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].root.path({"metadata", "name"}).str() == "api");
  CHECK(docs[0].root.path({"spec", "ports"}).item(0).get("targetPort").asInt() == 8000);
  CHECK(docs[1].root.path({"metadata", "name"}).str() == "frontend");
  CHECK(docs[0].start_line == 1);
  CHECK(docs[0].end_line == 12);
  CHECK(docs[1].start_line == 13);
  CHECK(docs[1].end_line == 25);
  CHECK(docs[1].root.get("kind").line() == 15);
}

TEST_CASE("parser: quoted scalars are strings whatever they spell", "[yaml][parser][scalars]") {
  auto s = parse(
      "a: \"yes\"\nb: 'off'\nc: \"123\"\nd: '1.5'\ne: \"~\"\nf: ''\ng: \"null\"\nh: '0x1F'\n");
  Node root = rootOf(s);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"a", "yes"}, {"b", "off"}, {"c", "123"},  {"d", "1.5"},
      {"e", "~"},   {"f", ""},    {"g", "null"}, {"h", "0x1F"}};
  for (const auto& [key, text] : expected) {
    INFO(key);
    Node n = root.get(key);
    REQUIRE(n.valid());
    CHECK(n.scalarType() == ScalarType::String);
    CHECK(n.scalar() == text);
    CHECK_FALSE(n.isNull());
    CHECK_FALSE(n.asBool());
    CHECK_FALSE(n.asInt());
    CHECK_FALSE(n.asNumber());
  }
}

TEST_CASE("parser: explicit tags decide the type", "[yaml][parser][scalars]") {
  auto s = parse(
      "a: !!str 1\n"
      "b: !!int \"3\"\n"
      "c: !!bool \"yes\"\n"
      "d: !!float \"1.5\"\n"
      "e: !!null \"\"\n"
      "f: !<tag:yaml.org,2002:str> true\n"
      "g: !!str yes\n"
      "h: !!int 0x10\n"
      "i: ! 5\n"        // non-specific tag: a string, as go-yaml v2 reads it
      "j: !custom 7\n"  // a tag go-yaml v2 does not resolve stays text
      "k: !!timestamp 2001-12-14\n"
      "l: !!binary aGVsbG8=\n");
  Node root = rootOf(s);
  CHECK(root.get("a").scalarType() == ScalarType::String);
  CHECK(root.get("a").scalar() == "1");
  CHECK_FALSE(root.get("a").asInt());
  CHECK(root.get("b").scalarType() == ScalarType::Int);
  CHECK(root.get("b").asInt() == 3);
  CHECK(root.get("b").asNumber() == 3.0);
  CHECK(root.get("c").scalarType() == ScalarType::Bool);
  CHECK(root.get("c").asBool() == true);
  CHECK(root.get("d").scalarType() == ScalarType::Float);
  CHECK(root.get("d").asNumber() == 1.5);
  CHECK(root.get("e").isNull());
  CHECK(root.get("f").scalarType() == ScalarType::String);
  CHECK(root.get("f").scalar() == "true");
  CHECK(root.get("g").scalarType() == ScalarType::String);
  CHECK_FALSE(root.get("g").asBool());
  CHECK(root.get("h").asInt() == 16);
  CHECK(root.get("i").scalarType() == ScalarType::String);
  CHECK(root.get("i").scalar() == "5");
  CHECK(root.get("j").scalarType() == ScalarType::String);
  CHECK(root.get("k").scalarType() == ScalarType::String);
  CHECK(root.get("l").scalarType() == ScalarType::String);
  CHECK(root.get("l").scalar() == "aGVsbG8=");
}

TEST_CASE("parser: block scalars, literal and folded, clip, keep and strip",
          "[yaml][parser][scalars]") {
  auto s = parse(
      "literal: |\n"
      "  line one\n"
      "    indented\n"
      "  line three\n"
      "\n"
      "folded: >\n"
      "  folded\n"
      "  together\n"
      "\n"
      "  new paragraph\n"
      "keep: |+\n"
      "  kept\n"
      "\n"
      "\n"
      "strip: |-\n"
      "  stripped\n"
      "\n"
      "folded_strip: >-\n"
      "  a\n"
      "  b\n"
      "indicator: |2\n"
      "   three spaces\n"
      "last: end\n");
  Node root = rootOf(s);
  CHECK(root.get("literal").scalar() == "line one\n  indented\nline three\n");
  CHECK(root.get("folded").scalar() == "folded together\nnew paragraph\n");
  CHECK(root.get("keep").scalar() == "kept\n\n\n");
  CHECK(root.get("strip").scalar() == "stripped");
  CHECK(root.get("folded_strip").scalar() == "a b");
  CHECK(root.get("indicator").scalar() == " three spaces\n");
  CHECK(root.get("last").scalar() == "end");
  // Block scalars are never typed by their text.
  auto typed = parse("n: |-\n  123\nb: >-\n  yes\n");
  CHECK(rootOf(typed).get("n").scalarType() == ScalarType::String);
  CHECK(rootOf(typed).get("n").scalar() == "123");
  CHECK(rootOf(typed).get("b").scalarType() == ScalarType::String);
}

TEST_CASE("parser: escapes in double-quoted scalars give the unescaped text",
          "[yaml][parser][scalars]") {
  auto s = parse(
      "tab: \"a\\tb\"\n"
      "newline: \"line1\\nline2\"\n"
      "quote: \"say \\\"hi\\\"\"\n"
      "backslash: \"c:\\\\dir\"\n"
      "unicode: \"caf\\u00e9 \\U0001F600\"\n"
      "hex: \"\\x41\\x42\"\n"
      "folded: \"one\n"
      "  two\\\n"
      "  three\"\n"
      "single: 'it''s'\n"
      "plain: after\n");
  Node root = rootOf(s);
  CHECK(root.get("tab").scalar() == "a\tb");
  CHECK(root.get("newline").scalar() == "line1\nline2");
  CHECK(root.get("quote").scalar() == "say \"hi\"");
  CHECK(root.get("backslash").scalar() == "c:\\dir");
  CHECK(root.get("unicode").scalar() == "caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(root.get("hex").scalar() == "AB");
  CHECK(root.get("folded").scalar() == "one twothree");
  CHECK(root.get("single").scalar() == "it's");
  // Text after the rewritten scalars still points at the right bytes.
  CHECK(root.get("plain").scalar() == "after");
  CHECK(root.get("plain").line() == 11);
}

TEST_CASE("parser: non-ASCII text before plain scalars keeps values right",
          "[yaml][parser][scalars]") {
  // libyaml counts marks in characters, not bytes: after `زبان` (4 characters,
  // 8 bytes) every offset into the input would be 4 bytes short.
  auto s = parse(
      "name: زبان\n"
      "next: value\n"
      "زبان: اردو\n"
      "count: 42\n"
      "list: [زبان, yes, 7, plain]\n"
      "\"کلید\": quoted-key\n"
      "emoji: \"😀\"\n"
      "tail: the-end\n");
  Node root = rootOf(s);
  CHECK(root.get("name").scalar() == "زبان");
  CHECK(root.get("next").scalar() == "value");
  CHECK(root.get("زبان").scalar() == "اردو");
  CHECK(root.get("count").asInt() == 42);
  Node list = root.get("list");
  REQUIRE(list.size() == 4);
  CHECK(list.item(0).scalar() == "زبان");
  CHECK(list.item(1).asBool() == true);
  CHECK(list.item(2).asInt() == 7);
  CHECK(list.item(3).scalar() == "plain");
  CHECK(root.get("کلید").scalar() == "quoted-key");
  CHECK(root.get("emoji").scalar() == "😀");
  CHECK(root.get("tail").scalar() == "the-end");
  // Columns count characters, as an editor shows them.
  CHECK(at(root.get("زبان")) == Position{3, 7});
  CHECK(at(list.item(1)) == Position{5, 14});
  CHECK(root.get("tail").line() == 8);
}

TEST_CASE("parser: anchors and aliases share nodes", "[yaml][parser][anchors]") {
  auto s = parse(
      "base: &base\n"
      "  image: app:1\n"
      "  port: 80\n"
      "copy: *base\n"
      "scalar: &s shared\n"
      "list: [*s, *s, *base]\n"
      "---\n"
      "base: &base {other: doc}\n"
      "again: *base\n");
  Node root = rootOf(s);
  CHECK(root.get("copy") == root.get("base"));
  CHECK(root.get("copy").get("image").scalar() == "app:1");
  Node list = root.get("list");
  REQUIRE(list.size() == 3);
  CHECK(list.item(0) == root.get("scalar"));
  CHECK(list.item(1) == root.get("scalar"));
  CHECK(list.item(2) == root.get("base"));
  CHECK(list.item(0).scalar() == "shared");
  // An anchor redefined in a later document names the later node.
  Node second = rootOf(s, 1);
  CHECK(second.get("again") == second.get("base"));
  CHECK(second.path({"again", "other"}).scalar() == "doc");
  CHECK_FALSE(second.get("again") == root.get("base"));
}

TEST_CASE("parser: merge keys, explicit keys win", "[yaml][parser][merge]") {
  SECTION("a single merged mapping") {
    auto s = parse(
        "base: &base {image: app:1, port: 80, pull: Always}\n"
        "svc:\n"
        "  <<: *base\n"
        "  port: 8080\n"
        "  name: svc\n");
    Node svc = rootOf(s).get("svc");
    CHECK(svc.get("image").scalar() == "app:1");
    CHECK(svc.get("pull").scalar() == "Always");
    CHECK(svc.get("port").asInt() == 8080);
    CHECK(svc.get("name").scalar() == "svc");
    CHECK_FALSE(svc.get("<<").valid());
    // The merged values are the base's own nodes.
    CHECK(svc.get("image") == rootOf(s).path({"base", "image"}));
  }
  SECTION("a list of merged mappings: earlier ones take precedence") {
    auto s = parse(
        "a: &a {x: from-a, only_a: 1}\n"
        "b: &b {x: from-b, y: from-b, only_b: 2}\n"
        "m:\n"
        "  <<: [*a, *b]\n"
        "  y: own\n");
    Node m = rootOf(s).get("m");
    CHECK(m.get("x").scalar() == "from-a");
    CHECK(m.get("y").scalar() == "own");
    CHECK(m.get("only_a").asInt() == 1);
    CHECK(m.get("only_b").asInt() == 2);
    CHECK_FALSE(m.get("<<").valid());
  }
  SECTION("an inline mapping can be merged, and merges nest") {
    auto s = parse(
        "base: &base {a: 1}\n"
        "mid: &mid\n"
        "  <<: *base\n"
        "  b: 2\n"
        "top:\n"
        "  <<: *mid\n"
        "  <<: {c: 3}\n"
        "  a: 10\n");
    Node top = rootOf(s).get("top");
    CHECK(top.get("a").asInt() == 10);
    CHECK(top.get("b").asInt() == 2);
    CHECK(top.get("c").asInt() == 3);
  }
  SECTION("only a plain << is a merge key") {
    auto s = parse(
        "base: &base {x: 1}\n"
        "quoted:\n"
        "  \"<<\": *base\n"
        "tagged:\n"
        "  !!merge <<: *base\n");
    Node quoted = rootOf(s).get("quoted");
    REQUIRE(quoted.get("<<").valid());
    CHECK(quoted.get("<<").isMap());
    CHECK_FALSE(quoted.get("x").valid());
    CHECK(rootOf(s).path({"tagged", "x"}).asInt() == 1);
  }
}

TEST_CASE("parser: the alias bomb fixture is refused, not expanded", "[yaml][parser][limits]") {
  auto err = parseErrorOf(readFixture("manifests/alias-bomb.yaml"));
  REQUIRE(err);
  CHECK_THAT(err->what(), Catch::Contains("alias"));
  CHECK(err->line() >= 12);  // somewhere in the anchor ladder, not at the top
  CHECK(err->line() <= 17);

  ParseLimits small;
  small.max_expanded_nodes = 50;
  auto ten =
      parseErrorOf("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a]\n", small);
  REQUIRE(ten);
  CHECK_THAT(ten->what(), Catch::Contains("alias"));
  CHECK(ten->line() == 2);
  // The same document within the limit parses.
  small.max_expanded_nodes = 1000;
  CHECK_NOTHROW(
      parse("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a]\n", small));
}

TEST_CASE("parser: nesting depth is bounded", "[yaml][parser][limits]") {
  auto err = parseErrorOf(readFixture("manifests/deep.yaml"));
  REQUIRE(err);
  CHECK_THAT(err->what(), Catch::Contains("nesting"));
  CHECK(err->line() == 1);
  CHECK(err->column() == 201);  // the 201st `[`

  ParseLimits limits;
  limits.max_depth = 3;
  CHECK_NOTHROW(parse("a:\n  b:\n    c: 1\n", limits));
  auto deep = parseErrorOf("a:\n  b:\n    c:\n      d: 1\n", limits);
  REQUIRE(deep);
  CHECK_THAT(deep->what(), Catch::Contains("nesting"));
  CHECK(deep->line() == 4);
}

TEST_CASE("parser: document size is bounded", "[yaml][parser][limits]") {
  ParseLimits limits;
  limits.max_document_bytes = 64;
  std::string small = "a: 1\n";
  std::string big = "---\nkey: " + std::string(100, 'x') + "\n";
  CHECK_NOTHROW(parse(small + "---\n" + small, limits));
  auto err = parseErrorOf(small + big, limits);
  REQUIRE(err);
  CHECK_THAT(err->what(), Catch::Contains("larger than 64 bytes"));
  CHECK(err->line() == 2);  // the document that is too large
  // Each document counts on its own: many small ones are fine.
  std::string many;
  for (int i = 0; i < 20; ++i) many += "---\nk: v\n";
  CHECK(parse(many, limits)->documents().size() == 20);

  ParseLimits mib;
  mib.max_document_bytes = size_t{1} << 20;
  auto huge = parseErrorOf("k: " + std::string((size_t{1} << 20) + 10, 'y') + "\n", mib);
  REQUIRE(huge);
  CHECK_THAT(huge->what(), Catch::Contains("larger than 1 MiB"));
}

TEST_CASE("parser: an unknown alias is an error at the alias", "[yaml][parser][anchors]") {
  auto err = parseErrorOf("a: 1\nb: *missing\n");
  REQUIRE(err);
  CHECK_THAT(err->what(), Catch::Contains("unknown alias") && Catch::Contains("missing"));
  CHECK(err->line() == 2);
  CHECK(err->column() == 4);
  // Anchors do not cross documents.
  auto crossing = parseErrorOf("a: &x 1\n---\nb: *x\n");
  REQUIRE(crossing);
  CHECK(crossing->line() == 3);
  // A collection cannot refer to itself.
  CHECK(parseErrorOf("a: &self [1, *self]\n"));
}

TEST_CASE("parser: syntax errors report line and column", "[yaml][parser][errors]") {
  auto err = parseErrorOf(readFixture("manifests/malformed.yaml"));
  REQUIRE(err);
  CHECK(err->line() == 12);
  CHECK(err->column() == 15);  // the second ": " in `  name: broken: oops`
  CHECK_THAT(err->what(), Catch::Contains("mapping values are not allowed"));

  struct Case {
    std::string text;
    uint32_t line, column;
  };
  const std::vector<Case> cases = {
      {"a: [1, 2\nb: 3\n", 2, 2},    // unclosed flow sequence
      {"a: \"open\n", 2, 1},         // unclosed quote
      {"a: 1\n b: 2\n", 2, 3},       // bad indentation
      {"- a\nb: 1\n", 2, 1},         // mapping after a sequence
      {"a:\n\t- tab\n", 2, 1},       // tab as indentation
      {"key: value\n@bad\n", 2, 1},  // reserved indicator
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto e = parseErrorOf(c.text);
    REQUIRE(e);
    CHECK(Position{e->line(), e->column()} == Position{c.line, c.column});
    CHECK(std::string(e->what()).size() > 0);
  }
}

TEST_CASE("parser: a collection as a mapping key is refused, as go-yaml does",
          "[yaml][parser][errors]") {
  // What an unrendered template line such as `namespace: {{ .Release.Namespace }}` parses to.
  auto err = parseErrorOf("metadata:\n  namespace: {{ .Release.Namespace }}\n");
  REQUIRE(err);
  CHECK(err->line() == 2);
  CHECK(err->column() == 15);
  CHECK_THAT(err->what(), Catch::Contains("mapping key"));
  auto seq = parseErrorOf("? [a, b]\n: 1\n");
  REQUIRE(seq);
  CHECK(seq->line() == 1);
  CHECK_THAT(seq->what(), Catch::Contains("sequence"));
  // Scalars of any type are fine as keys.
  auto ok = parse("1: one\ntrue: yes\n~: nothing\n");
  CHECK(rootOf(ok).get("1").scalar() == "one");
}

TEST_CASE("parser: the stream keeps its input and is independent of the caller's string",
          "[yaml][parser]") {
  std::shared_ptr<const Stream> s;
  {
    std::string text = "kind: Pod\nname: \"esc\\taped\"\n";
    s = parse(text);
    text.assign(text.size(), 'Z');
  }
  Node root = rootOf(s);
  CHECK(root.get("kind").scalar() == "Pod");
  CHECK(root.get("name").scalar() == "esc\taped");
  CHECK(s->input() == "kind: Pod\nname: \"esc\\taped\"\n");
}
