"""Work done beside the build in a second process: the heatmap.

Drawing the unit × theme heatmap needs matplotlib and a large CJK font,
about a second of loading and drawing that has nothing to do with the rest of
the build.  :class:`Painter` forks one worker when the build starts, which
loads them while the main process reads and analyses the text, then draws the
heatmap from its small matrix while the main process writes the other
exports.  Where ``fork`` is not available the heatmap is drawn in process.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from graph.heatmap import Matrix, draw_heatmap, warm_up


class Painter:
    """A context manager holding the background worker (or none).

    Examples
    --------
    >>> import tempfile
    >>> with Painter() as painter, tempfile.TemporaryDirectory() as d:
    ...     paths = painter.heatmap((["甲关"], ["监管"], [[1]]), d).result()
    ...     sorted(p.name for p in paths)
    ['units-themes.png', 'units-themes.svg']
    """

    def __init__(self, *, background: bool = True):
        self.background = background and sys.platform.startswith("linux")
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Painter:
        if self.background:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            self._pool.submit(warm_up)
        return self

    def heatmap(self, matrix: Matrix, out_dir: str | Path) -> Future:
        """Draw the heatmap files into *out_dir*; the future's result is their paths."""
        if self._pool is not None:
            return self._pool.submit(draw_heatmap, matrix, Path(out_dir))
        done: Future = Future()
        try:
            done.set_result(draw_heatmap(matrix, out_dir))
        except Exception as exc:  # handed to the caller through the future, as from the pool
            done.set_exception(exc)
        return done

    def __exit__(self, *exc_info) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
