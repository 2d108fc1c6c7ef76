"""Layout recognizers: one module per way the genre is published.

========================  =====================================================
module                    layout
========================  =====================================================
``toc`` (extract/toc.py)  contents with pages (``..... 北京海关 王绍波 / 7``)
:mod:`.titled`            title line, then its byline line(s), under tier headings
:mod:`.quoted`            《title》 with its author on the line (``散文《…》作者:…``)
:mod:`.table`             table rows (reader cells, ``|``), one-line tables
:mod:`.prose`             results told in sentences (``…撰写的《…》获得一等奖``)
========================  =====================================================

:func:`read_layouts` lets every recognizer claim lines, then reads each region
with the recognizer that explains most lines of the document (ties broken by
the order above, tables first): a claim is accepted when none of its lines is
already explained.  Tier headings and sentences (:mod:`.headings`) are shared by
all recognizers.
"""

from __future__ import annotations

from collections.abc import Sequence

from xianjice.extract.document import SourceLine
from xianjice.extract.layouts import prose, quoted, table, titled
from xianjice.extract.layouts.base import Claim, Found, TierMark
from xianjice.extract.layouts.headings import tier_marks

#: Recognizers in the order that breaks ties.
RECOGNIZERS = (table.recognize, prose.recognize, quoted.recognize, titled.recognize)

__all__ = ["Claim", "Found", "TierMark", "read_layouts", "RECOGNIZERS"]


def _explained(claims: Sequence[Claim]) -> int:
    """Lines a recognizer explains: those of its entries, and a table's header when rows follow it."""
    if not any(c.entries for c in claims):
        return 0
    return sum(len(c.lines) for c in claims)


def read_layouts(lines: Sequence[SourceLine]) -> tuple[list[tuple[str, Found]], set[int], dict[int, TierMark]]:
    """Read the entries of a results list.

    Parameters
    ----------
    lines
        The document's lines.

    Returns
    -------
    entries : list of (layout, Found)
        In the order of their first line (then their order on the line).
    explained : set of int
        Line numbers that hold an entry or a table header.
    marks : dict
        Tier headings and sentences by line number.

    Examples
    --------
    >>> from xianjice.extract.document import text_document
    >>> doc = text_document("一等奖(2篇)\\n题目甲乙丙\\n林若琳 孟书瑶\\n题目丁戊己\\n陶家和", source="x")
    >>> entries, explained, marks = read_layouts(doc.lines)
    >>> [(layout, f.title, f.authors, f.tier) for layout, f in entries]
    [('title-byline', '题目甲乙丙', ('林若琳', '孟书瑶'), '一等奖'), ('title-byline', '题目丁戊己', ('陶家和',), '一等奖')]
    """
    marks = tier_marks(lines)
    results = [recognizer(lines, marks) for recognizer in RECOGNIZERS]
    order = sorted(range(len(results)), key=lambda k: (-_explained(results[k]), k))
    taken: set[int] = set()
    accepted: list[Claim] = []
    for k in order:
        for claim in results[k]:
            if claim.lines & taken:
                continue
            if not claim.entries and k != 0:
                continue
            taken |= claim.lines
            accepted.append(claim)
    accepted = _consistent(accepted)
    taken = {n for c in accepted for n in c.lines}
    entries = [(c.layout, f) for c in sorted(accepted, key=lambda c: min(c.lines)) for f in c.entries]
    return entries, taken, marks


def _consistent(claims: list[Claim]) -> list[Claim]:
    """Drop bare title lines under a tier whose other entries show what they are (a byline, 《》, a table row).

    A list is printed one way throughout a tier: where its entries carry bylines, a line
    with nothing but text is no entry (notice text, a stray line) and is left unplaced.
    """
    shown = {f.tier_line for c in claims for f in c.entries if not f.bare}
    return [c for c in claims if not (c.entries and all(f.bare and f.tier_line in shown for f in c.entries))]
