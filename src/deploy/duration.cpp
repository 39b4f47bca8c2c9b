#include "deploy/duration.h"

#include <cctype>
#include <charconv>

namespace taskmaster::deploy {

std::optional<std::chrono::seconds> parseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long long total = 0;
  auto number = [](std::string_view digits) -> std::optional<long long> {
    long long value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  if (std::isdigit(static_cast<unsigned char>(text.back()))) {
    auto seconds = number(text);
    if (!seconds || *seconds < 1) return std::nullopt;
    return std::chrono::seconds(*seconds);
  }
  // Units must come in order h, m, s, each at most once.
  const char units[] = {'h', 'm', 's'};
  const long long factor[] = {3600, 60, 1};
  size_t next_unit = 0;
  while (!text.empty()) {
    size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits == 0 || digits == text.size()) return std::nullopt;
    auto value = number(text.substr(0, digits));
    if (!value || *value > 1'000'000) return std::nullopt;
    char unit = text[digits];
    while (next_unit < 3 && units[next_unit] != unit) ++next_unit;
    if (next_unit == 3) return std::nullopt;
    total += *value * factor[next_unit++];
    text.remove_prefix(digits + 1);
  }
  if (total < 1) return std::nullopt;
  return std::chrono::seconds(total);
}

std::string formatDuration(std::chrono::seconds duration) {
  long long s = duration.count();
  long long h = s / 3600, m = (s % 3600) / 60;
  s %= 60;
  if (h) return std::to_string(h) + "h" + std::to_string(m) + "m" + std::to_string(s) + "s";
  if (m) return std::to_string(m) + "m" + std::to_string(s) + "s";
  return std::to_string(s) + "s";
}

}  // namespace taskmaster::deploy
