// Levenshtein distance, for "did you mean ...?" suggestions on rule names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taskmaster::lint {

size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (at most a third of the word's length, and never more than 3 edits).
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

}  // namespace taskmaster::lint
