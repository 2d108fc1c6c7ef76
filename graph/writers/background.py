"""Work done beside the build in a second process: the heatmap.

Drawing the unit × theme heatmap needs matplotlib and a large CJK font,
about a second of loading and drawing that has nothing to do with the rest of
the build.  :class:`Painter` forks one worker when the build starts, which
loads them while the main process reads and analyses the text, then draws the
heatmap from its small matrix (computed from the records as soon as they are
analysed) while the main process builds the graph and writes the other
exports.  Where ``fork`` is not available the heatmap is drawn in process.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from xianjice.graph.writers.heatmap import Matrix, heatmap_files, warm_up


@dataclass(frozen=True)
class Pictures:
    """A heatmap being drawn: the matrix it shows and the future of its files."""

    matrix: Matrix
    files: Future


class Painter:
    """A context manager holding the background worker (or none).

    Examples
    --------
    >>> with Painter() as painter:
    ...     pictures = painter.heatmap((["甲关"], ["监管"], [[1]]))
    ...     files = pictures.files.result()
    >>> pictures.matrix, sorted(files)
    ((['甲关'], ['监管'], [[1]]), ['units-themes.png', 'units-themes.svg'])
    """

    def __init__(self, *, background: bool = True):
        self.background = background and sys.platform.startswith("linux")
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Painter:
        if self.background:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            self._pool.submit(warm_up)
        return self

    def heatmap(self, matrix: Matrix) -> Pictures:
        """Start drawing the heatmap of *matrix*; its files (``{name: bytes}``) come in ``.files``."""
        if self._pool is not None:
            return Pictures(matrix, self._pool.submit(heatmap_files, matrix))
        done: Future = Future()
        try:
            done.set_result(heatmap_files(matrix))
        except Exception as exc:  # handed to the caller through the future, as from the pool
            done.set_exception(exc)
        return Pictures(matrix, done)

    def __exit__(self, *exc_info) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
