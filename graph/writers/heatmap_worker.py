"""The heatmap drawn in a worker process, so matplotlib's start-up is off the build's critical path.

A speed-up, kept in a module named for it: importing matplotlib, loading the
font and drawing the first figure take one to three seconds, as long as the
rest of a small build.  :func:`start_worker` starts a fresh Python (a
``subprocess``, never a fork) at the very start of a build; it imports
matplotlib and the font while the build reads and analyses, then waits for
the matrix.  :meth:`HeatmapWorker.send` gives it the matrix as soon as the
analysis is done, and the worker draws while the build writes its other
files; :meth:`HeatmapWorker.receive` then returns the PNG and SVG bytes and
the heatmap's part of ``report.json``.  The build writes the files itself,
so the worker never touches the build's directory.

The worker cannot outlive the build.  It holds none of the build's output
streams (its stdout is a pipe of its own, its stderr ``/dev/null``) and
watches its stdin, a pipe whose write end only the build holds: at end of
file — the build finished, failed, or was killed with ``kill -9`` — it
exits at once, whatever it was doing.  A worker that fails (an error, a
crash, a missing font) costs the build only its pictures: :meth:`draw`
returns the reason, which ``report.json`` gives under ``heatmap.error``.

Protocol (one request per worker): the build writes one JSON line
``{"units", "themes", "counts", "essays", "stem"}``; the worker answers one
JSON line — ``{"ok": true, "files": [[name, size], …], "report": {…}}``
followed by the files' bytes in that order, or ``{"ok": false, "error": …}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from typing import NamedTuple

MODULE = "xianjice.graph.writers.heatmap_worker"
#: Seconds the build waits for a worker to exit once told to (it exits at once; this only bounds a hang).
EXIT_WAIT = 5.0


class Drawn(NamedTuple):
    """What a worker returned: the files by name (empty on failure), the report's ``heatmap`` part, the error."""

    files: dict[str, bytes]
    report: dict
    error: str | None


class HeatmapWorker:
    """A running worker process; use :func:`start_worker` and close it (or use it as a context manager)."""

    def __init__(self, process: subprocess.Popen | None, error: str | None = None):
        self.process = process
        self.start_error = error
        self.matrix = None

    def __enter__(self) -> HeatmapWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def draw(self, matrix, *, stem: str = "units-themes") -> Drawn:
        """Have the worker draw ``matrix`` and wait for the pictures: :meth:`send` then :meth:`receive`."""
        self.send(matrix, stem=stem)
        return self.receive()

    def send(self, matrix, *, stem: str = "units-themes") -> None:
        """Give the worker ``matrix`` (a :class:`~xianjice.graph.writers.heatmap.Matrix`) to draw; returns at once.

        Parameters
        ----------
        matrix
            Units, themes, counts and each unit's essays.
        stem
            File name without extension of the PNG and SVG.
        """
        self.matrix = matrix
        p = self.process
        if p is None:
            return
        request = {"units": list(matrix.units), "themes": list(matrix.themes),
                   "counts": [list(r) for r in matrix.counts], "essays": list(matrix.essays), "stem": stem}
        try:
            p.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
            p.stdin.flush()
        except OSError:  # BrokenPipeError: the worker is gone; receive() says so
            pass

    def receive(self) -> Drawn:
        """Wait for the pictures of the matrix given to :meth:`send`, then end the worker.

        Returns
        -------
        Drawn
            The PNG and SVG bytes by file name and the ``heatmap`` part of
            ``report.json``; on any failure of the worker no files, the
            report without ``missing_glyphs``, and the error as one line.
            Never raises for a failure of the worker.
        """
        from xianjice.graph.writers.heatmap import fallback_report

        try:
            files, report = self._answer()
        except _WorkerFailed as exc:
            return Drawn({}, fallback_report(self.matrix) | {"error": str(exc)}, str(exc))
        finally:
            self.close()
        return Drawn(files, report, None)

    def _answer(self) -> tuple[dict[str, bytes], dict]:
        p = self.process
        if p is None:
            raise _WorkerFailed(f"the heatmap worker could not start: {self.start_error}")
        try:
            header = p.stdout.readline()
        except OSError as exc:
            raise _WorkerFailed(self._died("")) from exc
        if not header:
            raise _WorkerFailed(self._died(""))
        try:
            answer = json.loads(header)
        except ValueError as exc:
            raise _WorkerFailed("the heatmap worker answered something unreadable") from exc
        if not answer.get("ok"):
            raise _WorkerFailed(str(answer.get("error") or "the heatmap worker failed"))
        files = {}
        for name, size in answer["files"]:
            data = p.stdout.read(size)
            if len(data) != size:
                raise _WorkerFailed(self._died(f"while sending {name}"))
            files[name] = data
        return files, answer["report"]

    def _died(self, detail: str) -> str:
        try:
            code = self.process.wait(timeout=EXIT_WAIT)
        except subprocess.TimeoutExpired:
            code = None
        how = "stopped answering" if code is None else f"exited with status {code}"
        return " ".join(f"the heatmap worker {how} {detail}".split())

    def close(self) -> None:
        """End the worker (end of file on its stdin) and wait for it; idempotent."""
        p, self.process = self.process, None
        if p is None:
            return
        for stream in (p.stdin, p.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            p.wait(timeout=EXIT_WAIT)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


class _WorkerFailed(Exception):
    """Internal: why a worker gave no pictures (turned into :attr:`Drawn.error`)."""


def start_worker() -> HeatmapWorker:
    """Start a heatmap worker: a fresh Python that loads matplotlib and the font, then waits for a matrix.

    Returns at once.  If the process cannot be started, the returned worker
    says so when asked to draw (the build goes on without pictures).
    """
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", MODULE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True,
        )
    except OSError as exc:
        return HeatmapWorker(None, str(exc.strerror or exc))
    return HeatmapWorker(process)


