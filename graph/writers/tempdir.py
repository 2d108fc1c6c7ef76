"""A temporary directory that is removed even when the build is killed (``kill -9``, SIGTERM).

A build writes into a fresh directory next to its output and renames it into
place at the end (:mod:`xianjice.graph.writers.export`).  ``finally`` blocks
remove it on an error or Ctrl-C, but no code of the build runs when it is
killed.  :func:`watched_tempdir` therefore starts a tiny watcher, a POSIX
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
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

SHELL = "/bin/sh"
#: Reads the directory's name (one line), waits for end of file on stdin (the build gone), then removes
#: ``$1/name``.  The name is told before the directory exists, so no kill can fall between the two.
WATCH = 'IFS= read -r name; while read -r _; do :; done; case "$name" in ""|*/*) ;; *) rm -rf -- "$1/$name";; esac'


@contextlib.contextmanager
def watched_tempdir(parent: str | Path, *, prefix: str) -> Iterator[Path]:
    """Create a fresh directory in *parent*; if the process dies while the block runs, a watcher removes it.

    The watcher is started and told the directory's name (*prefix* and 16 random hex digits) before the
    directory is made, so a kill at any moment leaves nothing.  On leaving the block normally (or by an
    exception) the watcher is told to stand down and is waited for; the caller removes or keeps the
    directory as it sees fit.

    Raises
    ------
    OSError
        The directory cannot be created.

    Examples
    --------
    >>> import shutil, tempfile
    >>> parent = Path(tempfile.mkdtemp())
    >>> with watched_tempdir(parent, prefix=".out.tmp-") as d:
    ...     (d / "a").write_text("x")
    1
    >>> d.is_dir(), d.name.startswith(".out.tmp-")  # kept: the process was not killed
    (True, True)
    >>> shutil.rmtree(parent)
    """
    path = Path(parent) / f"{prefix}{secrets.token_hex(8)}"
    if not os.path.exists(SHELL):
        path.mkdir(mode=0o700)
        yield path
        return
    watcher = subprocess.Popen(
        [SHELL, "-c", WATCH, "xianjice-watch", str(parent)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True,
    )
    try:
        watcher.stdin.write(path.name.encode() + b"\n")
        watcher.stdin.flush()
        path.mkdir(mode=0o700)
        yield path
    finally:
        watcher.kill()  # stand down: the build is alive and decides what happens to the directory
        watcher.wait()
        watcher.stdin.close()
