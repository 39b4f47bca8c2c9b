// Config-file exemptions (see config.h) applied to findings. An exemption
// whose `expires` date has passed no longer suppresses anything and is
// itself reported, as a warning of the pseudo-rule `exemption-expired`
// located at the exemption in the config file, so it cannot silently rot.
#pragma once

#include <optional>
#include <vector>

#include "lint/catalogue.h"
#include "lint/config.h"
#include "lint/date.h"
#include "lint/suppression.h"

namespace taskmaster::lint {

inline constexpr std::string_view kExemptionExpiredRule = "exemption-expired";

class ConfigExemptions {
 public:
  ConfigExemptions() = default;
  // Throws InputError ("file:line: unknown rule ...") for unknown rule names.
  ConfigExemptions(const LintConfig& config, const Catalogue& catalogue, Date today);

  // An object that names no namespace is in `target_namespace` (-n).
  std::optional<Suppression> match(const Finding& finding,
                                   std::string_view target_namespace = {}) const;
  // One warning per expired exemption.
  const std::vector<Finding>& expired() const { return expired_; }

 private:
  struct Active {
    Exemption exemption;
    std::string source;  // "file:line"
  };
  std::vector<Active> active_;
  std::vector<Finding> expired_;
};

}  // namespace taskmaster::lint
