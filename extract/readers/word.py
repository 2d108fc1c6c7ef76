"""Word ``.docx``: paragraphs in body order, tables as rows of cells (python-docx).

The body is read in order, content controls (``w:sdt``, which some
templates wrap around the whole text) included; a paragraph is a line (a manual line break in
it starts another line at the same location), a table row is a line with
its cells.  A cell merged across columns gives its text once, in its first
column, and empty cells for the others (the row keeps the header's
columns); a cell merged down gives its text in every row it spans.  Page
headers and footers, footnotes and text boxes are not part of the body and
are left out; Word's automatic list numbers are not text and do not show.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from xianjice.errors import BrokenFile
from xianjice.extract.document import Document, Location, document_from_rows
from xianjice.extract.readers.tables import cell_text, trim


def read_docx(data: bytes, *, source: str) -> Document:
    """Read a Word ``.docx`` file's body.

    Locations: ``Location(paragraph=p)`` for the *p*-th paragraph of the
    body, ``Location(table=t, row=r)`` for row *r* of the *t*-th table.

    Raises
    ------
    xianjice.errors.BrokenFile
        The archive holds no readable Word document.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        raise BrokenFile(source, f"broken Word .docx ({type(exc).__name__}): open it in Word and save it again") from exc
    except Exception as exc:  # lxml's XMLSyntaxError and relatives: a damaged part
        if type(exc).__module__.startswith("lxml"):
            raise BrokenFile(source, f"broken Word .docx (damaged XML: {exc}): open it in Word and save it again") from exc
        raise
    return document_from_rows(_rows(document), source=source, kind="docx")


def _rows(document) -> Iterator[tuple[str | tuple[str, ...], Location]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraph = table = 0
    for element in _blocks(document.element.body):
        if element.tag == _W + "tbl":
            table += 1
            for r, row in enumerate(Table(element, document._body).rows, 1):
                cells = trim(_row_cells(row))
                if cells:
                    yield cells, Location(table=table, row=r)
        else:
            paragraph += 1
            yield Paragraph(element, document._body).text, Location(paragraph=paragraph)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _blocks(parent) -> Iterator:
    """The body's paragraphs and tables in order, those inside content controls (``w:sdt``) included."""
    for child in parent.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _row_cells(row) -> list[str]:
    out: list[str] = []
    previous = None
    for cell in row.cells:
        # python-docx repeats a cell merged across columns once per grid column
        out.append("" if cell._tc is previous else cell_text(cell.text))
        previous = cell._tc
    return out
