"""The one input model every recognizer reads: a file as numbered lines, table rows with their cells.

Readers (plain text here; Word, web pages, PDF and spreadsheets in
:mod:`xianjice.extract.readers`) turn a file into a :class:`Document`.  Line
``n`` of a document is ``document.lines[n - 1]`` and every record keeps
line numbers (:class:`~xianjice.extract.records.Span`); a line's
:class:`Location` says where that line is in the file as its reader saw it
(PDF page, Word paragraph or table row, spreadsheet sheet and row), so
provenance stays exact whatever the format.

A table row is one line whose ``cells`` hold the row's cells as the file
gave them; its ``text`` is the cells joined by ``" | "`` for messages and for
recognizers that read text only.  Recognizers use ``cells`` whenever they are
not ``None``: a row's cells are never re-guessed from its text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from xianjice.extract.text import normalise_line, normalise_lines

#: How the cells of a table row are joined into the row's text.
CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class Location:
    """Where a line is in its file, beyond its line number (all 1-based; ``None`` where it does not apply).

    Attributes
    ----------
    page : int or None
        PDF page (as counted by the PDF, not the printed folio).
    line : int or None
        Line on that PDF page (running heads and folios not counted), line of a text file, or line
        of a web page's source holding the text.
    paragraph : int or None
        Word paragraph, counted in body order (the paragraphs of tables not counted).
    table : int or None
        Table of a Word file or web page, counted in order.
    row : int or None
        Row of that table, or of a spreadsheet (as the program numbers it) or CSV file (record number).
    sheet : str or None
        Spreadsheet sheet name.
    """

    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    sheet: str | None = None

    def as_dict(self) -> dict[str, int | str]:
        """The fields that apply, in a fixed order (page, sheet, paragraph, table, row, line), for JSON.

        >>> Location(page=3, line=12).as_dict()
        {'page': 3, 'line': 12}
        """
        fields = (("page", self.page), ("sheet", self.sheet), ("paragraph", self.paragraph), ("table", self.table),
                  ("row", self.row), ("line", self.line))
        return {k: v for k, v in fields if v is not None}

    def describe(self) -> str:
        """Say where the line is, for messages and reports.

        Examples
        --------
        >>> Location(page=3, line=12).describe()
        'page 3, line 12'
        >>> Location(sheet="获奖名单", row=4).describe()
        'sheet 获奖名单, row 4'
        >>> Location().describe()
        ''
        """
        parts = [
            f"page {self.page}" if self.page is not None else "",
            f"sheet {self.sheet}" if self.sheet is not None else "",
            f"paragraph {self.paragraph}" if self.paragraph is not None else "",
            f"table {self.table}" if self.table is not None else "",
            f"row {self.row}" if self.row is not None else "",
            f"line {self.line}" if self.line is not None else "",
        ]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class SourceLine:
    """One line of a document.

    Attributes
    ----------
    number : int
        1-based line number in the document (the number records keep).
    text : str
        The line, normalised (:func:`~xianjice.extract.text.normalise_line`);
        for a table row, its cells joined by :data:`CELL_SEPARATOR`.
    cells : tuple of str, or None
        The cells of a table row, each normalised; ``None`` for running text.
    location : Location
        Where the line is in its file.
    """

    number: int
    text: str
    cells: tuple[str, ...] | None = None
    location: Location = Location()


@dataclass(frozen=True)
class Document:
    """A file read by one reader: its kind and its lines.

    Attributes
    ----------
    source : str
        The file name used in messages and provenance.
    kind : str
        ``"text"``, ``"docx"``, ``"html"``, ``"pdf"``, ``"xlsx"`` or ``"csv"``.
    lines : tuple of SourceLine
        ``lines[n - 1].number == n`` for every line.
    """

    source: str
    kind: str
    lines: tuple[SourceLine, ...]

    def texts(self) -> list[str]:
        """Return the text of every line, line ``n`` at index ``n - 1``."""
        return [line.text for line in self.lines]

    def location(self, number: int) -> Location:
        """Return the location of line *number* (1-based)."""
        return self.lines[number - 1].location


def text_document(text: str, *, source: str, kind: str = "text") -> Document:
    """Return the document of a decoded plain text: one line per line of the text.

    Examples
    --------
    >>> doc = text_document("一等奖\\r\\n题目", source="x.txt")
    >>> [(l.number, l.text, l.location.line) for l in doc.lines]
    [(1, '一等奖', 1), (2, '题目', 2)]
    """
    lines = normalise_lines(text)
    return Document(source, kind, tuple(SourceLine(n, t, None, Location(line=n)) for n, t in enumerate(lines, 1)))


def document_from_rows(rows: Iterable[tuple[str | tuple[str, ...], Location]], *, source: str, kind: str) -> Document:
    """Number a reader's rows: each is running text (a ``str``) or a table row (a tuple of cells).

    Text that holds line breaks becomes one line per line, all at the same location.

    Examples
    --------
    >>> doc = document_from_rows([("一等奖", Location(paragraph=1)), (("1", "题目", "张 三"), Location(table=1, row=2))],
    ...                          source="x.docx", kind="docx")
    >>> [(l.number, l.text, l.cells) for l in doc.lines]
    [(1, '一等奖', None), (2, '1 | 题目 | 张 三', ('1', '题目', '张 三'))]
    """
    out: list[SourceLine] = []
    for item, location in rows:
        if isinstance(item, str):
            for text in normalise_lines(item) or [""]:
                out.append(SourceLine(len(out) + 1, text, None, location))
        else:
            cells = tuple(normalise_line(c.replace("\n", " ")) for c in item)
            out.append(SourceLine(len(out) + 1, CELL_SEPARATOR.join(cells), cells, location))
    return Document(source, kind, tuple(out))
