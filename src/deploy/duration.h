// Helm's --timeout is a Go duration ("5m", "90s", "1m30s"); ours is too, so
// the value the user typed reaches Helm meaning the same thing.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace taskmaster::deploy {

// "1h2m3s", "5m", "20s", or a bare number of seconds; whole seconds only,
// at least one. nullopt for anything else.
std::optional<std::chrono::seconds> parseDuration(std::string_view text);

// Go's spelling of a duration, as Helm prints and accepts it: "5m0s", "20s".
std::string formatDuration(std::chrono::seconds duration);

}  // namespace taskmaster::deploy
