#include "lint/tables.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/error.h"
#include "lint/params.h"
#include "yaml/parser.h"

namespace taskmaster::lint {

Table loadTable(std::string_view file, std::string content) {
  Table table;
  table.file = std::string(file);
  table.name = std::filesystem::path(file).stem().string();
  try {
    table.stream = yaml::parse(std::move(content));
  } catch (const yaml::ParseError& e) {
    throw InputError(
        fmt::format("{}:{}:{}: invalid YAML: {}", file, e.line(), e.column(), e.what()));
  }
  if (table.stream->documents().size() != 1 || !table.stream->documents()[0].root.isMap())
    failAt(file, {}, "a table file must hold exactly one YAML mapping");
  table.root = table.stream->documents()[0].root;
  return table;
}

void TableSet::add(Table table) {
  std::string name = table.name;
  tables_.insert_or_assign(std::move(name), std::move(table));
}

const Table* TableSet::find(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

std::vector<std::string_view> TableSet::names() const {
  std::vector<std::string_view> out;
  for (const auto& entry : tables_) out.push_back(entry.first);
  return out;
}

}  // namespace taskmaster::lint
