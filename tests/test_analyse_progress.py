"""The analysis runs in the calling process and ticks the progress bar once per essay."""

import os
import sys
from pathlib import Path

import pytest

from xianjice.extract.analyse import analyse
from xianjice.extract.book import extract_compilation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from make_corpus import make_corpus  # noqa: E402


def test_progress_reaches_its_total_and_nothing_is_forked(monkeypatch):
    c = extract_compilation(make_corpus(40, seed=5), source="corpus.txt")

    def no_fork(*args, **kwargs):
        raise AssertionError("the analysis forked")

    monkeypatch.setattr(os, "fork", no_fork)
    ticks = []
    analysed = analyse(c, on_essay=lambda: ticks.append(1))
    assert len(ticks) == len(c.essays) == 40
    assert sum(len(e.concepts) for e in analysed.essays) > 0


def test_the_same_result_whatever_the_progress_callback():
    c = extract_compilation(make_corpus(12, seed=5), source="corpus.txt")
    assert analyse(c) == analyse(c, on_essay=lambda: None)


@pytest.mark.parametrize("n", [1, 3])
def test_small_books(n):
    c = extract_compilation(make_corpus(n, seed=2), source="corpus.txt")
    ticks = []
    analyse(c, on_essay=lambda: ticks.append(1))
    assert len(ticks) == n
