// runProcess: argv without a shell, exit codes, captured output, stdin,
// timeouts that end the whole process group, environment and cwd.
#include "sys/process.h"

#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "sys/temp_dir.h"

using taskmaster::sys::findInPath;
using taskmaster::sys::ProcessOptions;
using taskmaster::sys::ProcessResult;
using taskmaster::sys::runProcess;
using taskmaster::sys::TempDir;
using taskmaster::sys::withTimeout;

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// Whether a process with this id still exists (and is not a zombie we own).
bool processAlive(pid_t pid) {
  if (kill(pid, 0) != 0) return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pidField, comm, state;
  stat >> pidField >> comm >> state;
  return state != "Z";
}

}  // namespace

TEST_CASE("process: arguments reach the program literally, no shell involved", "[sys][process]") {
  const std::vector<std::string> tricky = {"two words",
                                           "it's",
                                           "\"double\"",
                                           "$(touch /tmp/tm-pwned)",
                                           "`id`",
                                           "a; echo no",
                                           "x && y || z",
                                           "$HOME",
                                           "*",
                                           "> out.txt",
                                           "",
                                           "back\\slash\\n",
                                           "tab\there",
                                           "new\nline",
                                           "|",
                                           "~",
                                           "--flag=a b",
                                           "ünïcødé زبان"};
  SECTION("/usr/bin/printf prints each argument between markers") {
    std::vector<std::string> argv = {"/usr/bin/printf", "[%s]\\n"};
    argv.insert(argv.end(), tricky.begin(), tricky.end());
    ProcessResult r = runProcess(argv);
    REQUIRE(r.ok());
    std::string expected;
    for (const auto& a : tricky) expected += "[" + a + "]\n";
    CHECK(r.out == expected);
    CHECK(r.err.empty());
  }
  SECTION("/bin/echo joins them with single spaces") {
    std::vector<std::string> argv = {"/bin/echo", "a; echo injected", "$(echo sub)", "`echo bt`",
                                     "*"};
    ProcessResult r = runProcess(argv);
    REQUIRE(r.ok());
    CHECK(r.out == "a; echo injected $(echo sub) `echo bt` *\n");
  }
  SECTION("a command substitution is never executed") {
    TempDir temp("tm-process-nosubst");
    const fs::path& dir = temp.path();
    fs::path marker = dir / "pwned";
    ProcessResult r =
        runProcess({"/bin/echo", "$(touch " + marker.string() + ")", "; touch " + marker.string()});
    REQUIRE(r.ok());
    CHECK(r.out == "$(touch " + marker.string() + ") ; touch " + marker.string() + "\n");
    CHECK_FALSE(fs::exists(marker));
  }
  SECTION("a program name with shell syntax is a name, not a command line") {
    ProcessResult r = runProcess({"echo hi; true"});
    CHECK(r.not_found);
    CHECK_FALSE(r.ok());
    CHECK(r.out.empty());
  }
}

TEST_CASE("process: exit codes and stderr are reported", "[sys][process]") {
  SECTION("success") {
    ProcessResult r = runProcess({"true"});
    CHECK(r.exit_code == 0);
    CHECK(r.ok());
    CHECK_FALSE(r.timed_out);
    CHECK_FALSE(r.not_found);
  }
  SECTION("failure") {
    ProcessResult r = runProcess({"false"});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.timed_out);
  }
  SECTION("an exact exit code and both streams kept apart") {
    ProcessResult r = runProcess({"sh", "-c", "echo to-out; echo to-err >&2; exit 42"});
    CHECK(r.exit_code == 42);
    CHECK(r.out == "to-out\n");
    CHECK(r.err == "to-err\n");
    CHECK_FALSE(r.ok());
  }
  SECTION("a program's own error text on stderr") {
    ProcessResult r = runProcess({"ls", "/definitely/not/here"});
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Catch::Contains("/definitely/not/here"));
    CHECK(r.out.empty());
  }
  SECTION("killed by a signal: no exit code, not a timeout") {
    ProcessResult r = runProcess({"sh", "-c", "kill -9 $$"});
    CHECK(r.exit_code == -1);
    CHECK_FALSE(r.timed_out);
    CHECK_FALSE(r.not_found);
    CHECK_FALSE(r.ok());
  }
}

TEST_CASE("process: large outputs are drained completely", "[sys][process]") {
  SECTION("5 MB on stdout") {
    ProcessResult r = runProcess({"head", "-c", "5000000", "/dev/zero"});
    REQUIRE(r.ok());
    CHECK(r.out.size() == 5000000);
    CHECK(r.out.find_first_not_of('\0') == std::string::npos);
  }
  SECTION("large stdout and stderr at the same time do not deadlock") {
    ProcessResult r =
        runProcess({"sh", "-c", "head -c 3000000 /dev/zero >&2 & head -c 3000000 /dev/zero; wait"},
                   withTimeout(20s));
    REQUIRE(r.ok());
    CHECK(r.out.size() == 3000000);
    CHECK(r.err.size() == 3000000);
  }
}

