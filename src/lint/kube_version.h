// The Kubernetes version a release targets (`--kube-version`), as the
// major.minor pair that API removals are keyed on.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace taskmaster::lint {

struct KubeVersion {
  int major = 1;
  int minor = 32;
  auto operator<=>(const KubeVersion&) const = default;
  std::string str() const;  // "1.32"
};

// The target when --kube-version is not given: the version Helm 3.17 renders
// for (Helm 4.1 assumes 1.35); every removal in the API table is before it.
inline constexpr KubeVersion kDefaultKubeVersion{1, 32};

// "1.29", "v1.29", "1.29.3", "v1.29.3-eks.1"; nullopt for anything else.
std::optional<KubeVersion> parseKubeVersion(std::string_view text);

}  // namespace taskmaster::lint
