#!/usr/bin/env python3
"""Run a command and record its wall time, CPU time and peak RSS.

  timer.py OUT_FILE COMMAND [ARGS...]

Writes one line "wall_s user_s sys_s maxrss_kib" to OUT_FILE, like GNU
`time -f '%e %U %S %M'`, but with microsecond resolution (GNU time rounds
wall time to 10 ms, too coarse for the pre-commit workload).  Same
semantics: fork + exec, then wait4() on the child, so CPU and max RSS cover
the child and every descendant it waited for (`timeout` waits for the tool).
Python's own start-up happens before the clock starts.  stdin/stdout/stderr
are the child's; the exit status is the child's (128 + N when killed by
signal N).
"""

import os
import sys
import time


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, argv = sys.argv[1], sys.argv[2:]
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        except OSError as exc:
            print("timer.py: cannot run %s: %s" % (argv[0], exc), file=sys.stderr)
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    with open(out, "w") as fh:
        fh.write("%.6f %.6f %.6f %d\n" % (wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss))
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())
