"""Tier headings and tier sentences of a results list, and which entries they govern."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from xianjice.extract.document import SourceLine
from xianjice.extract.layouts.base import TierMark
from xianjice.extract.numerals import tier_heading, tier_is_empty, tier_sentence
from xianjice.extract.text import key


def tier_marks(lines: Sequence[SourceLine]) -> dict[int, TierMark]:
    """Every line that states a tier for the lines below it: ``{line number: TierMark}``.

    Examples
    --------
    >>> from xianjice.extract.document import text_document
    >>> doc = text_document("一等奖(2篇)\\n甲\\n二等奖:空缺\\n我校获三等奖2项,分别是:", source="x")
    >>> [(m.line, m.label, m.how) for m in tier_marks(doc.lines).values()]
    [(1, '一等奖', 'heading'), (3, None, 'heading'), (4, '三等奖', 'sentence')]
    """
    out: dict[int, TierMark] = {}
    for line in lines:
        if line.cells is not None and len([c for c in line.cells if c]) > 1:
            continue
        text = line.text.strip("|").strip()
        if label := tier_heading(key(text)):
            out[line.number] = TierMark(line.number, None if tier_is_empty(text) else label, "heading")
        elif label := tier_sentence(text):
            out[line.number] = TierMark(line.number, label, "sentence")
    return out


def tier_above(marks: dict[int, TierMark], number: int) -> TierMark | None:
    """The tier mark governing line *number*: the nearest one above it.

    >>> marks = {1: TierMark(1, "一等奖", "heading"), 5: TierMark(5, "二等奖", "heading")}
    >>> tier_above(marks, 3).label, tier_above(marks, 6).label, tier_above(marks, 1)
    ('一等奖', '二等奖', None)
    """
    numbers = sorted(marks)
    i = bisect_right(numbers, number - 1)
    return marks[numbers[i - 1]] if i else None
