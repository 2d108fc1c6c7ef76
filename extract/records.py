"""Frozen records produced by the extractors.

Every record keeps where it came from in the source text (1-based line
numbers, inclusive spans), so that any fact in the graph can be traced back.
Records hold plain data only; turning them into JSON lives in
:mod:`xianjice.extract.serialize`, into a graph in :mod:`graph`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xianjice.extract.document import Location


@dataclass(frozen=True, order=True)
class Span:
    """An inclusive range of 1-based source lines."""

    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Organisation:
    """One organisation of the gazetteer (or one derived from a printed unit name).

    ``name`` is canonical; ``parent`` the canonical name of the organisation
    above it (``None`` for the root, 海关总署).
    """

    name: str
    kind: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    city: str | None = None
    province: str | None = None
    order: int | None = None
    english: str | None = None
    # canonical names from the root down to this organisation; identifies a
    # derived sub-unit (two 办公室 under different parents are different)
    path: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitRef:
    """An authoring unit as printed in an entry, resolved to a hierarchy path.

    ``path`` lists canonical organisation names from the root down, e.g.
    ``("海关总署", "拱北海关", "综合统计处")``.  ``known`` is False when the
    top of the printed name was not found in the gazetteer (it was parsed
    by suffix rules only).
    """

    name: str
    path: tuple[str, ...]
    known: bool = True


@dataclass(frozen=True)
class TocEntry:
    """One essay as listed in the table of contents."""

    seq: int
    title: str
    page: int | None
    units: tuple[UnitRef, ...]
    authors: tuple[str, ...]
    lines: Span
    byline: str = ""
    heading: str | None = None  # tier heading printed above the entry, if any
    page_label: str = ""  # the page as printed (7, 13-15, Ⅳ); "" when none is printed
    heading_line: int | None = None  # line of the heading, sentence or table row stating the tier
    heading_how: str = "heading"  # how the tier is stated: "heading", "sentence", "column"
    layout: str = "contents"  # the recognizer that read the entry (see xianjice.extract.layouts)


@dataclass(frozen=True)
class AppendixEntry:
    title: str
    page: int | None
    lines: Span
    body: "Body | None" = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a body, rejoined across page breaks.

    ``level`` is 0 for running text, 1 for a ``一、`` section heading, 2 for a
    ``（一）`` heading standing on its own line, 3 for ``1.``-style headings.
    ``marker`` is the numbering printed at its start (``"一"``, ``"（二）"``) or "".
    """

    text: str
    lines: Span
    level: int = 0
    marker: str = ""
    #: (offset in ``text``, source line) where each joined source line starts; empty = all on ``lines.start``
    breaks: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def line_at(self, offset: int) -> int:
        """The source line holding character *offset* of :attr:`text`.

        >>> p = Paragraph("甲乙丙丁", Span(3, 5), breaks=((0, 3), (2, 5)))
        >>> p.line_at(1), p.line_at(2), Paragraph("甲", Span(7, 7)).line_at(0)
        (3, 5, 7)
        """
        line = self.lines.start
        for start, number in self.breaks:
            if start > offset:
                break
            line = number
        return line


@dataclass(frozen=True)
class Body:
    title: str  # as printed in the body header (stray spaces removed)
    subtitle: str | None
    byline: str | None
    paragraphs: tuple[Paragraph, ...]
    lines: Span
    truncated: bool = False


@dataclass(frozen=True)
class Tier:
    rank: int | None
    label: str | None
    source: str


@dataclass(frozen=True)
class Editor:
    name: str
    role: str
    line: int


@dataclass(frozen=True)
class PrefaceStats:
    submitted: int | None
    units: int | None
    prizes: tuple[tuple[str, int], ...]  # (label, count) in rank order
    included: tuple[str, ...] = ()  # tier labels the book says it contains
    included_count: int | None = None


@dataclass(frozen=True)
class BookInfo:
    title: str | None
    compiler: str | None
    publisher: str | None
    isbn: str | None
    date: str | None
    editors: tuple[Editor, ...]
    stats: PrefaceStats
    title_pinyin: str | None = None
    place: str | None = None
    classification: tuple[str, ...] = ()
    cip_number: str | None = None
    colophon: tuple[tuple[str, str], ...] = ()  # (field, value) as printed
    cover_title: str | None = None
    lines: Span | None = None


