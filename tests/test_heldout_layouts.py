"""Held-out layouts written by hand (helper hc): results lists and contents of many institutions.

Each ``tests/data/heldout/NAME.txt`` has its expected entries in ``NAME.expected.tsv`` (seq title units
authors page tier; units and authors joined by `` ; ``), written before the extractor was run on it.
The comparison is the one of the project's case checker: NFKC, curly quotes folded, whitespace removed,
獎 read as 奖, 《》 ignored; an expected entry is paired with the extracted essay whose title equals,
contains or most resembles it, and extra entries are a failure.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from pathlib import Path

import pytest

from xianjice.extract.book import extract_compilation
from xianjice.extract.serialize import compilation_to_json

CASES = sorted((Path(__file__).parent / "data" / "heldout").glob("*.txt"))


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("獎", "奖"), ("《", ""), ("》", "")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s)


def _split(s: str | None) -> list[str]:
    return [_norm(x) for x in (s or "").split(" ; ") if x.strip()]


def _problems(expected: list[dict], essays: list[dict]) -> list[str]:
    used: set[int] = set()
    problems = []
    for g in expected:
        gt = _norm(g["title"])
        best, score = None, 0.0
        for j, e in enumerate(essays):
            if j in used:
                continue
            t = _norm(e.get("title"))
            r = 1.0 if t == gt else 0.95 if gt and gt in t else difflib.SequenceMatcher(None, gt, t).ratio()
            if r > score:
                best, score = j, r
        if best is None or score < 0.6:
            problems.append(f"entry {g['seq']} missing")
            continue
        used.add(best)
        e = essays[best]
        got = {
            "title": (_norm(e.get("title")), gt),
            "units": ([_norm(u.get("name")) for u in (e.get("units") or [])], _split(g["units"])),
            "authors": ([_norm(a) for a in (e.get("authors") or [])], _split(g["authors"])),
            "page": (_norm(str(e["page"]) if e.get("page") is not None else ""), _norm(g["page"])),
            "tier": (_norm(e.get("tier_label") or ""), _norm(g["tier"])),
        }
        problems += [f"entry {g['seq']} {k}: got {a!r}, expected {b!r}" for k, (a, b) in got.items() if a != b]
    if len(essays) > len(used):
        problems.append(f"{len(essays) - len(used)} extra entries: "
                        + ", ".join(repr(e.get("title")) for j, e in enumerate(essays) if j not in used))
    return problems


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_heldout_layout_reads_as_expected(path: Path) -> None:
    expected = list(csv.DictReader(path.with_suffix(".expected.tsv").open(encoding="utf-8"), delimiter="\t"))
    essays = compilation_to_json(extract_compilation(path.read_text("utf-8"), source=path.name), text=False)["essays"]
    assert _problems(expected, essays) == []


def test_the_heldout_set_is_not_empty() -> None:
    assert len(CASES) >= 20
