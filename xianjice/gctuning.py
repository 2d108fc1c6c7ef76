"""Garbage-collector settings for one run of the console script (a speed-up, measured).

A build allocates a large heap of records and graph nodes that all live
until the process ends, so the cyclic collector finds next to nothing to free
while it runs.  :func:`long_lived_heap` tells it so for the duration of one
command: collections run less often, what the imports created is never
rescanned (``gc.freeze``), and what the command created is frozen before the
interpreter exits (no final sweep of the whole heap).  Nothing else changes;
the thresholds are restored when the block ends.  Only ``xianjice.cli.main``
uses it: the library itself leaves the collector alone.

Measured with ``bench/bench_build.py`` (README, “Performance”): about a
tenth of the seed's build time; the memory cost is a few percent.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: Allocations between two young-generation collections (Python's default is 700).
GC_THRESHOLD = (50_000, 20, 100)


@contextlib.contextmanager
def long_lived_heap() -> Iterator[None]:
    """Run the block with a collector tuned for a heap that lives until exit.

    Examples
    --------
    >>> before = gc.get_threshold()
    >>> with long_lived_heap():
    ...     gc.get_threshold() == GC_THRESHOLD
    True
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    gc.freeze()
    try:
        yield
    finally:
        gc.freeze()  # the process is about to exit: spare it a sweep of objects that are all still alive
        gc.set_threshold(*before)
