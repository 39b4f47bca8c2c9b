#include "yaml/parser.h"

#include <yaml.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "yaml/scalar_resolve.h"

namespace taskmaster::yaml {

namespace {
constexpr uint32_t kArenaBit = 0x80000000u;

uint32_t toLine(const yaml_mark_t& m) { return static_cast<uint32_t>(m.line) + 1; }
uint16_t toColumn(const yaml_mark_t& m) {
  return m.column >= 65534 ? 65535 : static_cast<uint16_t>(m.column + 1);
}

// RAII for libyaml's C structures.
struct Parser {
  yaml_parser_t p;
  Parser() { yaml_parser_initialize(&p); }
  ~Parser() { yaml_parser_delete(&p); }
};
struct Event {
  yaml_event_t e;
  bool live = false;
  ~Event() {
    if (live) yaml_event_delete(&e);
  }
};

}  // namespace

// Turns libyaml events into the compact node table of a Stream.
class StreamBuilder {
 public:
  StreamBuilder(Stream& s, std::string input, const ParseLimits& limits) : s_(s), limits_(limits) {
    s_.input_ = std::move(input);
  }

  void run() {
    Parser parser;
    yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(s_.input_.data()),
                                 s_.input_.size());
    for (;;) {
      Event ev;
      if (!yaml_parser_parse(&parser.p, &ev.e)) {
        const yaml_mark_t& m = parser.p.problem_mark;
        std::string what = parser.p.problem ? parser.p.problem : "invalid YAML";
        if (parser.p.context) what = std::string(parser.p.context) + ": " + what;
        throw ParseError(toLine(m), toColumn(m), what);
      }
      ev.live = true;
      if (ev.e.type == YAML_STREAM_END_EVENT) break;
      handle(ev.e);
    }
  }

 private:
  struct Frame {
    uint32_t node;
    size_t scratch_start;  // where this collection's children begin in scratch_
    size_t expanded = 1;   // nodes with aliases expanded, for bomb detection
    std::string anchor;
  };

  [[noreturn]] void fail(const yaml_mark_t& m, const std::string& what) {
    throw ParseError(toLine(m), toColumn(m), what);
  }

