"""Build Body / Essay / Compilation records by hand for the analysis tests.

Fixture bodies (``tests/fixtures/body_*.txt``) are laid out as a body is in a
book, one paragraph a line: the title, an optional ``——`` subtitle, the
byline, then the paragraphs.  Line numbers start at ``first_line``.
"""

from __future__ import annotations

import re
from pathlib import Path

from xianjice.extract.records import (
    Body, BookInfo, Compilation, Essay, Paragraph, PrefaceStats, Span, Tier, TocEntry,
)

FIXTURES = Path(__file__).with_name("fixtures")
_L1 = re.compile(r"^[一二三四五六七八九十]+、")
_L2 = re.compile(r"^（[一二三四五六七八九十]+）")


def paragraph(text: str, line: int, *, levels: bool = True) -> Paragraph:
    """A paragraph with the level and marker a body splitter would give it (or none)."""
    if not levels:
        return Paragraph(text, Span(line, line))
    if m := _L1.match(text):
        return Paragraph(text, Span(line, line), level=1 if "。" not in text else 0, marker=m.group(0))
    if m := _L2.match(text):
        return Paragraph(text, Span(line, line), level=2 if "。" not in text else 0, marker=m.group(0))
    if len(text) <= 16 and not re.search(r"[。；，：]", text):
        return Paragraph(text, Span(line, line), level=1)
    return Paragraph(text, Span(line, line))


def body_from_lines(numbered: list[tuple[int, str]], *, subtitle: str | None = None, byline: str | None = None,
                    title: str = "", truncated: bool = False, levels: bool = True) -> Body:
    """A Body from (line number, paragraph text) pairs."""
    paras = tuple(paragraph(text, n, levels=levels) for n, text in numbered if text.strip())
    return Body(title=title, subtitle=subtitle, byline=byline, paragraphs=paras,
                lines=Span(paras[0].lines.start, paras[-1].lines.end), truncated=truncated)


def body_from_fixture(name: str, *, first_line: int = 1, levels: bool = True) -> tuple[str, Body]:
    """(title, body) of ``tests/fixtures/<name>``."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    title = lines[0]
    i = 1
    subtitle = None
    if lines[i].startswith("——"):
        subtitle = lines[i].removeprefix("——")
        i += 1
    byline = lines[i]
    numbered = [(first_line + j, text) for j, text in enumerate(lines) if j > i]
    body = body_from_lines(numbered, subtitle=subtitle, byline=byline, title=title, levels=levels)
    return title, body.__class__(**{**body.__dict__, "lines": Span(first_line, body.lines.end)})


def essay(seq: int, title: str, body: Body | None = None, *, line: int = 1) -> Essay:
    """An essay record with a minimal contents entry."""
    entry = TocEntry(seq=seq, title=title, page=None, units=(), authors=(), lines=Span(line, line))
    return Essay(seq=seq, entry=entry, tier=Tier(None, None, "test"), body=body)


def compilation(*essays: Essay) -> Compilation:
    """A compilation holding only *essays*."""
    book = BookInfo(title=None, compiler=None, publisher=None, isbn=None, date=None, editors=(),
                    stats=PrefaceStats(None, None, ()))
    return Compilation(source="test", book=book, essays=tuple(essays), appendix=(), unparsed=())
