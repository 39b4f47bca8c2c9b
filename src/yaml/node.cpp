#include "yaml/node.h"

#include "yaml/scalar_resolve.h"

namespace taskmaster::yaml {

namespace {
constexpr uint32_t kArenaBit = 0x80000000u;
}

const NodeData& Node::data() const {
  return stream_->nodes_[index_];
}

NodeKind Node::kind() const {
  return data().kind;
}
uint32_t Node::line() const {
  return valid() ? data().line : 0;
}
uint32_t Node::column() const {
  return valid() ? data().column : 0;
}

std::string_view Node::scalar() const {
  if (!valid()) return {};
  const NodeData& d = data();
  if (d.kind != NodeKind::Scalar) return {};
  if (d.a & kArenaBit) return std::string_view(stream_->arena_).substr(d.a & ~kArenaBit, d.b);
  return std::string_view(stream_->input_).substr(d.a, d.b);
}

ScalarType Node::scalarType() const {
  return isScalar() ? data().type : ScalarType::Null;
}

std::optional<bool> Node::asBool() const {
  if (scalarType() != ScalarType::Bool) return std::nullopt;
  return parseYamlBool(scalar());
}

std::optional<int64_t> Node::asInt() const {
  if (scalarType() != ScalarType::Int) return std::nullopt;
  return parseYamlInt(scalar());
}

std::optional<double> Node::asNumber() const {
  if (scalarType() == ScalarType::Int) {
    if (auto i = parseYamlInt(scalar())) return static_cast<double>(*i);
    if (auto u = parseYamlUint(scalar())) return static_cast<double>(*u);
  }
  if (scalarType() == ScalarType::Float) return parseYamlFloat(scalar());
  return std::nullopt;
}

size_t Node::size() const {
  if (!valid()) return 0;
  const NodeData& d = data();
  switch (d.kind) {
    case NodeKind::Sequence:
      return d.b;
    case NodeKind::Mapping:
      return d.b / 2;
    default:
      return 0;
  }
}

Node Node::item(size_t i) const {
  if (!isSeq() || i >= size()) return {};
  return Node(stream_, stream_->children_[data().a + i]);
}

Node Node::key(size_t i) const {
  if (!isMap() || i >= size()) return {};
  return Node(stream_, stream_->children_[data().a + 2 * i]);
}

Node Node::value(size_t i) const {
  if (!isMap() || i >= size()) return {};
  return Node(stream_, stream_->children_[data().a + 2 * i + 1]);
}

Node Node::get(std::string_view k) const {
  if (!isMap()) return {};
  for (size_t i = size(); i-- > 0;) {
    Node key_node = key(i);
    if (key_node.isScalar() && key_node.scalar() == k) return value(i);
  }
  return {};
}

size_t Node::mergedEntries() const {
  if (!isMap() || stream_->merged_entries_.empty()) return 0;
  auto it = stream_->merged_entries_.find(index_);
  return it == stream_->merged_entries_.end() ? 0 : it->second;
}

Node Node::path(std::initializer_list<std::string_view> keys) const {
  Node n = *this;
  for (auto k : keys) {
    n = n.get(k);
    if (!n) return {};
  }
  return n;
}

}  // namespace taskmaster::yaml
