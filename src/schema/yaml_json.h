// A YAML value as JSON, typed the way the API server decodes YAML (go-yaml
// v2 scalars): for compiling the openAPIV3Schema of a CRD in the manifests.
#pragma once

#include <nlohmann/json.hpp>

#include "yaml/node.h"

namespace taskmaster::schema {

nlohmann::json toJson(yaml::Node node);

}  // namespace taskmaster::schema
