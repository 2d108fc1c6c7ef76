"""Every input line ends up in a record or in ``unplaced`` with its number (issue 14).

A line that belongs to no record is planted at every boundary between records
of the seed: front matter (cover, CIP block, colophon, editorial board),
between contents entries, between the contents and the bodies, before each
body and at the end.  It must be reported unplaced with its own line number,
and the sixty entries must not change.
"""

from __future__ import annotations

import pytest

from xianjice.extract.book import extract_compilation
from xianjice.extract.toc import classify

from xianjice.seeds import __file__ as _seeds_init
from pathlib import Path

SEED = (Path(_seeds_init).parent / "customs-2009-xianjice-prize-essays.txt").read_text("utf-8").split("\n")
JUNK = "ZZJUNK 这一行不属于任何记录 ☃"


def _signature(c):
    return [(e.entry.title, e.entry.page, e.entry.authors, tuple(u.name for u in e.entry.units), e.tier.label)
            for e in c.essays]


REFERENCE = extract_compilation("\n".join(SEED), source="seed.txt")
_HEADERS = sorted(e.body.lines.start for e in REFERENCE.essays if e.body)


def _boundaries() -> list[int]:
    """0-based insertion points: after blank lines and entry ends before the bodies, before each body, at the end."""
    points = []
    for p in range(0, _HEADERS[0] - 1):
        before = SEED[p - 1].strip() if p else ""
        if not before or classify(before).kind in ("entry-end", "tier", "appendix") or p < 100:
            points.append(p)
    return points + [h - 1 for h in _HEADERS[1:]]  # and before each later body


@pytest.mark.parametrize("position", _boundaries())
def test_a_planted_line_is_unplaced_with_its_number_and_nothing_changes(position):
    lines = SEED[:position] + [JUNK] + SEED[position:]
    c = extract_compilation("\n".join(lines), source="planted.txt")
    assert [u.line for u in c.unparsed if u.text == JUNK] == [position + 1]
    assert _signature(c) == _signature(REFERENCE)


def test_the_boundaries_cover_every_region():
    points = _boundaries()
    assert min(points) == 0 and any(30 <= p <= 42 for p in points)  # cover and CIP block
    assert any(106 <= p <= 228 for p in points)  # between contents entries
    assert any(p >= _HEADERS[0] for p in points)  # between bodies


def test_a_stray_line_after_the_cut_off_last_body():
    """The seed's last body stops mid-sentence; a following line not in Chinese is no continuation of it.

    (A Chinese line there reads as the continuation of the cut paragraph: that is not told apart.)
    """
    c = extract_compilation("\n".join(SEED + ["ZZJUNK-END ☃"]), source="planted.txt")
    assert [(u.line, u.where) for u in c.unparsed] == [(len(SEED) + 1, "bodies")]
    assert _signature(c) == _signature(REFERENCE)
    assert [e for e in c.essays if e.body][-1].body.truncated
