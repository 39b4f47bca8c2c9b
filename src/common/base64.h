// Base64 as Kubernetes stores Secret data and ConfigMap binaryData.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace taskmaster {

// Standard alphabet; padding and line breaks are skipped. nullopt when the
// text has other characters.
std::optional<std::string> decodeBase64(std::string_view text);

}  // namespace taskmaster