def _watch_stdin(requests: list, ready: threading.Event) -> None:
    """Read the one request line, then wait for end of file; at end of file, exit the process at once."""
    stdin = sys.stdin.buffer
    line = stdin.readline()
    if line:
        requests.append(line)
        ready.set()
        while stdin.read(65536):
            pass
    os._exit(0)  # the build is done or dead: nothing of ours is worth finishing


def _warm_up() -> None:
    """Import matplotlib, load the font and draw an empty heatmap, so the real one is drawn sooner."""
    from xianjice.graph.writers import heatmap

    heatmap.heatmap_files(heatmap.Matrix([], [], [], []))
    heatmap.missing_glyphs([])


def _answer(line: bytes) -> tuple[dict, list[bytes]]:
    from xianjice.graph.writers import heatmap

    try:
        request = json.loads(line)
        matrix = heatmap.Matrix(request["units"], request["themes"], request["counts"], request["essays"])
        files = heatmap.heatmap_files(matrix, stem=request["stem"])
        report = heatmap.heatmap_report(matrix)
    except Exception as exc:  # every failure is told to the build, which goes on without pictures
        message = str(exc) if isinstance(exc, heatmap.FontMissingError) else f"{type(exc).__name__}: {exc}"
        return {"ok": False, "error": " ".join(message.split())}, []
    names = sorted(files)
    return {"ok": True, "files": [[n, len(files[n])] for n in names], "report": report}, [files[n] for n in names]


def main() -> None:
    """The worker: watch stdin, warm up, draw the requested matrix, answer on stdout, wait for end of file."""
    requests: list[bytes] = []
    ready = threading.Event()
    threading.Thread(target=_watch_stdin, args=(requests, ready), daemon=True).start()
    try:
        _warm_up()
    except Exception:  # drawing the real matrix fails the same way and says why
        pass
    ready.wait()
    header, blobs = _answer(requests[0])
    out = sys.stdout.buffer
    out.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n")
    for blob in blobs:
        out.write(blob)
    out.flush()
    ready.clear()
    ready.wait()  # never set again: the watcher thread ends the process at end of file


if __name__ == "__main__":
    main()
