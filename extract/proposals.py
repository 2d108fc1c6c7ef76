"""Numbered recommendations of a body → proposal records.

The proposals of an essay are the numbered items (``（一）`` ``（二）`` …,
``1.`` ``2.`` …) of its *proposal sections*: the sections whose heading
speaks of 建议, 对策, 措施, 举措 or 思路 — or, when no heading does, the last
numbered section.  Each item runs from its marker to the next item, the end
of the section or a closing paragraph (总之, 综上 …).  Its heading is its
first sentence (or the whole line when the item is a heading of its own).

Markers are parsed from the paragraph text, so the result does not depend on
how the body splitter set :attr:`Paragraph.level`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


from xianjice.extract.bodies import MARKERS, numbering
from xianjice.extract.concepts import concepts_in
from xianjice.extract.lexicon import Lexicon
from xianjice.extract.segment import Segmenter
from xianjice.extract.records import Body, Paragraph, Proposal, Span

#: Heading words of a section holding proposals.
PROPOSAL_WORDS = ("建议", "对策", "措施", "举措", "思路")
#: A paragraph opening with one of these closes the last item.
CLOSING_WORDS = ("总之", "综上", "总而言之", "结束语", "结语", "参考文献")
_SENTENCE_END = re.compile(r"[。！？；!?;]")


#: The rank and marker printed at the start of a text (the body's own numbering rules).
marker = numbering


def _rank(p: Paragraph) -> int:
    """Section rank of a paragraph: its marker's, or 1 for an unnumbered heading line."""
    rank, _ = marker(p.text)
    if rank:
        return rank
    return 1 if p.level == 1 or _is_plain_heading(p.text) else 0


def _is_plain_heading(text: str) -> bool:
    return len(text) <= 16 and not _SENTENCE_END.search(text) and not text.endswith(("：", ":", "，", ","))


def _is_heading(p: Paragraph) -> bool:
    """A section heading: a line of its own (numbered or short), with no sentence after it."""
    if p.level in (1, 2):
        return True
    rank, _ = marker(p.text)
    if rank == 0:
        return _is_plain_heading(p.text)
    rest = _strip_marker(p.text).rstrip("。")
    return rank <= 2 and len(rest) <= 60 and not _SENTENCE_END.search(rest)


def sections(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int, int]]:
    """(rank, start, stop) index ranges of the top-level sections (heading at ``start``).

    The top level is the outermost numbering used by a heading (``一、``, else
    ``（一）`` …); unnumbered heading lines (对策建议, 结束语) open sections at
    that level too.
    """
    heads = [(i, marker(p.text)[0]) for i, p in enumerate(paragraphs) if _is_heading(p)]
    if not heads:
        return []
    top = min((rank for _, rank in heads if rank), default=1)
    starts = [i for i, rank in heads if rank in (0, top)]
    return [(top, s, e) for s, e in zip(starts, [*starts[1:], len(paragraphs)])]


def proposal_sections(body: Body) -> list[tuple[int, int, int]]:
    """The sections holding proposals (see the module docs); empty when there are none.

    A cut-off body with no proposal heading has none: its last section is not
    the book's.
    """
    all_sections = sections(body.paragraphs)
    chosen = [s for s in all_sections if any(w in body.paragraphs[s[1]].text for w in PROPOSAL_WORDS)]
    if not chosen and all_sections and not body.truncated:
        chosen = [all_sections[-1]]
    return chosen


def _items(paragraphs: Sequence[Paragraph], rank: int, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, stop) index ranges of the numbered items inside one section."""
    item_rank = next((r for r in (marker(p.text)[0] for p in paragraphs[start + 1: stop]) if r > rank), None)
    if item_rank is None:
        return []
    firsts = [i for i in range(start + 1, stop) if marker(paragraphs[i].text)[0] == item_rank]
    out = []
    for n, first in enumerate(firsts):
        end = firsts[n + 1] if n + 1 < len(firsts) else stop
        for j in range(first + 1, end):
            text = paragraphs[j].text
            if text.startswith(CLOSING_WORDS) or (_rank(paragraphs[j]) and _rank(paragraphs[j]) < item_rank
                                                   and _is_heading(paragraphs[j])):
                end = j
                break
        out.append((first, end))
    return out


def heading_of(text: str) -> str:
    """The first sentence of an item, without its marker and final stop.

    >>> heading_of("（一）调整海关现行党建工作管理体制。建立与行政垂直管理体制相对应的体制")
    '调整海关现行党建工作管理体制'
    >>> heading_of("2. 完善风险分析机制")
    '完善风险分析机制'
    """
    return _SENTENCE_END.split(_strip_marker(text), maxsplit=1)[0].strip()


def proposals(body: Body, *, lexicon: Lexicon, tokenizer: Segmenter) -> tuple[Proposal, ...]:
    """The proposals of *body*, numbered in order across its proposal sections.

    Each proposal keeps its marker, heading (first sentence), full text
    (paragraphs joined by newlines, marker removed), source lines and the
    concepts its text names (in order of first appearance).
    """
    paras = body.paragraphs
    out: list[Proposal] = []
    for rank, start, stop in proposal_sections(body):
        for first, end in _items(paras, rank, start, stop):
            _, mark = marker(paras[first].text)
            texts = [_strip_marker(paras[first].text), *(p.text for p in paras[first + 1: end])]
            # concepts from the paragraphs as printed: their tokens are cached already
            concepts = tuple(dict.fromkeys(c for p in paras[first:end]
                                           for c in concepts_in(p.text, lexicon=lexicon, tokenizer=tokenizer)))
            out.append(Proposal(order=len(out) + 1, heading=heading_of(paras[first].text), text="\n".join(texts),
                                lines=Span(paras[first].lines.start, paras[end - 1].lines.end),
                                concepts=concepts, marker=mark))
    return tuple(out)


def _strip_marker(text: str) -> str:
    """*text* without the marker at its start.

    >>> _strip_marker("（二）加大统筹力度。"), _strip_marker("无编号")
    ('加大统筹力度。', '无编号')
    """
    rank, _ = marker(text)
    return MARKERS[rank - 1][1].sub("", text, count=1).lstrip() if rank else text
