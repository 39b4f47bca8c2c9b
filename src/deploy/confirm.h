// Asking before a change that cannot be taken back (an upgrade, deleting
// data or a namespace): on a terminal only, and never with --yes. Without a
// terminal nothing waits for an answer: the caller refuses instead.
#pragma once

#include <istream>
#include <ostream>
#include <string>

namespace taskmaster::deploy {

enum class Confirmation { Yes, No, NoTerminal };

// `assume_yes`: --yes. `terminal`: stdin is a TTY. Reads one line from `in`;
// "y" or "yes" (any case) agrees, anything else (or end of input) declines.
Confirmation confirm(const std::string& question, bool assume_yes, bool terminal, std::istream& in,
                     std::ostream& prompt);

}  // namespace taskmaster::deploy
