#include "sys/interrupt.h"

#include <signal.h>

#include <stdexcept>

namespace taskmaster::sys {

namespace {

// A signal handler can only reach static storage; lock-free atomics are
// async-signal-safe. One guard at a time owns it.
std::atomic<unsigned> g_interrupts{0};
std::atomic<bool> g_guard_active{false};
struct sigaction g_previous;

void countInterrupt(int) {
  g_interrupts.fetch_add(1);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  static_assert(std::atomic<unsigned>::is_always_lock_free);
  if (g_guard_active.exchange(true)) throw std::logic_error("InterruptGuard: already active");
  g_interrupts.store(0);
  struct sigaction action {};
  action.sa_handler = countInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &g_previous);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_previous, nullptr);
  g_guard_active.store(false);
}

const std::atomic<unsigned>& InterruptGuard::count() const {
  return g_interrupts;
}

}  // namespace taskmaster::sys