# --- what the essays are about (filled by the analysis extractors) -------------


@dataclass(frozen=True)
class Concept:
    """A lexicon concept (a ``skos:Concept``): labels, theme, broader concept, source.

    ``aliases`` are true synonyms (``skos:altLabel``), ``hidden`` the
    traditional-character forms (``skos:hiddenLabel``); ``broader`` the label
    of the broader concept or ""; ``frame`` marks the campaign's slogans (a
    frame layer, left out of the default centrality ranking); ``source`` says
    where the term comes from.
    """

    id: str  # ASCII slug, stable across runs
    label: str
    english: str
    theme: str
    aliases: tuple[str, ...] = ()
    broader: str = ""
    hidden: tuple[str, ...] = ()
    frame: bool = False
    source: str = ""


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    english: str


@dataclass(frozen=True)
class ConceptLink:
    """Evidence that an essay discusses a concept.

    ``count`` is the number of occurrences (title and body), ``first_line``
    the source line holding the first one (not the first line of its
    paragraph), ``surface`` the form first seen, ``surfaces`` every form seen
    (in order of first appearance) and ``snippet`` the text around the first
    occurrence.
    """

    concept: str  # Concept.label
    theme: str
    where: str  # "title", "body" or "title+body"
    count: int
    first_line: int
    surface: str = ""  # the form first seen in the text
    surfaces: tuple[str, ...] = ()
    snippet: str = ""


@dataclass(frozen=True)
class Citation:
    """A document cited in 《…》 (short forms folded into the full name)."""

    name: str
    count: int
    first_line: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A person (with title) or an organisation named in a body (not authorship)."""

    kind: str  # "person" or "organisation"
    name: str
    count: int
    first_line: int
    title: str | None = None  # 署长, 主任 … for persons
    path: tuple[str, ...] = ()  # gazetteer path for organisations, if resolved


@dataclass(frozen=True)
class Proposal:
    order: int
    heading: str
    text: str
    lines: Span
    concepts: tuple[str, ...] = ()
    marker: str = ""


@dataclass(frozen=True)
class Essay:
    seq: int
    entry: TocEntry
    tier: Tier
    body: Body | None = None
    concepts: tuple[ConceptLink, ...] = ()
    documents: tuple[Citation, ...] = ()
    mentions: tuple[Mention, ...] = ()
    proposals: tuple[Proposal, ...] = ()


@dataclass(frozen=True)
class Unplaced:
    line: int
    text: str
    where: str  # "front matter", "contents", "bodies"


@dataclass(frozen=True)
class Heading:
    """A line that structures a list without being an entry: a tier heading or sentence, a table header."""

    line: int
    text: str
    role: str  # "tier heading", "tier sentence", "table header"


@dataclass(frozen=True)
class Compilation:
    """Everything extracted from one input file."""

    source: str  # file name as given (for messages and provenance)
    book: BookInfo
    essays: tuple[Essay, ...]
    appendix: tuple[AppendixEntry, ...]
    unparsed: tuple[Unplaced, ...]
    warnings: tuple[str, ...] = ()
    organisations: tuple[Organisation, ...] = field(default=())  # every org the essays use
    concepts: tuple[Concept, ...] = ()  # lexicon concepts (filled by analysis)
    themes: tuple[Theme, ...] = ()
    line_count: int = 0
    kind: str = "book"  # "book" (a compilation with contents) or "results-list" (a notice, list or table)
    headings: tuple[Heading, ...] = ()  # lines of a results list read as its structure (in no entry)
    file_format: str = "text"  # the reader's kind of file: text, docx, html, pdf, xlsx, csv
    locations: tuple[Location, ...] = ()  # where line n is in the file: locations[n - 1]

    def location(self, line: int) -> Location:
        """Where line *line* (1-based) is in the input file: its page and line, paragraph, table row, sheet row …

        ``Location(line=line)`` when the compilation carries no location table (made from text).

        >>> Compilation("a.pdf", None, (), (), (), file_format="pdf", locations=(Location(page=1, line=1),)).location(1).page
        1
        """
        if 1 <= line <= len(self.locations):
            return self.locations[line - 1]
        return Location(line=line)
