// A compact, read-only YAML tree: every node keeps its line and column, and
// plain scalars are resolved the way Kubernetes reads them (YAML 1.1 as in
// go-yaml v2, which sigs.k8s.io/yaml uses: `yes`/`off` are booleans).
//
// All nodes of a parsed stream live in one Stream; a Node is a cheap handle
// (pointer + index). Aliases share the anchored node instead of copying it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace taskmaster::yaml {

enum class NodeKind : uint8_t { Scalar, Sequence, Mapping };
enum class ScalarType : uint8_t { Null, Bool, Int, Float, String };

// How a node is stored. 16 bytes: a 20 MB manifest stream has ~2M nodes.
struct NodeData {
  uint32_t line = 0;    // 1-based
  uint16_t column = 0;  // 1-based, saturates at 65535
  NodeKind kind = NodeKind::Scalar;
  ScalarType type = ScalarType::Null;
  // Scalars: text offset (high bit set: offset into the unescaped arena,
  // otherwise into the input) and length. Collections: first child index in
  // the children table and the number of children (keys and values
  // interleaved for mappings).
  uint32_t a = 0;
  uint32_t b = 0;
};
static_assert(sizeof(NodeData) == 16);

class Stream;

class Node {
 public:
  Node() = default;
  Node(const Stream* stream, uint32_t index) : stream_(stream), index_(index) {}

  // False for the handle returned by a failed lookup.
  bool valid() const { return stream_ != nullptr; }
  explicit operator bool() const { return valid(); }

  NodeKind kind() const;
  bool isScalar() const { return valid() && kind() == NodeKind::Scalar; }
  bool isMap() const { return valid() && kind() == NodeKind::Mapping; }
  bool isSeq() const { return valid() && kind() == NodeKind::Sequence; }
  // Missing, or an explicit null (`~`, `null`, empty).
  bool isNull() const { return !valid() || (isScalar() && scalarType() == ScalarType::Null); }

  uint32_t line() const;
  uint32_t column() const;

  // Scalar text as written (unescaped); empty for collections.
  std::string_view scalar() const;
  ScalarType scalarType() const;
  // Kubernetes-typed views; nullopt when the scalar is not of that type.
  std::optional<bool> asBool() const;
  std::optional<int64_t> asInt() const;
  std::optional<double> asNumber() const;
  // Text of a string-typed scalar, or the text of any scalar when lenient.
  std::string_view str() const { return isScalar() ? scalar() : std::string_view{}; }

  // Number of items (sequence) or entries (mapping); 0 for scalars.
  size_t size() const;
  Node item(size_t i) const;   // sequence item
  Node key(size_t i) const;    // mapping entry key
  Node value(size_t i) const;  // mapping entry value
  // Mapping lookup; the last of duplicate keys wins, as in JSON decoding.
  Node get(std::string_view key) const;
  // Mappings with `<<` merge keys: how many of the first entries were merged
  // in (the mapping's own entries follow and may repeat their keys, which is
  // how a merge is overridden, not a duplicate key); 0 otherwise.
  size_t mergedEntries() const;
  // get() along a path of keys: node.path({"spec", "template", "spec"}).
  Node path(std::initializer_list<std::string_view> keys) const;

  uint32_t index() const { return index_; }
  const Stream* stream() const { return stream_; }
  bool operator==(const Node& o) const { return stream_ == o.stream_ && index_ == o.index_; }

 private:
  const NodeData& data() const;
  const Stream* stream_ = nullptr;
  uint32_t index_ = 0;
};

// One YAML document of a stream; lines are those of the stream's input.
struct Document {
  Node root;
  uint32_t start_line = 0;  // line of the first content or `---`
  uint32_t end_line = 0;    // last line that belongs to the document
};

class Stream {
 public:
  const std::vector<Document>& documents() const { return documents_; }
  const std::string& input() const { return input_; }
  size_t nodeCount() const { return nodes_.size(); }

 private:
  friend class Node;
  friend class StreamBuilder;
  std::string input_;
  std::string arena_;  // unescaped scalar text that differs from the input
  std::vector<NodeData> nodes_;
  std::vector<uint32_t> children_;
  std::vector<Document> documents_;
  // Mapping node -> entries merged in by `<<`; empty for most streams.
  std::unordered_map<uint32_t, uint32_t> merged_entries_;
};

}  // namespace taskmaster::yaml