TEST_CASE("process: stdin is fed to the program", "[sys][process]") {
  SECTION("small input through cat") {
    ProcessOptions o;
    o.stdin_data = "hello\nworld\n";
    ProcessResult r = runProcess({"cat"}, o);
    REQUIRE(r.ok());
    CHECK(r.out == "hello\nworld\n");
  }
  SECTION("input larger than a pipe buffer comes back intact") {
    ProcessOptions o;
    o.stdin_data.reserve(4'000'000);
    for (int i = 0; o.stdin_data.size() < 4'000'000; ++i) o.stdin_data += std::to_string(i) + "\n";
    ProcessResult r = runProcess({"cat"}, o);
    REQUIRE(r.ok());
    CHECK(r.out.size() == o.stdin_data.size());
    CHECK(r.out == o.stdin_data);
  }
  SECTION("no stdin data means end of input at once") {
    ProcessResult r = runProcess({"cat"}, withTimeout(5s));
    CHECK(r.ok());
    CHECK_FALSE(r.timed_out);
    CHECK(r.out.empty());
  }
  SECTION("a program that exits without reading its input does not take us down") {
    // Writing to a pipe nobody reads raises SIGPIPE; the caller must survive it.
    ProcessOptions o;
    o.stdin_data.assign(8'000'000, 'x');
    o.timeout = 10s;
    ProcessResult r = runProcess({"sh", "-c", "exec 0<&-; echo closed"}, o);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "closed\n");
    ProcessResult again = runProcess({"true"}, o);
    CHECK(again.exit_code == 0);
  }
  SECTION("the program gets default SIGPIPE handling even when we ignore it") {
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &previous);
    // `yes` dies of SIGPIPE when `head` stops reading; with SIGPIPE ignored it
    // would complain about a write error on stderr instead.
    ProcessResult r = runProcess({"sh", "-c", "yes | head -n 1"}, withTimeout(10s));
    sigaction(SIGPIPE, &previous, nullptr);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "y\n");
    CHECK(r.err.empty());
  }
}

TEST_CASE("process: a timeout kills the program and its children", "[sys][process][timeout]") {
  SECTION("sleep 30 ends within about a second") {
    auto start = std::chrono::steady_clock::now();
    ProcessResult r = runProcess({"sleep", "30"}, withTimeout(300ms));
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(r.timed_out);
    CHECK_FALSE(r.ok());
    CHECK(r.exit_code == -1);
    CHECK(took >= 300ms);
    CHECK(took < 1500ms);
  }
  SECTION("a shell waiting on a background child: the child dies too") {
    TempDir temp("tm-process-timeout-child");
    const fs::path& dir = temp.path();
    fs::path pidFile = dir / "child.pid";
    auto start = std::chrono::steady_clock::now();
    ProcessResult r =
        runProcess({"sh", "-c", "sleep 30 & echo $! > \"$1\"; wait", "sh", pidFile.string()},
                   withTimeout(500ms));
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(r.timed_out);
    CHECK(took < 1500ms);
    std::ifstream in(pidFile);
    pid_t child = 0;
    REQUIRE(in >> child);
    REQUIRE(child > 0);
    // SIGKILL is immediate, but give the kernel a moment to reap.
    bool alive = true;
    for (int i = 0; i < 100 && alive; ++i) {
      alive = processAlive(child);
      if (alive) std::this_thread::sleep_for(10ms);
    }
    CHECK_FALSE(alive);
  }
  SECTION("a program that closes its outputs and keeps running still times out") {
    auto start = std::chrono::steady_clock::now();
    ProcessResult r =
        runProcess({"sh", "-c", "exec >/dev/null 2>&1 </dev/null; sleep 30"}, withTimeout(300ms));
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(r.timed_out);
    CHECK(took < 1500ms);
  }
  SECTION("output written before the timeout is kept") {
    ProcessResult r = runProcess({"sh", "-c", "echo partial; sleep 30"}, withTimeout(300ms));
    CHECK(r.timed_out);
    CHECK(r.out == "partial\n");
  }
  SECTION("a quick program is not affected by a generous timeout") {
    auto start = std::chrono::steady_clock::now();
    ProcessResult r = runProcess({"sh", "-c", "exit 3"}, withTimeout(30s));
    CHECK(r.exit_code == 3);
    CHECK_FALSE(r.timed_out);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
  }
}

