#include "deploy/confirm.h"

#include <algorithm>
#include <cctype>

namespace taskmaster::deploy {

Confirmation confirm(const std::string& question, bool assume_yes, bool terminal, std::istream& in,
                     std::ostream& prompt) {
  if (assume_yes) return Confirmation::Yes;
  if (!terminal) return Confirmation::NoTerminal;
  prompt << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(in, answer)) {
    prompt << '\n';
    return Confirmation::No;
  }
  answer.erase(
      std::remove_if(answer.begin(), answer.end(), [](unsigned char c) { return std::isspace(c); }),
      answer.end());
  std::transform(answer.begin(), answer.end(), answer.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return answer == "y" || answer == "yes" ? Confirmation::Yes : Confirmation::No;
}

}  // namespace taskmaster::deploy
