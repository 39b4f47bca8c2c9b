// The rule catalogue files of rules/, compiled into the binary.
#pragma once

#include <span>
#include <string_view>

namespace taskmaster::lint {

struct EmbeddedFile {
  std::string_view name;  // e.g. "liveness-probe-missing.yaml"
  std::string_view content;
};

std::span<const EmbeddedFile> embeddedRuleFiles();

}  // namespace taskmaster::lint
