// A rule's verdict about one object (and container), at a source location.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "manifest/resource.h"

namespace taskmaster::lint {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view severityName(Severity s);
std::optional<Severity> parseSeverity(std::string_view text);

struct Finding {
  std::string rule;
  Severity severity = Severity::Error;
  // Never contains a secret value: checks describe keys and kinds of values.
  std::string message;
  manifest::ResourceId resource;
  std::string container;  // empty when the finding is about the whole object
  manifest::SourceLocation location;
};

}  // namespace taskmaster::lint
