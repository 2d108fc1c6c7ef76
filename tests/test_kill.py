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


def _children(pid: int) -> list[int]:
    """Processes whose parent is *pid*."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _heatmap_workers(pid: int) -> list[int]:
    """The build's heatmap workers (children running xianjice.graph.writers.heatmap_worker)."""
    workers = []
    for child in _children(pid):
        try:
            if b"heatmap_worker" in Path(f"/proc/{child}/cmdline").read_bytes():
                workers.append(child)
        except OSError:
            continue
    return workers


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"  # a zombie has exited; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find processes (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_build_killed_while_its_worker_loads_leaves_no_worker(tmp_path, seed_path, sig):
    proc = subprocess.Popen([sys.executable, "-m", "xianjice", "build", str(seed_path), "-o", str(tmp_path / "out")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers = _wait_for(lambda: _heatmap_workers(proc.pid), timeout=120, step=0.001)
    assert workers, "the build started no heatmap worker"
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    assert _wait_for(lambda: all(_gone(w) for w in workers), timeout=10), workers
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find processes (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_nothing_behind(tmp_path, seed_path, sig):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "xianjice", "build", str(seed_path), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    temporary = _wait_for(lambda: list(tmp_path.glob(".out.tmp-*")), timeout=120)
    assert temporary, "the build never started writing"
    workers = _heatmap_workers(proc.pid)
    assert workers, "no heatmap worker waits for the build's matrix"
    proc.send_signal(sig)
    # nothing else holds the build's output open: reading it ends as soon as the build is dead
    started = time.monotonic()
    proc.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert proc.returncode == -sig
    assert _wait_for(lambda: not list(tmp_path.glob(".out.*")), timeout=10), list(tmp_path.iterdir())
    assert _wait_for(lambda: not _processes_naming(str(tmp_path)), timeout=10), _processes_naming(str(tmp_path))
    assert _wait_for(lambda: all(_gone(w) for w in workers), timeout=10), workers
    assert not out.exists()  # nothing half-written in its place
