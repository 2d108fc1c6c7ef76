"""Files → analysed compilations: the extraction half of every command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from extract.book import read_compilation
from extract.records import Compilation


def extract_files(
    paths: Sequence[str | Path],
    *,
    lexicon_path: str | Path | None = None,
    analyse: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[Compilation]:
    """Read, extract and (unless ``analyse=False``) analyse each file, in order.

    Raises :class:`~extract.errors.XianjiceError` subclasses for bad input.
    """
    lexicon = None
    if analyse:
        from extract.lexicon import load_lexicon

        lexicon = load_lexicon(lexicon_path)
    out = []
    for path in paths:
        if progress:
            progress(f"reading {path}")
        compilation = read_compilation(path)
        if analyse:
            from extract.analyse import analyse as analyse_compilation

            if progress:
                progress(f"analysing {len(compilation.essays)} essays of {path}")
            compilation = analyse_compilation(compilation, lexicon=lexicon)
        out.append(compilation)
    return out
