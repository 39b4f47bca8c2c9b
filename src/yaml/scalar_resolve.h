// Plain-scalar typing as go-yaml v2 does it (the YAML 1.1 rules Kubernetes
// manifests are decoded with): yes/no/on/off/y/n are booleans, 0x/0o/0b and
// leading-zero octal integers, underscores in numbers, .inf and .nan.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "yaml/node.h"

namespace taskmaster::yaml {

ScalarType resolvePlainScalar(std::string_view text);
// Type named by an explicit tag (`!!str`, `tag:yaml.org,2002:int` ...);
// nullopt for tags that do not fix a type.
std::optional<ScalarType> typeFromTag(std::string_view tag);

std::optional<bool> parseYamlBool(std::string_view text);
std::optional<int64_t> parseYamlInt(std::string_view text);
// Go's strconv.ParseUint(s, 0, 64): go-yaml v2 types 2^63..2^64-1 as !!int too.
std::optional<uint64_t> parseYamlUint(std::string_view text);
std::optional<double> parseYamlFloat(std::string_view text);

}  // namespace taskmaster::yaml
