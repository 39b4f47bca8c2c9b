#include "sys/thread_priority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace taskmaster::sys {

void lowerCurrentThreadPriority() {
#if defined(__linux__)
  // On Linux the nice value belongs to the thread, and PRIO_PROCESS with a
  // thread id changes just that thread.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#else
  setpriority(PRIO_PROCESS, 0, 10);  // macOS: the whole (short-lived) process
#endif
}

}  // namespace taskmaster::sys
