"""The benchmark corpus generator writes books the extractor reads completely."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from make_corpus import make_corpus  # noqa: E402

from xianjice.extract.book import extract_compilation  # noqa: E402


@pytest.mark.parametrize("n", [1, 7, 150])
def test_every_generated_essay_is_found_with_its_body(n):
    c = extract_compilation(make_corpus(n, seed=3), source=f"corpus-{n}.txt")
    assert len(c.essays) == n
    assert all(e.body is not None and not e.body.truncated for e in c.essays)
    assert c.unparsed == ()
    assert all(e.tier.rank is not None for e in c.essays)


def test_generation_is_deterministic():
    assert make_corpus(40, seed=1) == make_corpus(40, seed=1)
    assert make_corpus(40, seed=1) != make_corpus(40, seed=2)
