// Errors that end a command with exit code 2: bad usage or unreadable input.
// The message is one line that names the file and what is wrong with it.
#pragma once

#include <stdexcept>
#include <string>

namespace taskmaster {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace taskmaster
