// The compact Kubernetes schemas of rules/schemas/, compiled into the binary
// (cmake/embed_schemas.cmake).
#pragma once

#include <span>
#include <string_view>

namespace taskmaster::schema {

struct EmbeddedSchemaFile {
  std::string_view name;  // e.g. "kubernetes-1.33.json"
  std::string_view content;
};

std::span<const EmbeddedSchemaFile> embeddedSchemaFiles();

}  // namespace taskmaster::schema
