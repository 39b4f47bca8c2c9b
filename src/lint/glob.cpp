#include "lint/glob.h"

namespace taskmaster::lint {

bool globMatch(std::string_view pattern, std::string_view text) {
  // Iterative matching with one backtrack point: linear in practice, and no
  // recursion for hostile patterns like "*a*a*a*b".
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace taskmaster::lint
