"""Progress on stderr: bars and stage lines in a terminal, nothing when quiet or piped."""

import os
import pty
import select
import subprocess
import sys

from xianjice.common import live, progress_bars, stderr_progress


def test_nothing_when_quiet_or_not_a_terminal():
    # under pytest stderr is captured: not a terminal
    assert not live(False) and not live(True)
    assert stderr_progress(False) is None and progress_bars(False) is None


def run_in_terminal(code: str) -> bytes:
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=child, stdout=child, stderr=child)
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 10)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    proc.wait(timeout=10)
    os.close(main)
    return out


def test_a_bar_is_drawn_in_a_terminal_even_one_reporting_no_size():
    out = run_in_terminal(
        "from xianjice.common import progress_bars\n"
        "bar = progress_bars(False)\n"
        "with bar('analysing', 4) as tick:\n"
        "    [tick() for _ in range(4)]\n"
    )
    assert b"analysing" in out and b"0/4" in out


def test_quiet_draws_no_bar_in_a_terminal():
    out = run_in_terminal("from xianjice.common import progress_bars\nprint(progress_bars(True))\n")
    assert out.strip() == b"None"
