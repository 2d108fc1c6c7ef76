"""Documents cited in a body: names in 《…》, short forms folded in.

A body that writes ``《中国共产党党和国家机关基层组织工作条例》（以下简称《条例》）``
and later ``《条例》`` cites one document; the short name counts toward the
full one (the occurrence inside the definition itself is not counted twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xianjice.extract.records import Body, Citation

_TITLE = re.compile(r"《([^《》\n]{1,80})》")
#: ``《全称》（以下简称《简称》）`` and its variants: 下称, 简称为, “简称”.
_DEFINITION = re.compile(
    r"《(?P<full>[^《》\n]{1,80})》\s*[（(]?\s*(?:以下|下文|下)?(?:简称|称)(?:为)?\s*[:：]?\s*"
    r"(?:《(?P<short>[^《》\n]{1,40})》|[“\"](?P<quoted>[^”\"\n]{1,40})[”\"])")
_SPACES = re.compile(r"\s+")


@dataclass
class _Tally:
    count: int
    first_line: int
    order: int
    aliases: dict[str, None] = field(default_factory=dict)


def _clean(name: str) -> str:
    return _SPACES.sub("", name)


def definitions(body: Body) -> dict[str, str]:
    """Short name → full name, from every ``以下简称`` in *body* (the first definition wins).

    >>> from xianjice.extract.records import Paragraph, Span
    >>> p = Paragraph("依据《中华人民共和国海关法》（以下简称“海关法”）办理。", Span(3, 3))
    >>> definitions(Body("t", None, None, (p,), Span(1, 3)))
    {'海关法': '中华人民共和国海关法'}
    """
    out: dict[str, str] = {}
    for p in body.paragraphs:
        for m in _DEFINITION.finditer(p.text):
            short, full = _clean(m["short"] or m["quoted"]), _clean(m["full"])
            if short and short != full:
                out.setdefault(short, full)
    return out


def cited_documents(body: Body) -> tuple[Citation, ...]:
    """Every document named in 《…》 in the paragraphs of *body*, with counts.

    Returns citations in order of first appearance; ``aliases`` lists the
    short names defined for a document.

    Examples
    --------
    >>> from xianjice.extract.records import Paragraph, Span
    >>> paras = (Paragraph("根据《党章》和《海关法》（以下简称《法》）。", Span(10, 10)),
    ...          Paragraph("落实《法》和《党章》。", Span(12, 12)))
    >>> for c in cited_documents(Body("t", None, None, paras, Span(9, 12))):
    ...     print(c.name, c.count, c.first_line, c.aliases)
    党章 2 10 ()
    海关法 2 10 ('法',)
    """
    short_to_full = definitions(body)
    tallies: dict[str, _Tally] = {}
    for p in body.paragraphs:
        in_definitions = {m.start("short") - 1 for m in _DEFINITION.finditer(p.text) if m["short"]}
        for m in _TITLE.finditer(p.text):
            if m.start() in in_definitions:
                continue  # the short name as it is being defined
            name = _clean(m.group(1))
            if not name:
                continue
            full = short_to_full.get(name, name)
            tally = tallies.get(full)
            if tally is None:
                tally = tallies[full] = _Tally(0, p.lines.start, len(tallies))
            tally.count += 1
            if full != name:
                tally.aliases[name] = None
    for short, full in short_to_full.items():
        if full in tallies:
            tallies[full].aliases.setdefault(short, None)
    ordered = sorted(tallies.items(), key=lambda item: item[1].order)
    return tuple(Citation(name=name, count=t.count, first_line=t.first_line, aliases=tuple(sorted(t.aliases)))
                 for name, t in ordered)
