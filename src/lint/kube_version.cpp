#include "lint/kube_version.h"

#include <fmt/format.h>

namespace taskmaster::lint {

namespace {

// Reads digits at `pos`; nullopt when there are none or too many.
std::optional<int> readNumber(std::string_view text, size_t& pos) {
  size_t start = pos;
  int value = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (pos - start >= 4) return std::nullopt;
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return std::nullopt;
  return value;
}

}  // namespace

std::string KubeVersion::str() const {
  return fmt::format("{}.{}", major, minor);
}

std::optional<KubeVersion> parseKubeVersion(std::string_view text) {
  size_t pos = 0;
  if (!text.empty() && text[0] == 'v') pos = 1;
  auto major = readNumber(text, pos);
  if (!major || pos >= text.size() || text[pos] != '.') return std::nullopt;
  ++pos;
  auto minor = readNumber(text, pos);
  if (!minor) return std::nullopt;
  if (pos < text.size()) {
    // A patch version, then an optional pre-release/build suffix.
    if (text[pos] != '.') return std::nullopt;
    ++pos;
    if (!readNumber(text, pos)) return std::nullopt;
    if (pos < text.size() && text[pos] != '-' && text[pos] != '+') return std::nullopt;
  }
  return KubeVersion{*major, *minor};
}

}  // namespace taskmaster::lint
