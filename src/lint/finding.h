// A rule's verdict about one object (and container), at a source location.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // Values matrix: the values sets this finding appeared in (every set it
  // appeared in, when merged across sets); empty outside a matrix.
  std::vector<std::string> values_sets;
};

}  // namespace taskmaster::lint
