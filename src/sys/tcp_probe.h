// Whether something on this machine already listens on a TCP port.
#pragma once

#include <chrono>

namespace taskmaster::sys {

// A connection to 127.0.0.1:port succeeds within the timeout.
bool localPortAnswers(int port, std::chrono::milliseconds timeout);

}  // namespace taskmaster::sys
