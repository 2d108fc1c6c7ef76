"""Award tiers: stated where the book states them, inferred only where it supports it.

Three sources, strongest first:

1. a results list in the book (``一等奖`` heading, then the titles), e.g. the
   appended 评选结果的通报;
2. tier headings printed in the contents;
3. inference: the preface gives the count of each tier the book contains,
   and the contents list the essays tier by tier, each tier in the customs
   system's usual order of units.  When the counts add up to the number of
   entries, entry *k* gets the tier its position falls in; the restart of the
   unit order at each boundary is checked and reported.

Where none of these supports a tier it is ``None`` with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from xianjice.extract.numerals import tier_heading, tier_rank
from xianjice.extract.records import PrefaceStats, Tier, TocEntry
from xianjice.extract.text import key

_BOOK_TITLE = re.compile(r"《([^》]{4,})》")
_NUMBERING = re.compile(r"^(?:\d{1,4}[.、．)）]|[（(]\d{1,4}[）)]|[-•·])\s*")


def results_list(lines: Sequence[str], start: int, entries: Sequence[TocEntry],
                 warnings: list[str] | None = None) -> dict[int, tuple[str, int]]:
    """Tiers stated by a results list after the contents: ``{seq: (label, line)}``.

    A title is recognised at the start of a line (after its numbering, an
    opening 《 or quote) or anywhere inside 《…》 (``北京海关：《题目》``).
    When tier headings are found but no title under them matches, a
    warning is added to *warnings*.

    Examples
    --------
    >>> from xianjice.extract.records import Span, TocEntry
    >>> e = [TocEntry(1, "甲乙丙丁戊己", 1, (), (), Span(1, 1)), TocEntry(2, "庚辛壬癸子丑", 5, (), (), Span(2, 2))]
    >>> results_list(["一等奖（1篇）", "1. 甲乙丙丁戊己 北京海关", "二等奖", "庚辛壬癸子丑（上海海关）"], 0, e)
    {1: ('一等奖', 2), 2: ('二等奖', 4)}
    >>> results_list(["一等奖", "1.《甲乙丙丁戊己》（北京海关 王五）", "二等奖", "上海海关：《庚辛壬癸子丑》"], 0, e)
    {1: ('一等奖', 2), 2: ('二等奖', 4)}
    """
    by_key = {key(e.title): e.seq for e in entries if len(key(e.title)) >= 4}
    lengths = sorted({len(k) for k in by_key}, reverse=True)
    found: dict[int, tuple[str, int]] = {}
    label: str | None = None
    first_heading = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if not line or len(line) > 200:
            continue
        k = key(line)
        if heading := tier_heading(k):
            label = heading
            first_heading = first_heading or i + 1
            continue
        if label is None:
            continue
        start_of_line = key(_NUMBERING.sub("", line))
        candidates = [start_of_line, start_of_line.lstrip("《\"'")]
        candidates += [key(title) for title in _BOOK_TITLE.findall(line)]
        seq = next((s for c in candidates for s in [_longest(by_key, lengths, c)] if s is not None), None)
        if seq is not None:
            found.setdefault(seq, (label, i + 1))
    if first_heading and not found and warnings is not None:
        warnings.append(f"line {first_heading}: a list of award tiers follows the contents, "
                        "but none of its lines names an essay of the contents")
    return found


def _longest(by_key: dict[str, int], lengths: list[int], text: str) -> int | None:
    """The essay whose title key is the longest prefix of *text*."""
    for length in lengths:
        seq = by_key.get(text[:length])
        if seq is not None:
            return seq
    return None


def stated_by(entry: TocEntry) -> str:
    """How the tier of an entry is stated, for ``Tier.source``.

    >>> from xianjice.extract.records import Span, TocEntry
    >>> stated_by(TocEntry(1, "t", None, (), (), Span(3, 4), heading="一等奖", heading_line=2, layout="title-byline"))
    'stated: heading 一等奖, line 2'
    >>> stated_by(TocEntry(1, "t", None, (), (), Span(3, 3), heading="二等奖", heading_line=3, heading_how="column"))
    'stated: table column 二等奖, line 3'
    """
    where = "in the contents" if entry.layout == "contents" and entry.heading_how == "heading" else ""
    what = {"heading": "heading", "sentence": "sentence", "column": "table column"}.get(entry.heading_how, entry.heading_how)
    line = f", line {entry.heading_line}" if entry.heading_line else ""
    return f"stated: {what} {entry.heading}" + (f" {where}" if where else "") + line


def assign_tiers(
    entries: Sequence[TocEntry],
    stats: PrefaceStats,
    *,
    results: dict[int, tuple[str, int]] | None = None,
    order_key: Callable[[TocEntry], tuple] | None = None,
) -> tuple[tuple[Tier, ...], list[str]]:
    """One :class:`Tier` per entry, and warnings.

    Examples
    --------
    >>> from xianjice.extract.records import PrefaceStats, Span, TocEntry
    >>> es = [TocEntry(i, f"t{i}", i, (), (), Span(i, i)) for i in range(1, 4)]
    >>> stats = PrefaceStats(10, 3, (("一等奖", 1), ("二等奖", 2), ("三等奖", 7)), ("一等奖", "二等奖"), 3)
    >>> tiers, warnings = assign_tiers(es, stats)
    >>> [t.label for t in tiers]
    ['一等奖', '二等奖', '二等奖']
    >>> tiers, warnings = assign_tiers(es, PrefaceStats(None, None, ()))
    >>> [t.rank for t in tiers], warnings[0]
    ([None, None, None], 'no award tiers: the book states none and the preface gives no counts that add up to its 3 entries')
    """
    results = results or {}
    warnings: list[str] = []
    explicit: dict[int, Tier] = {}
    for e in entries:
        if e.seq in results:
            label, line = results[e.seq]
            explicit[e.seq] = Tier(tier_rank(label), label, f"stated: results list, line {line}")
            if e.heading and e.heading != label:
                warnings.append(f"entry {e.seq}: the contents heading says {e.heading}, the results list {label}; the results list wins")
        elif e.heading:
            explicit[e.seq] = Tier(tier_rank(e.heading), e.heading, stated_by(e))
    if explicit:
        tiers = []
        for e in entries:
            if e.seq in explicit:
                tiers.append(explicit[e.seq])
            else:
                tiers.append(Tier(None, None, "unknown: the book states no tier for this entry"))
                warnings.append(f"entry {e.seq} ({e.title}): no tier stated")
        return tuple(tiers), warnings

    plan = _counts_plan(stats, len(entries))
    if plan is None:
        warnings.append(
            f"no award tiers: the book states none and the preface gives no counts that add up to its {len(entries)} entries"
        )
        return tuple(Tier(None, None, "unknown: nothing in the book supports a tier") for _ in entries), warnings

    counts_text = ", ".join(f"{label} {count}" for label, count in plan)
    boundaries = []
    pos = 0
    for _, count in plan[:-1]:
        pos += count
        boundaries.append(pos)
    checks = []
    for b in boundaries:
        if order_key is None:
            checks.append(f"the unit order was not checked at entry {b + 1}")
            continue
        if order_key(entries[b]) < order_key(entries[b - 1]):
            checks.append(f"the unit order restarts at entry {b + 1}")
        else:
            checks.append(f"the unit order does not restart at entry {b + 1}")
            warnings.append(f"tier boundary after entry {b}: the preface counts put it there but the unit order does not restart")
    source = f"inferred: preface counts {counts_text} cover the {len(entries)} entries in contents order"
    if checks:
        source += "; " + "; ".join(checks)
    tiers = []
    for label, count in plan:
        tiers.extend(Tier(tier_rank(label), label, source) for _ in range(count))
    return tuple(tiers), warnings


def _counts_plan(stats: PrefaceStats, n: int) -> list[tuple[str, int]] | None:
    prizes = dict(stats.prizes)
    if stats.included and all(label in prizes for label in stats.included):
        plan = [(label, prizes[label]) for label in stats.included]
        if sum(c for _, c in plan) == n:
            return plan
    plan = []
    for label, count in stats.prizes:
        plan.append((label, count))
        if sum(c for _, c in plan) == n:
            return plan
    return None
