// Data tables of the catalogue (rules/tables/*.yaml): facts several rules
// share, such as which Kubernetes API versions were deprecated or removed
// when. A rule names a table in its params (`table: kubernetes-apis`), so the
// facts are written once and stay data, not code.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace taskmaster::lint {

struct Table {
  std::string name;  // file name without .yaml
  std::string file;  // for messages
  std::shared_ptr<const yaml::Stream> stream;
  yaml::Node root;  // a mapping
};

// Parses one table file; InputError ("file:line: what") when it is not a
// single YAML mapping.
Table loadTable(std::string_view file, std::string content);

class TableSet {
 public:
  void add(Table table);  // replaces a table of the same name
  const Table* find(std::string_view name) const;
  std::vector<std::string_view> names() const;

 private:
  std::map<std::string, Table, std::less<>> tables_;
};

}  // namespace taskmaster::lint
