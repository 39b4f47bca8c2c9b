#include "schema/scalar_formats.h"

#include <cstddef>

namespace taskmaster::schema {

namespace {

bool isBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// Reads `count` digits at `pos` into `value`.
bool digits(std::string_view t, size_t& pos, size_t count, int& value) {
  if (pos + count > t.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = t[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return true;
}

bool expect(std::string_view t, size_t& pos, char c) {
  if (pos >= t.size() || t[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

bool isBase64(std::string_view text) {
  size_t symbols = 0, padding = 0;
  for (char c : text) {
    if (c == '\r' || c == '\n') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    // Padding ends the data: nothing but more padding may follow it.
    if (padding > 0 || !isBase64Char(c)) return false;
    ++symbols;
  }
  if ((symbols + padding) % 4 != 0 || padding > 2) return false;
  // One or two padding characters stand for exactly the missing symbols.
  return padding == 0 || (symbols % 4) + padding == 4;
}

bool isDateTime(std::string_view t) {
  size_t pos = 0;
  int year, month, day, hour, minute, second;
  if (!digits(t, pos, 4, year) || !expect(t, pos, '-') || !digits(t, pos, 2, month) ||
      !expect(t, pos, '-') || !digits(t, pos, 2, day) || !expect(t, pos, 'T') ||
      !digits(t, pos, 2, hour) || !expect(t, pos, ':') || !digits(t, pos, 2, minute) ||
      !expect(t, pos, ':') || !digits(t, pos, 2, second))
    return false;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return false;
  if (pos < t.size() && t[pos] == '.') {
    size_t start = ++pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    if (pos == start) return false;
  }
  if (pos < t.size() && t[pos] == 'Z') return pos + 1 == t.size();
  if (pos >= t.size() || (t[pos] != '+' && t[pos] != '-')) return false;
  ++pos;
  int oh, om;
  return digits(t, pos, 2, oh) && expect(t, pos, ':') && digits(t, pos, 2, om) && oh <= 23 &&
         om <= 59 && pos == t.size();
}

}  // namespace taskmaster::schema
