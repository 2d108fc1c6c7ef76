"""Files → analysed compilations: the extraction half of every command."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from xianjice.extract.analyse import analyse as analyse_compilation
from xianjice.extract.book import read_compilation
from xianjice.extract.gazetteer import load_gazetteer
from xianjice.extract.lexicon import load_lexicon
from xianjice.extract.records import Compilation


def extract_files(
    paths: Sequence[str | Path],
    *,
    lexicon_path: str | Path | None = None,
    gazetteer_path: str | Path | None = None,
    analyse: bool = True,
    progress: Callable[[str], None] | None = None,
    timings: dict[str, float] | None = None,
    bar: Callable[[str, int], AbstractContextManager[Callable[[], None] | None]] | None = None,
) -> list[Compilation]:
    """Read, extract and (unless ``analyse=False``) analyse each file, in order.

    *timings*, when given, is filled with the seconds spent reading and
    extracting (``extract``) and analysing (``analyse``).  *bar*, when
    given, makes a progress bar for the analysis: ``with bar(description,
    total) as tick`` where ``tick()`` is called after each essay.
    Raises :class:`~xianjice.errors.XianjiceError` subclasses for bad input.
    """
    timings = timings if timings is not None else {}
    gazetteer = load_gazetteer(gazetteer_path)
    lexicon = None
    if analyse:
        lexicon = load_lexicon(lexicon_path)
    out = []
    for path in paths:
        if progress:
            progress(f"reading {path}")
        t0 = time.perf_counter()
        compilation = read_compilation(path, gazetteer=gazetteer)
        timings["extract"] = timings.get("extract", 0.0) + time.perf_counter() - t0
        if analyse:
            if progress:
                progress(f"analysing {len(compilation.essays)} essays of {path}")
            t0 = time.perf_counter()
            with bar(f"analysing {Path(path).name}", len(compilation.essays)) if bar else nullcontext() as tick:
                compilation = analyse_compilation(compilation, lexicon=lexicon, gazetteer=gazetteer, on_essay=tick)
            timings["analyse"] = timings.get("analyse", 0.0) + time.perf_counter() - t0
        out.append(compilation)
    return out
