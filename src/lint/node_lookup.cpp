#include "lint/node_lookup.h"

namespace taskmaster::lint {

yaml::Node keyNode(yaml::Node map, std::string_view key) {
  for (size_t i = map.size(); map.isMap() && i-- > 0;) {
    yaml::Node k = map.key(i);
    if (k.isScalar() && k.scalar() == key) return k;
  }
  return {};
}

bool isEmptyValue(yaml::Node node) {
  if (node.isNull()) return true;
  if (node.isScalar()) return node.scalar().empty();
  return node.size() == 0;
}

PathLookup lookupDotted(yaml::Node node, std::string_view dotted_path) {
  PathLookup result;
  yaml::Node current = node;
  size_t pos = 0;
  while (pos <= dotted_path.size()) {
    size_t dot = dotted_path.find('.', pos);
    if (dot == std::string_view::npos) dot = dotted_path.size();
    std::string_view segment = dotted_path.substr(pos, dot - pos);
    yaml::Node key = keyNode(current, segment);
    if (!key) return result;
    result.deepest_key = key;
    current = current.get(segment);
    pos = dot + 1;
  }
  result.value = current;
  return result;
}

}  // namespace taskmaster::lint

namespace taskmaster::lint {

bool sameYaml(yaml::Node a, yaml::Node b) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  if (a.kind() != b.kind()) return false;
  if (a.isScalar()) return a.scalar() == b.scalar();
  if (a.size() != b.size()) return false;
  if (a.isSeq()) {
    for (size_t i = 0; i < a.size(); ++i)
      if (!sameYaml(a.item(i), b.item(i))) return false;
    return true;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    yaml::Node other = b.get(a.key(i).str());
    if (!other || !sameYaml(a.value(i), other)) return false;
  }
  return true;
}

}  // namespace taskmaster::lint
