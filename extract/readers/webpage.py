"""Saved web pages (``.html``, ``.htm``, ``.mht``): main text and tables as rows of cells (lxml).

lxml (libxml2's HTML parser) is used rather than trafilatura or selectolax:
it is already installed with python-docx, it keeps every element's source
line (the provenance of a line is the line of the page that holds it), and
a results list is mostly a table, which article extractors such as
trafilatura drop or flatten.  What is left out is the page's furniture:
``<head>``, scripts and styles, ``<nav>``, ``<header>``, ``<footer>``,
``<aside>``, forms, and elements whose ARIA role or class/id names them
navigation, menus, breadcrumbs, headers, footers or sidebars (a whole
class or id such as ``nav``, ``footer``, ``breadcrumb``; ``article-header``
is not one).  When the
page marks its main part (``<main>``, ``<article>``, ``role=main``) only
that part is read.

The encoding is the one the page declares (BOM, ``<meta charset>``,
``http-equiv`` Content-Type, XML declaration; GB2312 and GBK are read as
their superset GB18030), else UTF-8 or GB18030 by which one decodes.

A table without tables inside is a data table: each ``<tr>`` is one line
with its cells (a cell spanning rows gives its text in each row it spans;
one spanning columns gives it once, in its first column).  A table with
tables inside is page layout: its cells are read as running text.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator

from xianjice.errors import BrokenFile, InputError
from xianjice.extract.document import Document, Location, document_from_rows
from xianjice.extract.readers.tables import cell_text, trim

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
            "big5": "big5hkscs", "x-big5": "big5hkscs", "utf8": "utf-8", "unicode": "utf-16"}
_SKIP_TAGS = {"head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "input", "textarea", "object", "embed", "canvas", "map"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"}
#: class or id values that name page furniture (whole words of the attribute: ``article-header`` is not one)
_SKIP_WORDS = {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
               "footer", "foot", "header", "head", "topbar", "sidebar", "share", "copyright", "skip", "toolbar",
               "pagination", "pager", "dqwz", "position", "location", "top", "bottom", "site-header", "site-footer",
               "site-nav", "main-nav", "top-nav", "topnav", "mainnav", "sitenav", "footer-wrap", "header-wrap"}
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "pre", "section", "article", "main", "center", "address", "figure", "figcaption", "hr", "caption",
               "tr", "table", "tbody", "thead", "tfoot", "body", "html"}


def page_encoding(data: bytes) -> str | None:
    """The encoding a page declares (BOM, meta charset, XML declaration), as a Python codec name, or ``None``.

    >>> page_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    >>> page_encoding(b"<html><body>") is None
    True
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:8192]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return _ALIASES.get(name, name)


def decode_page(data: bytes, *, source: str) -> str:
    """The page's text in the encoding it declares, else UTF-8 or GB18030, whichever decodes.

    Raises :class:`~xianjice.errors.BrokenFile` when the declared encoding
    and every guess fail.
    """
    declared = page_encoding(data)
    if declared:
        try:
            return data.decode(declared)
        except LookupError:
            pass  # an encoding name Python does not know: guess
        except UnicodeDecodeError:
            pass  # pages often declare the wrong encoding: guess
    for guess in ("utf-8", "gb18030"):
        try:
            return data.decode(guess)
        except UnicodeDecodeError as exc:
            error = exc
    said = f"declared {declared}, " if declared else ""
    raise BrokenFile(source, f"web page whose text cannot be decoded ({said}not UTF-8 nor GB18030 at byte "
                             f"{error.start}): save it again from the browser") from error


def read_html(data: bytes, *, source: str) -> Document:
    """Read a saved web page's main text and tables.

    Locations: ``Location(line=l)`` for running text, ``Location(table=t,
    row=r, line=l)`` for row *r* of the page's *t*-th data table; *l* is
    the line of the page's source that holds the text.

    Raises
    ------
    xianjice.errors.BrokenFile
        The page cannot be decoded or parsed.
    xianjice.errors.InputError
        The page holds no text outside its navigation.
    """
    import lxml.etree
    import lxml.html

    text = decode_page(data, source=source)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise BrokenFile(source, f"web page that cannot be parsed ({exc})") from exc
    main = _main_part(root)
    reader = _Reader()
    reader.walk(main)
    rows = reader.finish()
    if not any(isinstance(item, tuple) or item.strip() for item, _ in rows):
        raise InputError(source, "the web page holds no text outside its navigation, headers and footers")
    return document_from_rows(rows, source=source, kind="html")


