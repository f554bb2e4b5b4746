#!/usr/bin/env python3
"""Run a command and record its wall time, CPU time and peak RSS.

  timer.py OUT_FILE [--timeout SECONDS [--kill-after SECONDS]] COMMAND [ARGS...]

Writes one line "wall_s user_s sys_s maxrss_kib" to OUT_FILE, like GNU
`time -f '%e %U %S %M'`, but with microsecond resolution (GNU time rounds
wall time to 10 ms, too coarse for the pre-commit workload).  The command is
started with fork + exec and waited for with wait4(), so CPU and max RSS
cover the command and every descendant it waited for (posix_spawn would be
a little quicker, but its child shares this interpreter's memory until the
exec, and the kernel counts that in the child's peak RSS).  Python's own
start-up and the search of PATH happen before the clock starts.

With --timeout, the command runs in a process group of its own, which gets
SIGTERM after SECONDS and SIGKILL --kill-after seconds later (default 10),
as `timeout -k` does; the exit status is then 124.  The limit is kept here
rather than by wrapping the command in `timeout`: that is one more exec
inside the timed window, 2.4 ms of every pre-commit run on this machine.
stdin/stdout/stderr are the command's; the exit status is the command's
(128 + N when killed by signal N).
"""

import os
import shutil
import signal
import sys
import time


def parse(args):
    out, rest = args[0], args[1:]
    limit, grace = None, 10.0
    while rest and rest[0] in ("--timeout", "--kill-after"):
        if len(rest) < 2:
            raise ValueError("%s needs a value" % rest[0])
        value = float(rest[1])
        if rest[0] == "--timeout":
            limit = value
        else:
            grace = value
        rest = rest[2:]
    if not rest:
        raise ValueError("no command")
    return out, limit, grace, rest


def main():
    try:
        out, limit, grace, argv = parse(sys.argv[1:])
    except (IndexError, ValueError) as exc:
        print("timer.py: %s\n%s" % (exc, __doc__), file=sys.stderr)
        return 2
    program = shutil.which(argv[0]) if os.sep not in argv[0] else argv[0]
    if program is None:
        print("timer.py: cannot run %s: not found" % argv[0], file=sys.stderr)
        return 127
    timed_out = []

    def expire(_signum, _frame):
        # First the polite signal, then (one grace period later) the one that cannot be caught.
        timed_out.append(True)
        try:
            os.killpg(pid, signal.SIGKILL if len(timed_out) > 1 else signal.SIGTERM)
        except ProcessLookupError:
            pass
        if len(timed_out) == 1:
            signal.setitimer(signal.ITIMER_REAL, grace)

    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            if limit:
                os.setpgid(0, 0)
            os.execv(program, argv)
        except OSError as exc:
            print("timer.py: cannot run %s: %s" % (argv[0], exc), file=sys.stderr)
        os._exit(127)
    if limit:
        signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, limit)
    # wait4 is retried after the handler runs (PEP 475).
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    signal.setitimer(signal.ITIMER_REAL, 0)
    with open(out, "w") as fh:
        fh.write("%.6f %.6f %.6f %d\n" % (wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss))
    if timed_out:
        return 124
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())
