#include "deploy/field_diff.h"

#include <cctype>
#include <map>
#include <set>

namespace taskmaster::deploy {

namespace {

using yaml::Node;

bool absentLike(Node n) {
  if (!n.valid() || n.isNull()) return true;
  return (n.isMap() || n.isSeq()) && n.size() == 0;
}

bool plainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

// Item names when every item is a map with a unique, non-empty `name`.
bool namedItems(Node seq, std::vector<std::string>& names) {
  std::set<std::string> seen;
  for (size_t i = 0; i < seq.size(); ++i) {
    Node name = seq.item(i).get("name");
    if (!seq.item(i).isMap() || !name.isScalar() || name.scalar().empty()) return false;
    if (!seen.insert(std::string(name.scalar())).second) return false;
    names.emplace_back(name.scalar());
  }
  return !names.empty();
}

std::string bracketed(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.append("[").append(text).append("]");
  return out;
}

class Differ {
 public:
  explicit Differ(std::vector<FieldDifference>& out) : out_(out) {}

  void diff(Node a, Node b) {
    bool a_absent = absentLike(a), b_absent = absentLike(b);
    if (a_absent && b_absent) return;
    if (!a_absent && !b_absent) {
      if (a.isMap() && b.isMap()) return diffMaps(a, b);
      if (a.isSeq() && b.isSeq()) return diffSeqs(a, b);
      if (a.isScalar() && b.isScalar() && a.scalar() == b.scalar()) return;
    }
    report(a_absent ? Node() : a, b_absent ? Node() : b);
  }

 private:
  struct Step {
    std::string text;  // ".spec", "[backend]", "[0]"
    std::string name;  // key or item name; empty for positions
    bool named_item = false;
  };

  void diffMaps(Node a, Node b) {
    std::set<std::string_view> keys_of_a;
    for (size_t i = 0; i < a.size(); ++i) {
      std::string_view key = a.key(i).str();
      keys_of_a.insert(key);
      descendKey(key, a.value(i), b.get(key));
    }
    for (size_t i = 0; i < b.size(); ++i) {
      std::string_view key = b.key(i).str();
      if (!keys_of_a.count(key)) descendKey(key, Node(), b.value(i));
    }
  }

  void diffSeqs(Node a, Node b) {
    std::vector<std::string> names_a, names_b;
    if (namedItems(a, names_a) && namedItems(b, names_b)) {
      std::map<std::string, Node> items_b;
      for (size_t i = 0; i < b.size(); ++i) items_b[names_b[i]] = b.item(i);
      for (size_t i = 0; i < a.size(); ++i) {
        auto it = items_b.find(names_a[i]);
        descend({bracketed(names_a[i]), names_a[i], true}, a.item(i),
                it == items_b.end() ? Node() : it->second);
      }
      std::set<std::string> in_a(names_a.begin(), names_a.end());
      for (size_t i = 0; i < b.size(); ++i)
        if (!in_a.count(names_b[i]))
          descend({bracketed(names_b[i]), names_b[i], true}, Node(), b.item(i));
      return;
    }
    for (size_t i = 0; i < std::max(a.size(), b.size()); ++i)
      descend({bracketed(std::to_string(i)), "", false}, i < a.size() ? a.item(i) : Node(),
              i < b.size() ? b.item(i) : Node());
  }

  void descendKey(std::string_view key, Node a, Node b) {
    std::string text;
    if (plainKey(key)) {
      if (!path_.empty()) text += '.';
      text += key;
    } else {
      text.append("[\"").append(key).append("\"]");
    }
    descend({std::move(text), std::string(key), false}, a, b);
  }

  void descend(Step step, Node a, Node b) {
    path_.push_back(std::move(step));
    diff(a, b);
    path_.pop_back();
  }

  void report(Node a, Node b) {
    FieldDifference d;
    for (const Step& s : path_) d.path += s.text;
    if (!path_.empty()) {
      d.top = path_.front().name;
      d.name = path_.back().name;
      if (path_.size() >= 2 && d.name == "value" && path_[path_.size() - 2].named_item)
        d.name = path_[path_.size() - 2].name;
    }
    d.before = a;
    d.after = b;
    out_.push_back(std::move(d));
  }

  std::vector<FieldDifference>& out_;
  std::vector<Step> path_;
};

}  // namespace

std::vector<FieldDifference> diffObjects(Node before, Node after) {
  std::vector<FieldDifference> out;
  Differ(out).diff(before, after);
  return out;
}

std::string summarizeValue(Node node) {
  if (absentLike(node)) return "(absent)";
  if (node.isMap() || node.isSeq()) {
    bool map = node.isMap();
    std::string out(map ? "{" : "[");
    out += std::to_string(node.size());
    out +=
        map ? (node.size() == 1 ? " key}" : " keys}") : (node.size() == 1 ? " item]" : " items]");
    return out;
  }
  std::string text(node.scalar());
  bool cut = false;
  if (size_t nl = text.find('\n'); nl != std::string::npos) text.resize(nl), cut = true;
  if (text.size() > 60) {
    size_t end = 57;  // not inside a UTF-8 sequence
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end), cut = true;
  }
  if (text.empty() && !cut) return "\"\"";
  return cut ? text + "..." : text;
}

}  // namespace taskmaster::deploy
