// Background work that must not slow the work a user waits for.
#pragma once

namespace taskmaster::sys {

// Lowers the CPU priority (nice 10) of the calling thread; processes it
// starts afterwards inherit it. Best effort: failures are ignored.
void lowerCurrentThreadPriority();

}  // namespace taskmaster::sys