  void handle(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        doc_start_ = e.start_mark;
        doc_last_line_ = toLine(e.start_mark);
        anchors_.clear();
        break;
      case YAML_DOCUMENT_END_EVENT: {
        if (e.end_mark.index - doc_start_.index > limits_.max_document_bytes)
          fail(doc_start_, "document is larger than " +
                               std::to_string(limits_.max_document_bytes >> 20) + " MiB");
        s_.documents_.push_back(Document{Node(&s_, doc_root_), toLine(doc_start_), doc_last_line_});
        break;
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors_.end())
          fail(e.start_mark, std::string("unknown alias *") +
                                 reinterpret_cast<const char*>(e.data.alias.anchor));
        attach(it->second.first, it->second.second, e.start_mark);
        break;
      }
      case YAML_SCALAR_EVENT: scalar(e); break;
      case YAML_SEQUENCE_START_EVENT:
        open(e, NodeKind::Sequence, e.data.sequence_start.anchor);
        break;
      case YAML_MAPPING_START_EVENT: open(e, NodeKind::Mapping, e.data.mapping_start.anchor); break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(e); break;
      default: break;
    }
  }

  uint32_t newNode(const yaml_mark_t& m, NodeKind kind) {
    if (s_.nodes_.size() >= 0x7fffffffu) fail(m, "too many nodes");
    NodeData d;
    d.line = toLine(m);
    d.column = toColumn(m);
    d.kind = kind;
    s_.nodes_.push_back(d);
    if (d.line > doc_last_line_) doc_last_line_ = d.line;
    return static_cast<uint32_t>(s_.nodes_.size() - 1);
  }

  // Adds a finished node (or an alias of one) to the open collection.
  void attach(uint32_t node, size_t expanded, const yaml_mark_t& m) {
    if (stack_.empty()) {
      doc_root_ = node;
      return;
    }
    scratch_.push_back(node);
    Frame& parent = stack_.back();
    parent.expanded += expanded;
    if (parent.expanded > limits_.max_expanded_nodes)
      fail(m, "aliases expand to more than " + std::to_string(limits_.max_expanded_nodes) +
                  " nodes (alias bomb?)");
  }

  void remember(const char* anchor, uint32_t node, size_t expanded) {
    if (anchor) anchors_[anchor] = {node, expanded};
  }

  void scalar(const yaml_event_t& e) {
    uint32_t idx = newNode(e.start_mark, NodeKind::Scalar);
    const auto& sc = e.data.scalar;
    std::string_view value(reinterpret_cast<const char*>(sc.value), sc.length);
    NodeData& d = s_.nodes_[idx];
    bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
    std::optional<ScalarType> tagged;
    if (sc.tag) tagged = typeFromTag(reinterpret_cast<const char*>(sc.tag));
    if (tagged) d.type = *tagged;
    else d.type = plain ? resolvePlainScalar(value) : ScalarType::String;
    // Plain scalars are usually the input's own bytes: point at them. libyaml
    // counts marks in characters, so verify before trusting the offset.
    size_t at = e.start_mark.index;
    if (plain && at + value.size() <= s_.input_.size() &&
        std::memcmp(s_.input_.data() + at, value.data(), value.size()) == 0) {
      d.a = static_cast<uint32_t>(at);
    } else {
      if (s_.arena_.size() + value.size() >= kArenaBit) fail(e.start_mark, "input too large");
      d.a = static_cast<uint32_t>(s_.arena_.size()) | kArenaBit;
      s_.arena_.append(value);
    }
    d.b = static_cast<uint32_t>(value.size());
    remember(reinterpret_cast<const char*>(sc.anchor), idx, 1);
    attach(idx, 1, e.start_mark);
  }

  void open(const yaml_event_t& e, NodeKind kind, const yaml_char_t* anchor) {
    if (stack_.size() >= limits_.max_depth)
      fail(e.start_mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    uint32_t idx = newNode(e.start_mark, kind);
    Frame f{idx, scratch_.size(), 1, {}};
    if (anchor) f.anchor = reinterpret_cast<const char*>(anchor);
    stack_.push_back(std::move(f));
  }

  void close(const yaml_event_t& e) {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    NodeData& d = s_.nodes_[f.node];
    if (d.kind == NodeKind::Mapping) applyMergeKeys(f.scratch_start);
    d.a = static_cast<uint32_t>(s_.children_.size());
    d.b = static_cast<uint32_t>(scratch_.size() - f.scratch_start);
    s_.children_.insert(s_.children_.end(), scratch_.begin() + f.scratch_start, scratch_.end());
    scratch_.resize(f.scratch_start);
    if (!f.anchor.empty()) remember(f.anchor.c_str(), f.node, f.expanded);
    attach(f.node, f.expanded, e.end_mark);
  }

  bool isMergeKey(uint32_t key) const {
    const NodeData& k = s_.nodes_[key];
    return k.kind == NodeKind::Scalar && Node(&s_, key).scalar() == "<<" &&
           k.type == ScalarType::String;
  }

  // `<<: *base` (YAML 1.1 merge, which go-yaml honours): merged entries go
  // first so that explicit keys, found later, win the last-key lookup.
  void applyMergeKeys(size_t start) {
    bool any = false;
    for (size_t i = start; i + 1 < scratch_.size(); i += 2) any = any || isMergeKey(scratch_[i]);
    if (!any) return;
    std::vector<uint32_t> merged, own;
    auto mergeMap = [&](Node m) {
      for (size_t j = 0; j < m.size(); ++j) {
        merged.push_back(m.key(j).index());
        merged.push_back(m.value(j).index());
      }
    };
    for (size_t i = start; i + 1 < scratch_.size(); i += 2) {
      if (!isMergeKey(scratch_[i])) {
        own.push_back(scratch_[i]);
        own.push_back(scratch_[i + 1]);
        continue;
      }
      Node v(&s_, scratch_[i + 1]);
      if (v.isMap()) mergeMap(v);
      for (size_t j = 0; v.isSeq() && j < v.size(); ++j) mergeMap(v.item(j));
    }
    scratch_.resize(start);
    scratch_.insert(scratch_.end(), merged.begin(), merged.end());
    scratch_.insert(scratch_.end(), own.begin(), own.end());
  }

  Stream& s_;
  const ParseLimits& limits_;
  std::vector<Frame> stack_;
  std::vector<uint32_t> scratch_;
  std::unordered_map<std::string, std::pair<uint32_t, size_t>> anchors_;
  yaml_mark_t doc_start_{};
  uint32_t doc_root_ = 0;
  uint32_t doc_last_line_ = 0;
};

std::shared_ptr<const Stream> parse(std::string input, const ParseLimits& limits) {
  auto stream = std::make_shared<Stream>();
  StreamBuilder(*stream, std::move(input), limits).run();
  return stream;
}

}  // namespace taskmaster::yaml
