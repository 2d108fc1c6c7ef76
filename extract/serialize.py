"""Records → plain JSON-ready dicts: the stable interface of ``xianjice extract``.

The key order of every object is fixed here, so the JSON output is
byte-identical for the same input.
"""

from __future__ import annotations

import os
import re

from xianjice.extract.records import AppendixEntry, BookInfo, Compilation, Essay, Paragraph, Span

#: Version of the JSON layout; bumped when a field changes meaning or is removed.
SCHEMA_VERSION = 1


_SURROGATE = re.compile("[\ud800-\udfff]")


def readable_source(path: str) -> str:
    """Return a file's path as valid Unicode text, for JSON, reports and the graph.

    A name that is not valid UTF-8 (as unzipping an archive made on Chinese
    Windows leaves it: GBK bytes) reaches Python with its bad bytes as lone
    surrogates (PEP 383), which no UTF-8 file can hold.  Each such path
    component is decoded as GB18030 (a superset of GBK) when its bytes are
    valid GB18030, else its undecodable bytes are written ``\\xNN``.  Valid
    names are returned unchanged.

    >>> readable_source("书/a.txt")
    '书/a.txt'
    >>> readable_source(os.fsdecode("征文".encode("gbk") + b".txt"))
    '征文.txt'
    >>> readable_source(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    if not _SURROGATE.search(path):
        return path
    try:
        raw = os.fsencode(path)
    except UnicodeError:  # a lone surrogate that is no escaped byte
        return path.encode("utf-8", "backslashreplace").decode("ascii")
    parts = []
    for part in raw.split(b"/"):
        try:
            parts.append(part.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(part.decode("gb18030"))
            except UnicodeDecodeError:
                parts.append(part.decode("utf-8", "backslashreplace"))
    return "/".join(parts)


def book_to_json(book: BookInfo) -> dict:
    return {
        "title": book.title,
        "compiler": book.compiler,
        "publisher": book.publisher,
        "place": book.place,
        "isbn": book.isbn,
        "date": book.date,
        "editors": [{"name": e.name, "role": e.role, "line": e.line} for e in book.editors],
        "stats": {
            "submitted": book.stats.submitted,
            "units": book.stats.units,
            "prizes": dict(book.stats.prizes),
            "included": list(book.stats.included),
            "included_count": book.stats.included_count,
        },
        "title_pinyin": book.title_pinyin,
        "cover_title": book.cover_title,
        "classification": list(book.classification),
        "cip_number": book.cip_number,
        "colophon": [{"field": f, "value": v} for f, v in book.colophon],
        "lines": book.lines.as_list() if book.lines else None,
    }


def _paragraph(p: Paragraph) -> dict:
    return {"text": p.text, "lines": p.lines.as_list(), "level": p.level, "marker": p.marker}


def span_location(c: Compilation | None, span: Span | None) -> dict | None:
    """Where a span of lines is in the input file: ``{"first": {...}, "last": {...}}`` (see :meth:`Location.as_dict`).

    ``None`` without a span or a compilation to look the lines up in.
    """
    if span is None or c is None:
        return None
    return {"first": c.location(span.start).as_dict(), "last": c.location(span.end).as_dict()}


def json_page(entry) -> int | str | None:
    """The page of an entry in JSON: a number when printed as digits, else the page as printed (``13-15``, ``Ⅳ``).

    >>> from xianjice.extract.records import Span, TocEntry
    >>> [json_page(TocEntry(1, "t", p, (), (), Span(1, 1), page_label=l)) for p, l in ((7, "7"), (13, "13-15"), (4, "Ⅳ"), (None, ""))]
    [7, '13-15', 'Ⅳ', None]
    """
    label = entry.page_label
    if not label or label.isdigit():
        return entry.page
    return label


def essay_to_json(essay: Essay, *, text: bool = True, compilation: Compilation | None = None) -> dict:
    """One essay; with *compilation*, its ``location`` in the input file (page and line, paragraph, row …)."""
    e = essay.entry
    body = essay.body
    out = {
        "seq": essay.seq,
        "title": e.title,
        "subtitle": body.subtitle if body else None,
        "page": json_page(e),
        "page_label": e.page_label,
        "tier": essay.tier.rank,
        "tier_label": essay.tier.label,
        "tier_source": essay.tier.source,
        "units": [{"name": u.name, "path": list(u.path), "known": u.known} for u in e.units],
        "authors": list(e.authors),
        "has_body": body is not None,
        "truncated": bool(body and body.truncated),
        "lines": {"toc": e.lines.as_list(), "body": body.lines.as_list() if body else None},
        "location": {"toc": span_location(compilation, e.lines), "body": span_location(compilation, body.lines if body else None)},
        "layout": e.layout,
        "concepts": [
            {"label": c.concept, "theme": c.theme, "where": c.where, "count": c.count, "first_line": c.first_line,
             "surfaces": list(c.surfaces or (c.surface,)), "snippet": c.snippet}
            for c in essay.concepts
        ],
        "documents": [
            {"name": d.name, "count": d.count, "first_line": d.first_line, "aliases": list(d.aliases)} for d in essay.documents
        ],
        "mentions": [
            {"kind": m.kind, "name": m.name, "title": m.title, "count": m.count, "first_line": m.first_line, "path": list(m.path)}
            for m in essay.mentions
        ],
        "proposals": [
            {"order": p.order, "marker": p.marker, "heading": p.heading, "text": p.text, "lines": p.lines.as_list(),
             "concepts": list(p.concepts)}
            for p in essay.proposals
        ],
    }
    if text:
        out["body"] = (
            {"title": body.title, "byline": body.byline, "paragraphs": [_paragraph(p) for p in body.paragraphs]}
            if body else None
        )
    return out


def appendix_to_json(a: AppendixEntry, *, compilation: Compilation | None = None) -> dict:
    return {
        "title": a.title,
        "page": a.page,
        "lines": {"toc": a.lines.as_list(), "body": a.body.lines.as_list() if a.body else None},
        "location": {"toc": span_location(compilation, a.lines),
                     "body": span_location(compilation, a.body.lines if a.body else None)},
    }


def compilation_to_json(c: Compilation, *, text: bool = True) -> dict:
    """The JSON document of one compilation (see the README for each field)."""
    return {
        "schema": SCHEMA_VERSION,
        "source": readable_source(c.source),
        "format": c.file_format,
        "kind": c.kind,
        "book": book_to_json(c.book),
        "essays": [essay_to_json(e, text=text, compilation=c) for e in c.essays],
        "appendix": [appendix_to_json(a, compilation=c) for a in c.appendix],
        "lexicon": {
            "themes": [{"id": t.id, "label": t.label, "english": t.english} for t in c.themes],
            "concepts": [
                {"id": k.id, "label": k.label, "english": k.english, "theme": k.theme, "aliases": list(k.aliases),
                 "broader": k.broader or None, "hidden": list(k.hidden), "frame": k.frame, "source": k.source}
                for k in c.concepts
            ],
        },
        "headings": [{"line": h.line, "text": h.text, "role": h.role} for h in c.headings],
        "unparsed": [{"line": u.line, "text": u.text, "where": u.where, "location": c.location(u.line).as_dict()}
                     for u in c.unparsed],
        "warnings": list(c.warnings),
    }


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one.

    >>> _count(1, "warning"), _count(0, "warning"), _count(2, "body", "bodies")
    ('1 warning', '0 warnings', '2 bodies')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def summary(c: Compilation) -> str:
    """One line saying what was found, for stderr."""
    with_body = sum(1 for e in c.essays if e.body)
    cut = sum(1 for e in c.essays if e.body and e.body.truncated)
    tiers = sum(1 for e in c.essays if e.tier.rank is not None)
    parts = [
        f"{readable_source(c.source)}: {_count(len(c.essays), 'essay')}",
        _count(with_body, "body", "bodies") + (f" ({cut} cut off)" if cut else ""),
        f"{tiers} with tiers",
        _count(len(c.appendix), "appendix document"),
        _count(len(c.organisations), "organisation"),
        _count(len(c.unparsed), "unplaced line"),
        _count(len(c.warnings), "warning"),
    ]
    return ", ".join(parts)
