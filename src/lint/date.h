// Calendar dates (YYYY-MM-DD), for exemption expiry.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace taskmaster::lint {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  std::string str() const;  // "2025-06-30"
};

// Strict YYYY-MM-DD with a day that exists; nullopt otherwise.
std::optional<Date> parseDate(std::string_view text);
// Today in the local time zone.
Date today();

}  // namespace taskmaster::lint
