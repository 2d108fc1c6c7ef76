"""PDF with a text layer: lines in reading order, running heads and folios left out (pdfplumber).

Each page's characters are grouped into lines by their vertical position
and ordered left to right; a gap wider than a third of the type size reads
as a space (Chinese PDFs rarely draw space characters).  Lines are read top
to bottom; a page set in several columns is read across them.

Running heads and footer folios are told from the text by where and how
they stand: among the two lines nearest the top or the bottom edge of a
page, set off from the text by a wider gap than its line spacing, a line
that is a page number (``7``, ``- 7 -``, ``第 7 页``, ``vii``) or that
recurs at the same height and size on other pages once its digits are
taken out (a contents' heading 目录 above its first page's entries stays even
when the following pages carry 目录 as their running head).  Page numbers printed
inside the text (those of a table of contents) stay.

A wider gap between two lines than the page's line spacing gives a blank
line, and so does the turn of a page.  A PDF without any text is a scan:
OCR is out of scope, the reader says so.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from xianjice.errors import BrokenFile, EncryptedFile, NoTextLayer
from xianjice.extract.document import Document, Location, document_from_rows
from xianjice.extract.text import key

#: A page number standing alone: 7, - 7 -, — 7 —, 第 7 页, 7/120, vii, (7).
FOLIO = re.compile(r"^[-–—·•\s(（\[]*(?:第\s*)?(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})(?:\s*页)?"
                   r"(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-–—·•\s)）\]]*$")
#: How far from the top or bottom edge (share of the page height) a running head or folio may stand.
MARGIN = 0.15


@dataclass
class _Line:
    top: float
    bottom: float
    text: str
    size: float


def read_pdf(data: bytes, *, source: str) -> Document:
    """Read the text layer of a PDF.

    Locations: ``Location(page=p, line=l)``, *p* the page as the PDF counts
    it (1-based, not the printed folio), *l* the line on that page among the
    lines kept (running heads and folios not counted).

    Raises
    ------
    xianjice.errors.EncryptedFile
        The PDF needs a password to open.
    xianjice.errors.BrokenFile
        The PDF cannot be parsed, or its fonts do not map to text.
    xianjice.errors.NoTextLayer
        No page holds any text (a scan).
    """
    heights, pages = [], []
    for height, lines in _pages(data, source):
        heights.append(height)
        pages.append(lines)
    chars = sum(len(line.text) for page in pages for line in page)
    if not chars:
        raise NoTextLayer(source, f"PDF without a text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of images: "
                                  "a scan?): OCR is out of scope; run OCR on it first (e.g. ocrmypdf) and give the result")
    cids = sum(line.text.count("(cid:") for page in pages for line in page)
    if cids * 6 > chars / 2:
        raise BrokenFile(source, "PDF whose fonts do not map to Unicode text ((cid:…) glyphs): "
                                 "copy its text out with another program, or run OCR on it")
    drop = _margin_lines(pages, heights)
    rows: list[tuple[str, Location]] = []
    for p, page in enumerate(pages, 1):
        if p > 1:
            rows.append(("", Location(page=p)))
        kept = [line for i, line in enumerate(page) if (p, i) not in drop]
        pitch = _pitch(kept)
        for n, line in enumerate(kept, 1):
            if n > 1 and line.top - kept[n - 2].top > 1.8 * pitch:
                rows.append(("", Location(page=p)))
            rows.append((line.text, Location(page=p, line=n)))
    return document_from_rows(rows, source=source, kind="pdf")


def _pages(data: bytes, source: str) -> list[tuple[float, list[_Line]]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [(float(page.height), _page_lines(page)) for page in pdf.pages]
    except PDFPasswordIncorrect as exc:
        raise EncryptedFile(source, "password-protected PDF: open it with its password and save or print "
                                    "it to a PDF without one") from exc
    except PDFEncryptionError as exc:
        raise EncryptedFile(source, f"encrypted PDF that cannot be decrypted ({exc}): save or print it to "
                                    "a PDF without encryption") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, OSError) as exc:
        raise BrokenFile(source, f"broken PDF ({type(exc).__name__}: {exc}): open it in a PDF reader and "
                                 "save or print it again") from exc
    except Exception as exc:  # pdfplumber wraps parse failures in its own PdfminerException
        if type(exc).__name__ == "PdfminerException":
            cause = exc.args[0] if exc.args else exc
            if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
                raise EncryptedFile(source, "password-protected PDF: open it with its password and save or "
                                            "print it to a PDF without one") from exc
            raise BrokenFile(source, f"broken PDF ({cause!r}): open it in a PDF reader and save or print it "
                                     "again") from exc
        raise


def _page_lines(page) -> list[_Line]:
    chars, seen = [], set()
    for c in page.chars:  # fake bold draws a character twice at (almost) the same place: keep one
        where = (c["text"], round(c["x0"]), round(c["top"]))
        if c.get("upright", True) and c["text"] and where not in seen:
            seen.add(where)
            chars.append(c)
    if not chars:
        return []
    size = statistics.median(c["size"] for c in chars) or 10.0
    chars.sort(key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    groups: list[list[dict]] = []
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        if groups:
            g = groups[-1]
            g_mid = statistics.fmean((x["top"] + x["bottom"]) / 2 for x in g[-3:])
            if abs(mid - g_mid) <= 0.4 * size:
                g.append(c)
                continue
        groups.append([c])
    lines = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        text = ""
        prev = None
        for c in g:
            if prev is not None and c["text"] != " " and not text.endswith(" "):
                gap = c["x0"] - prev["x1"]
                if gap > 0.3 * min(c["size"], prev["size"]):
                    text += " "
            text += c["text"]
            prev = c
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            lines.append(_Line(min(c["top"] for c in g), max(c["bottom"] for c in g), text,
                               statistics.median(c["size"] for c in g)))
    lines.sort(key=lambda line: line.top)
    return lines


def _pitch(lines: list[_Line]) -> float:
    """The line spacing of a page: the median distance between lines, at most 1.6 times the type size.

    The bound keeps a short page (a head, two lines, a folio) from taking the gaps around its running
    head and folio for its line spacing.
    """
    size = statistics.median(line.size for line in lines) if lines else 10.0
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    if gaps:
        return min(statistics.median(gaps), 1.6 * size)
    return 1.5 * size


def _margin_lines(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page, index) of every running head and folio."""
    candidates: list[tuple[int, int, _Line]] = []
    for p, (page, page_height) in enumerate(zip(pages, heights), 1):
        if len(page) < 2:
            continue
        pitch = _pitch(page)
        for i in (0, 1):  # lines at the top, set off from the text below them
            if i + 1 < len(page) and page[i].bottom < MARGIN * page_height and page[i + 1].top - page[i].top > 1.5 * pitch:
                candidates.extend((p, j, page[j]) for j in range(i + 1))
                break
        for i in (len(page) - 1, len(page) - 2):  # lines at the bottom, set off from the text above them
            if i >= 1 and page[i].top > (1 - MARGIN) * page_height and page[i].top - page[i - 1].top > 1.5 * pitch:
                candidates.extend((p, j, page[j]) for j in range(i, len(page)))
                break
    pages_of: dict[tuple, set[int]] = {}
    for p, _, line in candidates:
        pages_of.setdefault(_place(line), set()).add(p)
    return {(p, i) for p, i, line in candidates
            if FOLIO.match(line.text) or (_mask(line.text) and len(pages_of[_place(line)]) >= 2)}


def _place(line: _Line) -> tuple[str, int, int]:
    """A running head is the same text (but for its page number) at the same height in the same size."""
    return _mask(line.text), round(line.top / 4), round(line.size)


def _mask(text: str) -> str:
    """A running head's text with its page number taken out."""
    return re.sub(r"\d+|[ivxlcdm]+$|^[ivxlcdm]+", "", key(text))
