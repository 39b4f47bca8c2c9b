// What the terminal on the other end of stdout/stderr can show.
#pragma once

namespace taskmaster::sys {

// stdout is a TTY, NO_COLOR (https://no-color.org) is unset and TERM is not
// "dumb": colour and symbols may be used.
bool stdoutWantsColor();
// stderr is a TTY and TERM is not "dumb": a progress line belongs there.
bool stderrIsInteractive();
// The same for stdout, where commands that report steps write them.
bool stdoutIsInteractive();
// stdin is a TTY: the user can answer a question.
bool stdinIsInteractive();

}  // namespace taskmaster::sys