def read_mhtml(data: bytes, *, source: str) -> Document:
    """Read a web archive (``.mht``/``.mhtml``, a page saved "as a single file"): its HTML part.

    Raises :class:`~xianjice.errors.BrokenFile` when it holds no HTML part.
    """
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and not page_encoding(payload):
                charset = _ALIASES.get(charset.lower(), charset.lower())
                try:
                    payload = payload.decode(charset).encode("utf-8")
                except (LookupError, UnicodeDecodeError):
                    pass
            return read_html(payload, source=source)
    raise BrokenFile(source, "web archive (.mht) without an HTML page inside: save the page again as HTML")


def _main_part(root):
    body = root.find("body")
    body = body if body is not None else root
    for xpath in ("//main", "//*[@role='main']", "//article"):
        found = [e for e in root.xpath(xpath) if not _is_furniture(e)]
        if len(found) == 1 and len(found[0].text_content().strip()) >= 0.2 * len(body.text_content().strip()):
            return found[0]
    return body


def _is_furniture(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _SKIP_TAGS:
        return True
    if (element.get("role") or "").lower() in _SKIP_ROLES:
        return True
    if (element.get("hidden") is not None) or re.search(r"display\s*:\s*none", element.get("style") or "", re.I):
        return True
    words = set(f"{element.get('class') or ''} {element.get('id') or ''}".lower().split())
    return bool(words & _SKIP_WORDS)


class _Reader:
    """Walks the element tree collecting lines: text between block boundaries, table rows as cells."""

    def __init__(self) -> None:
        self.rows: list[tuple[str | tuple[str, ...], Location]] = []
        self.buffer: list[str] = []
        self.line: int | None = None
        self.tables = 0

    def flush(self) -> None:
        text = "".join(self.buffer)
        if text.strip():
            for part in text.split("\n"):
                if part.strip():
                    self.rows.append((part, Location(line=self.line)))
        self.buffer = []
        self.line = None

    def add(self, text: str | None, line: int | None) -> None:
        if not text:
            return
        if self.line is None and text.strip():
            self.line = line
        self.buffer.append(re.sub(r"[ \t\r\n]+", " ", text))

    def walk(self, element) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            self.add(element.tail, element.sourceline)
            return
        tag = element.tag.lower()
        if _is_furniture(element) and tag not in ("body", "html"):
            self.add(element.tail, element.sourceline)
            return
        if tag == "table" and not element.xpath(".//table"):
            self.flush()
            self.table(element)
            self.add(element.tail, element.sourceline)
            return
        if tag == "br":
            self.buffer.append("\n")
            self.add(element.tail, element.sourceline)
            return
        block = tag in _BLOCK_TAGS or tag in ("td", "th")
        if block:
            self.flush()
        self.add(element.text, element.sourceline)
        for child in element:
            self.walk(child)
        if block:
            self.flush()
        self.add(element.tail, element.sourceline)

    def table(self, table) -> None:
        self.tables += 1
        spans: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text)
        rows = [tr for tr in table.iter("tr") if not _is_furniture(tr)]
        for r, tr in enumerate(rows, 1):
            cells: list[str] = []
            col = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th") or _is_furniture(td):
                    continue
                while col in spans:
                    cells.append(self._spanned(spans, col))
                    col += 1
                text = cell_text(_cell_text(td))
                rowspan, colspan = _span(td.get("rowspan")), _span(td.get("colspan"))
                cells.append(text)
                if rowspan > 1:
                    spans[col] = (rowspan - 1, text)
                cells.extend([""] * (colspan - 1))
                col += colspan
            while col in spans or any(c > col for c in spans):
                cells.append(self._spanned(spans, col) if col in spans else "")
                col += 1
            cells = trim(cells)
            if cells:
                self.rows.append((cells, Location(table=self.tables, row=r, line=tr.sourceline)))

    @staticmethod
    def _spanned(spans: dict[int, tuple[int, str]], col: int) -> str:
        left, text = spans[col]
        if left <= 1:
            del spans[col]
        else:
            spans[col] = (left - 1, text)
        return text

    def finish(self) -> list[tuple[str | tuple[str, ...], Location]]:
        self.flush()
        return self.rows


def _cell_text(td) -> str:
    parts: list[str] = []

    def walk(e) -> None:
        if isinstance(e.tag, str):
            if _is_furniture(e) and e is not td:
                if e.tail:
                    parts.append(e.tail)
                return
            if e.tag.lower() == "br":
                parts.append(" ")
            elif e.tag.lower() in _BLOCK_TAGS and e is not td:
                parts.append(" ")
            if e.text:
                parts.append(e.text)
            for child in e:
                walk(child)
        if e is not td and e.tail:
            parts.append(e.tail)

    walk(td)
    return "".join(parts)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
