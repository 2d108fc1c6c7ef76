"""The whole compilation: front matter, contents, tiers and bodies in one record.

:func:`extract_compilation` is the one entry point the CLI and ``graph/``
use; it ties the per-part extractors together and collects every line none
of them could place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from xianjice.extract.bodies import Header, body_chars, build_body, find_headers, is_foreign, looks_cut_off
from xianjice.errors import InputError
from xianjice.extract.frontmatter import parse_front_matter
from xianjice.extract.gazetteer import Gazetteer, load_gazetteer
from xianjice.extract.layouts import read_layouts
from xianjice.extract.numerals import tier_rank
from xianjice.extract.records import (AppendixEntry, Body, BookInfo, Compilation, Essay, Heading, PrefaceStats, Span,
                                      Tier, TocEntry, Unplaced)
from xianjice.extract.document import Document, text_document
from xianjice.extract.readers import read_document
from xianjice.extract.script import simplified
from xianjice.extract.text import key
from xianjice.extract.tiers import assign_tiers, results_list, stated_by
from xianjice.extract.toc import find_start, page_number, parse_contents
from xianjice.extract.units import derived_organisations, parse_units

#: The title of a results notice: 关于…评选结果的通报, …获奖名单, …的公示.
_NOTICE_TITLE = re.compile(r"^(?!.*[。；;]).{4,80}(?:通知|通报|公示|公告|决定|获奖名单|获奖作品|评选结果|表彰名单|名单)[)）]?$")
#: Lines only a book's front matter prints: a file holding them and no contents is a book cut short.
_BOOK_ONLY = re.compile(r"ISBN|图书在版编目")
#: Characters per printed page when the book gives nothing better.
DEFAULT_CHARS_PER_PAGE = 900.0


def read_compilation(path: str | Path, *, gazetteer: Gazetteer | None = None) -> Compilation:
    """Read a file in any supported encoding and extract it.

    Raises :class:`~xianjice.errors.InputError` naming the file and the problem.
    """
    return extract_document(read_document(path), gazetteer=gazetteer)


def extract_compilation(text: str, *, source: str, gazetteer: Gazetteer | None = None) -> Compilation:
    """Extract the records of one compilation from its decoded text (see :func:`extract_document`)."""
    return extract_document(text_document(text, source=source), gazetteer=gazetteer)


def extract_document(document: Document, *, gazetteer: Gazetteer | None = None) -> Compilation:
    """Extract the records of one compilation from a document.

    Parameters
    ----------
    document
        The file's lines, as a reader gave them.
    gazetteer
        The organisations to resolve units against; the bundled one by default.
    """
    gazetteer = gazetteer or load_gazetteer()
    source = document.source
    lines = document.texts()
    if not any(lines):
        raise InputError(source, "the file is empty")
    start = find_start(lines)
    contents = parse_contents(lines, start, gazetteer=gazetteer) if start is not None else None
    if contents is None or not contents.entries:
        if any(_BOOK_ONLY.search(key(line)) for line in lines):
            raise InputError(source, _no_contents_problem(lines))  # a book cut before its contents
        compilation = extract_results_list(document, gazetteer=gazetteer)
        if not compilation.essays:
            raise InputError(source, _no_contents_problem(lines))
        return compilation
    book, consumed, warnings = parse_front_matter(lines, start)
    warnings = [*warnings, *contents.warnings]

    unplaced = [Unplaced(n + 1, lines[n], "front matter") for n in range(start) if lines[n] and (n + 1) not in consumed]
    unplaced += [Unplaced(n, text, "contents") for n, text in contents.unplaced]

    entries = contents.entries
    bodies, appendix, body_unplaced = _bodies(lines, contents.end, entries, contents.appendix, book)
    unplaced += body_unplaced

    results = results_list(lines, contents.end, entries, warnings)
    tiers, tier_warnings = assign_tiers(entries, book.stats, results=results, order_key=_order_key(gazetteer))
    warnings += tier_warnings
    first_of: dict[str, int] = {}
    for e in entries:
        if (earlier := first_of.setdefault(key(e.title), e.seq)) != e.seq:
            warnings.append(f"line {e.lines.start}: entry {e.seq} has the same title as entry {earlier}; "
                            "their bodies are told apart by their bylines")
        for u in e.units:
            if not u.known:
                warnings.append(f"line {e.lines.end}: unit {u.name!r} is not in the gazetteer (parsed by its suffixes)")

    essays = tuple(Essay(seq=e.seq, entry=e, tier=t, body=bodies.get(e.seq)) for e, t in zip(entries, tiers))
    organisations = derived_organisations([u for e in entries for u in e.units], gazetteer=gazetteer)
    return Compilation(
        source=source,
        book=book,
        essays=essays,
        appendix=appendix,
        unparsed=tuple(sorted(unplaced, key=lambda u: u.line)),
        warnings=tuple(warnings),
        organisations=organisations,
        line_count=len(lines),
        kind="book" if (book.isbn or book.cip_number or book.editors) else "results-list",
        file_format=document.kind,
        locations=tuple(line.location for line in document.lines),
    )


def extract_results_list(document: Document, *, gazetteer: Gazetteer | None = None) -> Compilation:
    """Extract a results list (notice, list, table or prose without a contents of pages).

    Every region is read by the layout recognizer that explains it best
    (:func:`xianjice.extract.layouts.read_layouts`); each entry's tier is the
    one its heading, table column or sentence states, else unknown.  Every
    non-blank line that is neither an entry nor a tier heading is unplaced.

    Parameters
    ----------
    document
        The file's lines, as a reader gave them.
    gazetteer
        The organisations to resolve units against; the bundled one by default.
    """
    gazetteer = gazetteer or load_gazetteer()
    found, explained, marks = read_layouts(document.lines)
    entries = []
    for seq, (layout, f) in enumerate(found, 1):
        units = parse_units(f.units, gazetteer=gazetteer) if f.units else ()
        entries.append(TocEntry(seq=seq, title=f.title, page=page_number(f.page), units=units, authors=f.authors,
                                lines=Span(*f.lines), byline=" ".join([f.units, *f.authors]).strip(),
                                heading=f.tier, page_label=f.page, heading_line=f.tier_line,
                                heading_how=f.tier_how, layout=layout))
    warnings: list[str] = []
    tiers = []
    for e in entries:
        if e.heading:
            tiers.append(Tier(tier_rank(e.heading), e.heading, stated_by(e)))
        else:
            tiers.append(Tier(None, None, "unknown: the list states no tier for this entry"))
    heading = next((line for line in document.lines if line.text and line.number not in explained
                    and line.number not in marks and _NOTICE_TITLE.search(simplified(key(line.text)))), None)
    unplaced = [Unplaced(line.number, line.text, "results list") for line in document.lines
                if line.text and line.number not in explained and line.number not in marks
                and (heading is None or line.number != heading.number)]
    entry_lines = {n for e in entries for n in range(e.lines.start, e.lines.end + 1)}
    headings = tuple(
        Heading(line.number, line.text, f"tier {marks[line.number].how}" if line.number in marks else "table header")
        for line in document.lines if line.text and (line.number in marks or
                                                     (line.number in explained and line.number not in entry_lines)))
    empty = PrefaceStats(None, None, ())
    book = BookInfo(title=heading.text if heading else None, compiler=None, publisher=None, isbn=None, date=None,
                    editors=(), stats=empty, lines=Span(heading.number, heading.number) if heading else None)
    essays = tuple(Essay(seq=e.seq, entry=e, tier=t) for e, t in zip(entries, tiers))
    return Compilation(
        source=document.source,
        book=book,
        essays=essays,
        appendix=(),
        unparsed=tuple(unplaced),
        warnings=tuple(warnings),
        organisations=derived_organisations([u for e in entries for u in e.units], gazetteer=gazetteer),
        line_count=len(document.lines),
        kind="results-list",
        headings=headings,
        file_format=document.kind,
        locations=tuple(line.location for line in document.lines),
    )


def _no_contents_problem(lines: Sequence[str]) -> str:
    last = max((i + 1 for i, line in enumerate(lines) if line), default=0)
    front_matter_line = re.compile(r"ISBN|图书在版编目|^编委会$|^前言$|^序$|^序言$")
    if any(front_matter_line.search(key(line)) for line in lines):
        return f"the file ends inside its front matter (last text on line {last}): no table of contents"
    return "no table of contents found, nor a results list, table or prose naming titles"


def _order_key(gazetteer: Gazetteer):
    def order(entry: TocEntry) -> tuple:
        if not entry.units:
            return (10**9,)
        return gazetteer.order_key(entry.units[0].path)

    return order


def _bodies(lines: Sequence[str], start: int, entries: Sequence[TocEntry], appendix: Sequence[AppendixEntry], book
            ) -> tuple[dict[int, Body], tuple[AppendixEntry, ...], list[Unplaced]]:
    titles: dict[str, list[tuple[str, int]]] = {}
    bylines: dict[tuple[str, int], str] = {}
    for e in entries:
        titles.setdefault(key(e.title), []).append(("essay", e.seq))
        bylines[("essay", e.seq)] = key(e.byline)
    for idx, a in enumerate(appendix):
        titles.setdefault(key(a.title), []).append(("appendix", idx))
    headers = find_headers(lines, start, titles, bylines)
    unplaced: list[Unplaced] = []
    first = headers[0].start if headers else len(lines)
    unplaced += [Unplaced(n + 1, lines[n], "bodies") for n in range(start, first) if lines[n]]

    bodies: dict[int, Body] = {}
    appendix_bodies: dict[int, Body] = {}
    for h, nxt in zip(headers, [*headers[1:], None]):
        stop = nxt.start if nxt else len(lines)
        body = build_body(lines, h, stop)
        if (stray := _stray_last_line(body, last=nxt is None)) is not None:
            unplaced.append(Unplaced(stray.lines.start, stray.text, "bodies"))
            rest = body.paragraphs[:-1]
            body = Body(body.title, body.subtitle, body.byline, rest, Span(body.lines.start, rest[-1].lines.end),
                        body.truncated)
        kind, ident = h.target
        (bodies if kind == "essay" else appendix_bodies)[ident] = body

    if headers and headers[-1].target[0] == "essay":
        last_seq = headers[-1].target[1]
        body = bodies[last_seq]
        expected = _expected_chars(last_seq, entries, appendix, bodies, book)
        if looks_cut_off(body, expected_chars=expected):
            bodies[last_seq] = Body(body.title, body.subtitle, body.byline, body.paragraphs, body.lines, truncated=True)
    new_appendix = tuple(
        AppendixEntry(a.title, a.page, a.lines, body=appendix_bodies.get(i)) for i, a in enumerate(appendix)
    )
    return bodies, new_appendix, unplaced


def _stray_last_line(body: Body, *, last: bool = False):
    """The last paragraph of a body, when it is one line that no sentence explains.

    A body ends with a finished sentence; a single short line after it that
    neither ends a sentence nor is a heading belongs to no record (before the
    next body).  A short line mostly not in Chinese belongs to none either,
    also at the end of the file.
    """
    if len(body.paragraphs) < 2:
        return None
    final, before = body.paragraphs[-1], body.paragraphs[-2]
    if final.lines.start != final.lines.end or len(final.text) > 60:
        return None
    if is_foreign(final.text) and not is_foreign(before.text):
        return final
    if last or final.level:
        return None
    last = final
    if last.text.endswith(("。", "！", "？", "”", "…", ".", "!", "?")) or not before.text.endswith(("。", "！", "？", "”")):
        return None
    return last


def _pages(seq: int, entries: Sequence[TocEntry], appendix: Sequence[AppendixEntry]) -> int | None:
    entry = entries[seq - 1]
    following = [e.page for e in entries[seq:] if e.page is not None] + [a.page for a in appendix if a.page is not None]
    if entry.page is None or not following or following[0] <= entry.page:
        return None
    return following[0] - entry.page


def _expected_chars(seq: int, entries, appendix, bodies: dict[int, Body], book) -> float | None:
    pages = _pages(seq, entries, appendix)
    if pages is None:
        return None
    rates = []
    for other, body in bodies.items():
        p = _pages(other, entries, appendix)
        if other != seq and p:
            rates.append(body_chars(body) / p)
    if rates:
        rates.sort()
        rate = rates[len(rates) // 2]
    else:
        rate = _rate_from_colophon(book) or DEFAULT_CHARS_PER_PAGE
    return rate * pages


def _rate_from_colophon(book) -> float | None:
    fields = dict(book.colophon)
    words = re.search(r"([\d.]+)\s*千字", fields.get("字数", ""))
    sheets = re.search(r"([\d.]+)", fields.get("印张", ""))
    fold = re.search(r"1/(\d+)", fields.get("开本", ""))
    if not (words and sheets):
        return None
    pages = float(sheets.group(1)) * (int(fold.group(1)) if fold else 16)
    return float(words.group(1)) * 1000 / pages if pages else None
