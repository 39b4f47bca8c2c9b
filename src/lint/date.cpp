#include "lint/date.h"

#include <fmt/format.h>

#include <ctime>

namespace taskmaster::lint {

std::string Date::str() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t from, size_t len) -> int {
    int n = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  };
  Date d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 0 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int days = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > days) return std::nullopt;
  return d;
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace taskmaster::lint
