// Findings that a user suppressed, and why. Suppression is explicit and
// visible: an annotation in the manifest, an exemption in the config file or
// a baseline file, each with a reason; suppressed findings are counted in
// every report and listed with --show-suppressed.
#pragma once

#include <string>

#include "lint/finding.h"

namespace taskmaster::lint {

struct Suppression {
  enum class Kind { Annotation, Config, Baseline };
  Kind kind = Kind::Annotation;
  std::string reason;
  // Where the suppression is written: "templates/x.yaml:12" (annotation),
  // ".helm-taskmaster.yaml:14" (config), the baseline file.
  std::string source;
};

std::string_view suppressionKindName(Suppression::Kind kind);  // annotation | config | baseline

struct SuppressedFinding {
  Finding finding;
  Suppression by;
};

}  // namespace taskmaster::lint
