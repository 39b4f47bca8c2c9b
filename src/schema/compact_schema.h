// Reads the compact schema files that scripts/gen-k8s-schema derives from the
// Kubernetes OpenAPI specs (rules/schemas/kubernetes-<version>.json; the
// format is described at the top of that script).
#pragma once

#include <string_view>

#include "schema/type_graph.h"

namespace taskmaster::schema {

struct KubernetesSchema {
  KindSchemas kinds;
  TypeId object_meta = kNoType;  // metadata of every object, custom kinds too
};

// Throws std::runtime_error naming `name` when the text is not such a file.
KubernetesSchema loadCompactSchema(std::string_view text, std::string_view name);

}  // namespace taskmaster::schema
