// An argv as a line a user can paste into a POSIX shell.
#pragma once

#include <string>
#include <vector>

namespace taskmaster::deploy {

// Words that need no quoting stay bare; others are single-quoted.
std::string shellQuote(const std::string& word);
std::string commandLine(const std::vector<std::string>& argv);

}  // namespace taskmaster::deploy
