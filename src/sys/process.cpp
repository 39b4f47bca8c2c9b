#include "sys/process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace taskmaster::sys {

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (pipe2(fd, O_CLOEXEC) != 0)
      throw std::runtime_error(std::string("pipe: ") + strerror(errno));
  }
  ~Pipe() { closeBoth(); }
  void close(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void closeBoth() { close(0), close(1); }
};

std::vector<std::string> buildEnvironment(const ProcessOptions& options) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    size_t eq = entry.find('=');
    if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : options.env) {
    if (value)
      vars[key] = *value;
    else
      vars.erase(key);
  }
  std::vector<std::string> out;
  for (auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

// write() to a pipe whose reader has gone raises SIGPIPE, which would end
// this process unless its caller ignores the signal. Block it for the call
// and take back the one the write raised, so only EPIPE remains.
ssize_t writeWithoutSigpipe(int fd, const char* data, size_t size) {
  sigset_t pipe_only, pending, old;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  sigpending(&pending);
  bool was_pending = sigismember(&pending, SIGPIPE) == 1;
  pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
  ssize_t w = write(fd, data, size);
  int saved = errno;
  if (w < 0 && saved == EPIPE && !was_pending) {
    timespec zero{0, 0};
    while (sigtimedwait(&pipe_only, nullptr, &zero) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = saved;
  return w;
}

std::vector<char*> cStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::optional<std::filesystem::path> findInPath(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    if (access(program.c_str(), X_OK) == 0) return std::filesystem::path(program);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    if (colon == std::string::npos) colon = dirs.size();
    std::string dir = dirs.substr(start, colon - start);
    std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
    if (access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate))
      return candidate;
    start = colon + 1;
  }
  return std::nullopt;
}

ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  if (argv.empty()) throw std::invalid_argument("runProcess: empty argv");
  auto program = findInPath(argv[0]);
  if (!program) {
    result.not_found = true;
    return result;
  }

  Pipe in, out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // A group of its own, so a timeout also ends the children it started.
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t no_signals;
  sigemptyset(&no_signals);
  posix_spawnattr_setsigmask(&attr, &no_signals);
  // The plugin ignores SIGPIPE; the programs it runs get the default back.
  // So they do for SIGINT, which a shell ignores in background jobs: the
  // only SIGINT a child can get is one passed on deliberately (interrupts).
  sigset_t default_signals;
  sigemptyset(&default_signals);
  sigaddset(&default_signals, SIGPIPE);
  sigaddset(&default_signals, SIGINT);
  posix_spawnattr_setsigdefault(&attr, &default_signals);

  std::vector<std::string> args = argv;
  std::vector<std::string> env = buildEnvironment(options);
  auto c_args = cStrings(args);
  auto c_env = cStrings(env);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, program->c_str(), &actions, &attr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    result.not_found = true;
    result.err = strerror(rc);
    return result;
  }
  in.close(0), out.close(1), err.close(1);

  // Feed stdin and drain both outputs without blocking on either.
  size_t written = 0;
  if (options.stdin_data.empty())
    in.close(1);
  else
    fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  auto deadline = std::chrono::steady_clock::now() + options.timeout;
  unsigned interrupts_seen = options.interrupts ? options.interrupts->load() : 0;
  auto forwardInterrupts = [&] {
    if (!options.interrupts) return;
    unsigned now = options.interrupts->load();
    if (now == interrupts_seen) return;
    interrupts_seen = now;
    kill(-pid, SIGINT);
  };
  char buffer[65536];
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      kill(-pid, SIGKILL);
      break;
    }
    if (options.cancel && options.cancel->load()) {
      result.cancelled = true;
      kill(-pid, SIGKILL);
      break;
    }
    forwardInterrupts();
    pollfd fds[3];
    int n = 0;
    int which[3];
    if (out.fd[0] >= 0) fds[n] = {out.fd[0], POLLIN, 0}, which[n++] = 1;
    if (err.fd[0] >= 0) fds[n] = {err.fd[0], POLLIN, 0}, which[n++] = 2;
    if (in.fd[1] >= 0) fds[n] = {in.fd[1], POLLOUT, 0}, which[n++] = 0;
    long long slice = options.cancel || options.interrupts ? 10 : 1000;
    int ready = poll(fds, n, static_cast<int>(std::min<long long>(left.count(), slice)));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < n && ready > 0; ++i) {
      if (!fds[i].revents) continue;
      if (which[i] == 0) {
        ssize_t w = writeWithoutSigpipe(in.fd[1], options.stdin_data.data() + written,
                                        options.stdin_data.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN) in.close(1);
        if (written == options.stdin_data.size()) in.close(1);
        continue;
      }
      Pipe& p = which[i] == 1 ? out : err;
      ssize_t r = read(p.fd[0], buffer, sizeof buffer);
      if (r > 0)
        (which[i] == 1 ? result.out : result.err).append(buffer, static_cast<size_t>(r));
      else if (r == 0 || (errno != EINTR && errno != EAGAIN))
        p.close(0);
    }
  }
  in.closeBoth(), out.closeBoth(), err.closeBoth();
  // A program may close its outputs and keep running: the timeout still holds.
  int status = 0;
  for (;;) {
    bool killed = result.timed_out || result.cancelled;
    pid_t done = waitpid(pid, &status, killed ? 0 : WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return result;
    if (done == 0) forwardInterrupts();
    if (done == 0 && options.cancel && options.cancel->load() && !killed) {
      result.cancelled = true;
      kill(-pid, SIGKILL);
    } else if (done == 0 && std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      kill(-pid, SIGKILL);
    } else if (done == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace taskmaster::sys
