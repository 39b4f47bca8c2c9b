// Ctrl-C while a step waits on another program: counted instead of ending
// this process, so the step can pass it on to that program (which runs in a
// process group of its own, away from the terminal's signals) and then say
// how to recover. Outside the guard's lifetime Ctrl-C behaves as before.
#pragma once

#include <atomic>

namespace taskmaster::sys {

class InterruptGuard {
 public:
  InterruptGuard();   // counts SIGINT from now on
  ~InterruptGuard();  // restores the previous disposition
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // How many times SIGINT arrived while the guard lived; pass it to
  // ProcessOptions::interrupts.
  const std::atomic<unsigned>& count() const;
  bool interrupted() const { return count().load() > 0; }
};

}  // namespace taskmaster::sys
