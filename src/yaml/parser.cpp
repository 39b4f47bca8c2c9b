#include "yaml/parser.h"

#include <yaml.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "yaml/scalar_resolve.h"

namespace taskmaster::yaml {

namespace {
constexpr uint32_t kArenaBit = 0x80000000u;

uint32_t toLine(const yaml_mark_t& m) {
  return static_cast<uint32_t>(m.line) + 1;
}
uint16_t toColumn(const yaml_mark_t& m) {
  return m.column >= 65534 ? 65535 : static_cast<uint16_t>(m.column + 1);
}

// The last line a token spans. A block scalar's end mark sits at the start of
// the line after its last line break, which is not part of it.
uint32_t lastLine(const yaml_mark_t& start, const yaml_mark_t& end) {
  if (end.line > start.line && end.column == 0) return static_cast<uint32_t>(end.line);
  return toLine(end);
}

std::string sizeText(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
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
    yaml_parser_set_input_string(
        &parser.p, reinterpret_cast<const unsigned char*>(s_.input_.data()), s_.input_.size());
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
      prev_end_ = ev.e.end_mark;
    }
  }

 private:
  struct Frame {
    uint32_t node;
    size_t scratch_start;  // where this collection's children begin in scratch_
    size_t expanded = 1;   // nodes with aliases expanded, for bomb detection
    std::string anchor;
    bool flow = false;  // `[...]`/`{...}`: the end event marks the closing bracket
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
          fail(doc_start_, "document is larger than " + sizeText(limits_.max_document_bytes));
        // An explicit `...` belongs to the document it ends.
        if (!e.data.document_end.implicit) extendTo(lastLine(e.start_mark, e.end_mark));
        s_.documents_.push_back(Document{Node(&s_, doc_root_), toLine(doc_start_), doc_last_line_});
        break;
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors_.end())
          fail(e.start_mark,
               std::string("unknown alias *") + reinterpret_cast<const char*>(e.data.alias.anchor));
        extendTo(toLine(e.end_mark));
        attach(it->second.first, it->second.second, e.start_mark);
        break;
      }
      case YAML_SCALAR_EVENT:
        scalar(e);
        break;
      case YAML_SEQUENCE_START_EVENT:
        open(e, NodeKind::Sequence, e.data.sequence_start.anchor,
             e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
        break;
      case YAML_MAPPING_START_EVENT:
        open(e, NodeKind::Mapping, e.data.mapping_start.anchor,
             e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close(e);
        break;
      default:
        break;
    }
  }

  uint32_t newNode(const yaml_mark_t& m, NodeKind kind) {
    if (s_.nodes_.size() >= 0x7fffffffu) fail(m, "too many nodes");
    NodeData d;
    d.line = toLine(m);
    d.column = toColumn(m);
    d.kind = kind;
    s_.nodes_.push_back(d);
    return static_cast<uint32_t>(s_.nodes_.size() - 1);
  }

  void extendTo(uint32_t line) {
    if (line > doc_last_line_) doc_last_line_ = line;
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
    const auto& sc = e.data.scalar;
    std::string_view value(reinterpret_cast<const char*>(sc.value), sc.length);
    bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
    // libyaml marks an empty node (`key:`, a document of only `---`) at the
    // token that follows it, often on a later line or in the next document;
    // it belongs right after what precedes it.
    bool implied = plain && value.empty() && e.start_mark.index == e.end_mark.index;
    uint32_t idx = newNode(implied ? prev_end_ : e.start_mark, NodeKind::Scalar);
    if (!implied) extendTo(lastLine(e.start_mark, e.end_mark));
    NodeData& d = s_.nodes_[idx];
    const char* tag = reinterpret_cast<const char*>(sc.tag);
    // As go-yaml v2: a tag it does not resolve (`!`, `!custom`) leaves the
    // text a string; only an untagged plain scalar is typed by its text.
    if (tag)
      d.type = typeFromTag(tag).value_or(ScalarType::String);
    else
      d.type = plain ? resolvePlainScalar(value) : ScalarType::String;
    // Only a plain `<<` (or one tagged !!merge) is a merge key; "<<" is a key.
    if (value == "<<" && (tag ? std::string_view(tag) == "tag:yaml.org,2002:merge" : plain))
      merge_keys_.insert(idx);
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

  void open(const yaml_event_t& e, NodeKind kind, const yaml_char_t* anchor, bool flow) {
    if (stack_.size() >= limits_.max_depth)
      fail(e.start_mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    uint32_t idx = newNode(e.start_mark, kind);
    extendTo(toLine(e.start_mark));
    Frame f{idx, scratch_.size(), 1, {}, flow};
    if (anchor) f.anchor = reinterpret_cast<const char*>(anchor);
    stack_.push_back(std::move(f));
  }

  void close(const yaml_event_t& e) {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    // A block collection's end is marked at the next token, maybe far below.
    if (f.flow) extendTo(toLine(e.end_mark));
    NodeData& d = s_.nodes_[f.node];
    if (d.kind == NodeKind::Mapping) {
      rejectCollectionKeys(f.scratch_start);
      applyMergeKeys(f.node, f.scratch_start);
    }
    d.a = static_cast<uint32_t>(s_.children_.size());
    d.b = static_cast<uint32_t>(scratch_.size() - f.scratch_start);
    s_.children_.insert(s_.children_.end(), scratch_.begin() + f.scratch_start, scratch_.end());
    scratch_.resize(f.scratch_start);
    if (!f.anchor.empty()) remember(f.anchor.c_str(), f.node, f.expanded);
    attach(f.node, f.expanded, e.end_mark);
  }

  // go-yaml v2 (and so Kubernetes and Helm) refuses a mapping or sequence as a
  // mapping key ("invalid map key"); an unrendered template line such as
  // `namespace: {{ .Release.Namespace }}` parses as exactly that.
  void rejectCollectionKeys(size_t start) {
    for (size_t i = start; i < scratch_.size(); i += 2) {
      const NodeData& k = s_.nodes_[scratch_[i]];
      if (k.kind == NodeKind::Scalar) continue;
      throw ParseError(k.line, k.column,
                       k.kind == NodeKind::Mapping
                           ? "a mapping cannot be a mapping key (unrendered template {{ }}?)"
                           : "a sequence cannot be a mapping key");
    }
  }

  bool isMergeKey(uint32_t key) const { return merge_keys_.count(key) != 0; }

  // `<<: *base` (YAML 1.1 merge, which go-yaml honours): merged entries go
  // first so that explicit keys, found later, win the last-key lookup. In
  // `<<: [*a, *b]` earlier maps take precedence, so they are merged last.
  void applyMergeKeys(uint32_t mapping, size_t start) {
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
      for (size_t j = v.isSeq() ? v.size() : 0; j-- > 0;) mergeMap(v.item(j));
    }
    scratch_.resize(start);
    if (!merged.empty()) s_.merged_entries_[mapping] = static_cast<uint32_t>(merged.size() / 2);
    scratch_.insert(scratch_.end(), merged.begin(), merged.end());
    scratch_.insert(scratch_.end(), own.begin(), own.end());
  }

  Stream& s_;
  const ParseLimits& limits_;
  std::vector<Frame> stack_;
  std::vector<uint32_t> scratch_;
  std::unordered_map<std::string, std::pair<uint32_t, size_t>> anchors_;
  std::unordered_set<uint32_t> merge_keys_;
  yaml_mark_t doc_start_{};
  yaml_mark_t prev_end_{};
  uint32_t doc_root_ = 0;
  uint32_t doc_last_line_ = 0;
};

std::shared_ptr<const Stream> parse(std::string input, const ParseLimits& limits) {
  auto stream = std::make_shared<Stream>();
  StreamBuilder(*stream, std::move(input), limits).run();
  return stream;
}

}  // namespace taskmaster::yaml
