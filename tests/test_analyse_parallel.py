"""Analysing in two processes gives exactly what one process gives."""

import sys
from pathlib import Path

from xianjice.extract.analyse import PARALLEL_CHARS, analyse
from xianjice.extract.book import extract_compilation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from make_corpus import make_corpus  # noqa: E402


def test_two_processes_same_as_one():
    c = extract_compilation(make_corpus(80, seed=5), source="corpus.txt")
    one = analyse(c, workers=1)
    two = analyse(c, workers=2)
    assert one == two
    assert sum(len(e.concepts) for e in one.essays) > 0


def test_progress_ticks_once_per_essay_in_one_process():
    c = extract_compilation(make_corpus(12, seed=5), source="corpus.txt")
    ticks = []
    analyse(c, workers=1, on_essay=lambda: ticks.append(1))
    assert len(ticks) == 12


def test_small_books_stay_in_one_process(seed_compilation):
    assert sum(len(p.text) for e in seed_compilation.essays if e.body for p in e.body.paragraphs) < PARALLEL_CHARS