TEST_CASE("process: a missing program is not_found", "[sys][process]") {
  SECTION("not on PATH") {
    ProcessResult r = runProcess({"tm-no-such-program-xyz", "--version"});
    CHECK(r.not_found);
    CHECK_FALSE(r.ok());
    CHECK(r.exit_code == -1);
    CHECK_FALSE(r.timed_out);
  }
  SECTION("an absolute path that does not exist") {
    ProcessResult r = runProcess({"/nonexistent/dir/helm"});
    CHECK(r.not_found);
  }
  SECTION("a file that is not executable") {
    TempDir temp("tm-process-notexec");
    const fs::path& dir = temp.path();
    fs::path file = dir / "script";
    std::ofstream(file) << "#!/bin/sh\necho hi\n";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    ProcessResult r = runProcess({file.string()});
    CHECK(r.not_found);
    CHECK(r.out.empty());
  }
  SECTION("a directory") {
    ProcessResult r = runProcess({"/tmp"});
    CHECK(r.not_found);
  }
  SECTION("an empty argv is a programming error") {
    CHECK_THROWS_AS(runProcess({}), std::invalid_argument);
  }
  SECTION("findInPath") {
    auto sh = findInPath("sh");
    REQUIRE(sh);
    CHECK(sh->filename() == "sh");
    CHECK(sh->is_absolute());
    CHECK_FALSE(findInPath("tm-no-such-program-xyz"));
    CHECK(findInPath("/bin/sh") == fs::path("/bin/sh"));
    CHECK_FALSE(findInPath("/nonexistent/sh"));
  }
}

TEST_CASE("process: environment overrides set and unset variables", "[sys][process][env]") {
  setenv("TM_PROCESS_TEST_INHERITED", "from-parent", 1);
  setenv("TM_PROCESS_TEST_REMOVED", "should-vanish", 1);
  ProcessOptions o;
  o.env["TM_PROCESS_TEST_SET"] = "value with spaces; $(not run)";
  o.env["TM_PROCESS_TEST_EMPTY"] = "";
  o.env["TM_PROCESS_TEST_REMOVED"] = std::nullopt;
  o.env["TM_PROCESS_TEST_NEVER_SET"] = std::nullopt;
  ProcessResult r = runProcess({"env"}, o);
  unsetenv("TM_PROCESS_TEST_INHERITED");
  unsetenv("TM_PROCESS_TEST_REMOVED");
  REQUIRE(r.ok());
  auto has = [&](const std::string& line) {
    return ("\n" + r.out).find("\n" + line + "\n") != std::string::npos;
  };
  CHECK(has("TM_PROCESS_TEST_SET=value with spaces; $(not run)"));
  CHECK(has("TM_PROCESS_TEST_EMPTY="));
  CHECK(has("TM_PROCESS_TEST_INHERITED=from-parent"));
  CHECK_THAT(r.out, !Catch::Contains("TM_PROCESS_TEST_REMOVED"));
  CHECK_THAT(r.out, !Catch::Contains("TM_PROCESS_TEST_NEVER_SET"));
  // The override is for the child only.
  CHECK(getenv("TM_PROCESS_TEST_SET") == nullptr);

  SECTION("an override replaces an inherited value") {
    setenv("TM_PROCESS_TEST_REPLACED", "old", 1);
    ProcessOptions replace;
    replace.env["TM_PROCESS_TEST_REPLACED"] = "new";
    ProcessResult rr = runProcess({"sh", "-c", "printf %s \"$TM_PROCESS_TEST_REPLACED\""}, replace);
    unsetenv("TM_PROCESS_TEST_REPLACED");
    CHECK(rr.out == "new");
  }
}

TEST_CASE("process: cwd sets the working directory", "[sys][process]") {
  TempDir temp("tm-process-cwd with space");
  const fs::path& dir = temp.path();
  std::ofstream(dir / "here.txt") << "found";
  ProcessOptions o;
  o.cwd = dir;
  ProcessResult pwd = runProcess({"pwd", "-P"}, o);
  REQUIRE(pwd.ok());
  CHECK(pwd.out == fs::canonical(dir).string() + "\n");
  ProcessResult cat = runProcess({"cat", "here.txt"}, o);
  REQUIRE(cat.ok());
  CHECK(cat.out == "found");
  // Without cwd the child inherits ours.
  ProcessResult inherited = runProcess({"pwd", "-P"});
  CHECK(inherited.out == fs::canonical(fs::current_path()).string() + "\n");
  // A cwd that does not exist: the program cannot be started there.
  ProcessOptions missing;
  missing.cwd = dir / "does-not-exist";
  ProcessResult r = runProcess({"pwd"}, missing);
  CHECK_FALSE(r.ok());
  CHECK(r.out.empty());
}
