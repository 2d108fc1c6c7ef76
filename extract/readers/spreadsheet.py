"""Spreadsheets: ``.xlsx`` (openpyxl) and ``.csv``/``.tsv`` (with or without BOM, UTF-8, UTF-16 or GB18030).

Each sheet is searched for its header row among its first rows
(:func:`~xianjice.extract.readers.tables.find_header_row`); the rows above
it (a title, a note) are running text, the header row and every row below
it are table rows with their cells.  A sheet without a header row is read
as table rows throughout, except rows of one cell in the first column,
which are running text (a list typed down one column).  Empty rows are left out, as are empty cells at
the end of a row; a cell merged down gives its value in every row it
spans, one merged across gives it once, in its first column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence

from xianjice.errors import BrokenFile
from xianjice.extract.document import Document, Location, document_from_rows
from xianjice.extract.readers.tables import cell_text, find_header_row, sniff_delimiter, trim
from xianjice.extract.text import decode, normalise_line

Row = tuple[str | tuple[str, ...], Location]


def read_xlsx(data: bytes, *, source: str) -> Document:
    """Read every visible sheet of an ``.xlsx`` workbook, in order.

    Locations: ``Location(sheet=name, row=r)``, *r* the row number the
    spreadsheet program shows.  Cells are read as last computed (formulas
    give their cached values).

    Raises
    ------
    xianjice.errors.BrokenFile
        The workbook cannot be read.
    """
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise BrokenFile(source, f"broken Excel .xlsx ({type(exc).__name__}): open it in Excel and save it again") from exc
    except Exception as exc:  # lxml/ElementTree parse errors of a damaged part
        if "xml" in type(exc).__module__.lower() or "ParseError" in type(exc).__name__:
            raise BrokenFile(source, f"broken Excel .xlsx (damaged XML: {exc}): open it in Excel and save it again") from exc
        raise
    rows: list[Row] = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        grid = _sheet_grid(sheet)
        rows.extend(_table_rows(grid, lambda r, name=sheet.title: Location(sheet=name, row=r)))
    return document_from_rows(rows, source=source, kind="xlsx")


def _sheet_grid(sheet) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) of a sheet, merged ranges filled down their first column."""
    fill: dict[tuple[int, int], object] = {}
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row + 1, merged.max_row + 1):
            fill[(r, merged.min_col)] = value
    out = []
    for r, values in enumerate(sheet.iter_rows(values_only=True), 1):
        cells = [cell_text(fill.get((r, c), v)) for c, v in enumerate(values, 1)]
        out.append((r, cells))
    return out


def read_csv(data: bytes, *, source: str) -> Document:
    """Read a CSV or TSV file (delimiter sniffed among ``,`` tab ``;``).

    Locations: ``Location(row=r)``, *r* the record number (1-based; a
    quoted cell may span lines).

    Raises
    ------
    xianjice.errors.InputError
        The bytes are not text in UTF-8, UTF-16 or GB18030.
    xianjice.errors.BrokenFile
        The file cannot be parsed as CSV.
    """
    text = decode(data, source=source).lstrip("\ufeff")
    delimiter = sniff_delimiter(text) or ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise BrokenFile(source, f"broken CSV ({exc}): save it again from the spreadsheet program") from exc
    grid = [(r, [normalise_line(c.replace("\r\n", " ").replace("\n", " ")) for c in rec]) for r, rec in enumerate(records, 1)]
    return document_from_rows(_table_rows(grid, lambda r: Location(row=r)), source=source, kind="csv")


def _table_rows(grid: Sequence[tuple[int, list[str]]], where) -> Iterator[Row]:
    """Rows above the header as text, the header and what follows as table rows (empty rows dropped)."""
    kept = [(r, trim(cells)) for r, cells in grid]
    kept = [(r, cells) for r, cells in kept if cells]
    header = find_header_row([cells for _, cells in kept])
    for i, (r, cells) in enumerate(kept):
        above = header is not None and i < header
        if above or (header is None and len(cells) == 1):
            yield " ".join(c for c in cells if c), where(r)
        else:
            yield cells, where(r)

