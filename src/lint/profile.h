// Profiles: which rules run by default and at what severity. `local` is a
// developer's Docker Desktop (one replica is fine, images are built locally);
// `production` adds the availability rules and raises severities.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace taskmaster::lint {

inline constexpr std::array<std::string_view, 2> kProfiles = {"local", "production"};
inline constexpr std::string_view kDefaultProfile = "local";

inline bool isProfile(std::string_view name) {
  for (std::string_view p : kProfiles)
    if (p == name) return true;
  return false;
}

}  // namespace taskmaster::lint
