"""A build killed with kill -9 or SIGTERM leaves no process and no temporary directory behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _wait_for(predicate, timeout: float, step: float = 0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(step)
    return predicate()


def _processes_naming(text: str) -> list[int]:
    """Processes whose command line holds *text* (the build's unique output path)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if text in cmdline:
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find processes (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_nothing_behind(tmp_path, seed_path, sig):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "xianjice", "build", str(seed_path), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    temporary = _wait_for(lambda: list(tmp_path.glob(".out.tmp-*")), timeout=120)
    assert temporary, "the build never started writing"
    proc.send_signal(sig)
    # nothing else holds the build's output open: reading it ends as soon as the build is dead
    started = time.monotonic()
    proc.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert proc.returncode == -sig
    assert _wait_for(lambda: not list(tmp_path.glob(".out.*")), timeout=10), list(tmp_path.iterdir())
    assert _wait_for(lambda: not _processes_naming(str(tmp_path)), timeout=10), _processes_naming(str(tmp_path))
    assert not out.exists()  # nothing half-written in its place
