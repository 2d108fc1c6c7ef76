"""The concepts found against readings made by hand (issue 16).

* ``tests/data/seed_reading.tsv``: the concepts a domain reader finds in the seed's two bodies, written
  from the text before the lexicon was rebuilt.  Done when recall of the core concepts is at least 0.9 and
  precision at least 0.95.
* ``tests/data/heldout_titles.tsv``: 48 titles composed for the test and never tuned to: the lexicon is
  measured on text it was not written from.  The floors below are the values measured when the file was
  first run, so a change that loses ground fails.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xianjice.extract.analyse import analyse
from xianjice.extract.concepts import concept_links
from xianjice.extract.lexicon import load_lexicon
from xianjice.extract.segment import tokenizer

DATA = Path(__file__).with_name("data")
LEX = load_lexicon()
TOK = tokenizer(LEX)


def rows(name: str) -> list[dict]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def scores(found: dict, expected: dict, core: dict | None = None) -> tuple[float, float]:
    """(recall over *core* (default: *expected*), precision over *expected*), micro-averaged."""
    core = expected if core is None else core
    hit_core = sum(len(found.get(k, set()) & v) for k, v in core.items())
    hit = sum(len(v & expected.get(k, set())) for k, v in found.items())
    return hit_core / sum(map(len, core.values())), hit / max(1, sum(map(len, found.values())))


@pytest.fixture(scope="module")
def seed_found(seed_compilation):
    essays = analyse(seed_compilation).essays[:2]
    return {str(e.seq): {link.concept for link in e.concepts} for e in essays}


def test_every_concept_of_the_readings_is_in_the_lexicon():
    named = {r["concept"] for r in rows("seed_reading.tsv") if "if the lexicon holds it" not in r["evidence"]}
    named |= {c for r in rows("heldout_titles.tsv") for c in r["concepts"].split("、") if c}
    assert sorted(c for c in named if LEX.lookup(c) is None or LEX.lookup(c).label != c) == []


def test_seed_bodies_recall_and_precision(seed_found):
    reading = rows("seed_reading.tsv")
    expected: dict[str, set] = {}
    core: dict[str, set] = {}
    for r in reading:
        expected.setdefault(r["seq"], set()).add(r["concept"])
        if r["core"] == "yes":
            core.setdefault(r["seq"], set()).add(r["concept"])
    recall, precision = scores(seed_found, expected, core)
    missed = {seq: sorted(core[seq] - seed_found[seq]) for seq in core}
    extra = {seq: sorted(seed_found[seq] - expected[seq]) for seq in seed_found}
    assert recall >= 0.9, missed
    assert precision >= 0.95, extra
    # the misses issue 16 lists are found now
    assert {"垂直管理", "政治机关", "一岗双责", "党内监督", "三会一课", "党内民主", "党管干部"} <= seed_found["1"]
    assert {"权力制约", "犯罪嫌疑人权利保障"} <= seed_found["2"]


def test_heldout_titles():
    found, expected = {}, {}
    for i, r in enumerate(rows("heldout_titles.tsv")):
        expected[i] = {c for c in r["concepts"].split("、") if c}
        found[i] = {link.concept for link in concept_links(r["title"], 1, None, lexicon=LEX, tokenizer=TOK)}
    recall, precision = scores(found, expected)
    print(f"held-out titles: recall {recall:.3f}, precision {precision:.3f}")
    assert len(expected) >= 40
    assert recall >= RECALL_FLOOR
    assert precision >= PRECISION_FLOOR


RECALL_FLOOR = 0.89  # measured 0.893 on the first run (2026-11-30)
PRECISION_FLOOR = 0.96  # measured 0.962
