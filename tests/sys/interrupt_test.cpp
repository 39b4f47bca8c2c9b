// Ctrl-C while waiting on a child: counted by the guard instead of ending
// us, passed on to the child's process group, which handles it.
#include "sys/interrupt.h"

#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "sys/process.h"

using namespace taskmaster;
using namespace std::chrono_literals;

TEST_CASE("interrupt guard: SIGINT is counted, not fatal, while it lives", "[sys][interrupt]") {
  {
    sys::InterruptGuard guard;
    CHECK_FALSE(guard.interrupted());
    raise(SIGINT);
    raise(SIGINT);
    CHECK(guard.count().load() == 2);
  }
  // A second guard starts from zero.
  sys::InterruptGuard again;
  CHECK(again.count().load() == 0);
}

TEST_CASE("process: interrupts reach the child's process group", "[sys][interrupt]") {
  std::atomic<unsigned> interrupts{0};
  sys::ProcessOptions options = sys::withTimeout(20s);
  options.interrupts = &interrupts;
  std::thread presser([&] {
    std::this_thread::sleep_for(300ms);
    interrupts.fetch_add(1);
  });
  auto start = std::chrono::steady_clock::now();
  // The shell handles SIGINT like Helm does: it stops waiting and exits.
  sys::ProcessResult r = sys::runProcess(
      {"/bin/sh", "-c", "trap 'echo stopped; exit 3' INT; for i in $(seq 100); do sleep 0.1; done"},
      options);
  presser.join();
  CHECK(r.exit_code == 3);
  CHECK(r.out == "stopped\n");
  CHECK(std::chrono::steady_clock::now() - start < 5s);
}

TEST_CASE("process: a child gets SIGINT back even when we ignore it", "[sys][interrupt]") {
  // A shell starts background jobs with SIGINT ignored; an interrupt passed
  // on must still reach (here: end) the child.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGINT, &ignore, &previous);
  sys::ProcessOptions options = sys::withTimeout(20s);
  std::atomic<unsigned> none{0};
  options.interrupts = &none;
  std::thread presser([&] {
    std::this_thread::sleep_for(300ms);
    none.fetch_add(1);
  });
  auto start = std::chrono::steady_clock::now();
  sys::ProcessResult r = sys::runProcess({"/bin/sleep", "10"}, options);
  presser.join();
  sigaction(SIGINT, &previous, nullptr);
  CHECK(r.exit_code == -1);  // ended by the signal
  CHECK(std::chrono::steady_clock::now() - start < 5s);
}
