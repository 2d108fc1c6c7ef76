"""A temporary directory that is removed even when the build is killed (``kill -9``, SIGTERM).

A build writes into a fresh directory next to its output and renames it into
place at the end (:mod:`xianjice.graph.writers.export`).  ``finally`` blocks
remove it on an error or Ctrl-C, but no code of the build runs when it is
killed.  :func:`removed_if_killed` therefore starts a tiny watcher, a POSIX
shell waiting on a pipe whose write end only the build holds: when the build
ends, however it ends, the kernel closes the pipe, the watcher wakes up and
removes the directory if it is still there, then exits.  The watcher runs in
its own session (a Ctrl-C or a kill of the build's process group does not
reach it), holds none of the build's output streams open, and is spawned
(``posix_spawn``/``vfork``+``exec``), never forked from Python.  Where there
is no ``/bin/sh`` (Windows) the directory is only removed on errors.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

SHELL = "/bin/sh"
#: Waits for end of file on stdin (the build gone), then removes the directory named in $1.
WATCH = 'while read -r _; do :; done; rm -rf -- "$1"'


@contextlib.contextmanager
def removed_if_killed(path: str | Path) -> Iterator[None]:
    """Watch *path* while the block runs; if the process dies inside it, the watcher removes *path*.

    On leaving the block normally (or by an exception) the watcher is told
    to stand down and is waited for; the caller removes or keeps *path* as
    it sees fit.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with removed_if_killed(d):
    ...     (d / "a").write_text("x")
    1
    >>> d.is_dir()  # kept: the process was not killed
    True
    >>> import shutil; shutil.rmtree(d)
    """
    if not os.path.exists(SHELL):
        yield
        return
    watcher = subprocess.Popen(
        [SHELL, "-c", WATCH, "xianjice-watch", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True,
    )
    try:
        yield
    finally:
        watcher.kill()  # stand down: the build is alive and decides what happens to the directory
        watcher.wait()
        watcher.stdin.close()
