#include "lint/quantity.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace taskmaster::lint {

std::optional<double> parseQuantity(std::string_view text) {
  // Longest suffixes first, so "Mi" is not read as "M" followed by junk.
  static constexpr std::array<std::pair<std::string_view, double>, 16> kSuffixes = {{
      {"Ki", 1024.0},
      {"Mi", 1024.0 * 1024},
      {"Gi", 1024.0 * 1024 * 1024},
      {"Ti", 1024.0 * 1024 * 1024 * 1024},
      {"Pi", 1024.0 * 1024 * 1024 * 1024 * 1024},
      {"Ei", 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024},
      {"n", 1e-9},
      {"u", 1e-6},
      {"m", 1e-3},
      {"k", 1e3},
      {"M", 1e6},
      {"G", 1e9},
      {"T", 1e12},
      {"P", 1e15},
      {"E", 1e18},
      {"", 1.0},
  }};
  if (text.empty()) return std::nullopt;
  for (const auto& [suffix, factor] : kSuffixes) {
    if (!text.ends_with(suffix)) continue;
    std::string_view number = text.substr(0, text.size() - suffix.size());
    if (number.empty()) continue;
    // from_chars accepts no leading '+', which quantities allow.
    if (number.front() == '+') number.remove_prefix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value))
      continue;
    // A decimal exponent ("1e3") only exists without a suffix.
    if (!suffix.empty() && number.find_first_of("eE") != std::string_view::npos) continue;
    return value * factor;
  }
  return std::nullopt;
}

}  // namespace taskmaster::lint
