// Lookups the checks need beyond yaml::Node's own: a mapping entry's key
// node (whose line is the `key:` line, unlike a block value's), and dotted
// field paths taken from rule params.
#pragma once

#include <string_view>

#include "yaml/node.h"

namespace taskmaster::lint {

// Key node of `key` in `map`; the last of duplicate keys, as Node::get does.
yaml::Node keyNode(yaml::Node map, std::string_view key);

// "Present" in the sense Kubernetes cares about: not null, not an empty
// string, not an empty mapping or sequence. `resources: {}` from an empty
// values key, or `cpu: ""` from `{{ .Values.cpu | quote }}`, set nothing.
bool isEmptyValue(yaml::Node node);

struct PathLookup {
  yaml::Node value;        // the field's value; invalid when absent
  yaml::Node deepest_key;  // key node of the deepest path segment found; invalid if none
};
// Walks `a.b.c` from `node`.
PathLookup lookupDotted(yaml::Node node, std::string_view dotted_path);

}  // namespace taskmaster::lint

namespace taskmaster::lint {

// Structural equality: scalars by text, mappings by their entries in any
// order, sequences item by item. Invalid nodes equal only each other.
bool sameYaml(yaml::Node a, yaml::Node b);

}  // namespace taskmaster::lint
