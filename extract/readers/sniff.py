"""Tell a file's kind from its bytes: magic numbers first, markup next, the suffix last.

Office files are zip archives (``.docx``, ``.xlsx``) or, in the old binary
formats and when encrypted, OLE2 compound files; which one is read from
the names inside.  Text is HTML when it starts like a web page, a
spreadsheet export when it is named ``.csv``/``.tsv`` or, unless named
``.txt``, when its first lines hold a header row of comma- or
tab-separated cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from xianjice.errors import BrokenFile, EncryptedFile, UnsupportedFormat

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table)\b",
                         re.I | re.S)
_MHTML = re.compile(rb"^(?:[\x21-\x7e]+:[^\n]*\r?\n|[ \t][^\n]*\r?\n)*?content-type:\s*multipart/related", re.I)


def _utf16le(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(data: bytes, *, source: str) -> str:
    """Return the kind of a file: ``"pdf"``, ``"docx"``, ``"xlsx"``, ``"html"``, ``"mhtml"``, ``"csv"`` or ``"text"``.

    Raises
    ------
    UnsupportedFormat
        Old binary Word/Excel, RTF, OpenDocument, PowerPoint, other archives.
    EncryptedFile
        A password-protected Office file (OOXML encrypted into an OLE2 file).
    BrokenFile
        A zip archive that cannot be opened.

    Examples
    --------
    >>> sniff(b"%PDF-1.7 ...", source="a.txt")
    'pdf'
    >>> sniff(b"<!DOCTYPE html><html>...", source="list.doc")
    'html'
    >>> sniff("序号,题目,作者\\n1,甲,乙\\n".encode(), source="list")
    'csv'
    >>> sniff("一等奖\\n题目\\n".encode(), source="list.txt")
    'text'
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(OLE2_MAGIC):
        raise _ole2_problem(data, source)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, source)
    if data.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormat(source, "RTF document: save it as .docx (Word: File › Save As › Word Document)")
    text_head = _ascii_view(data[:4096])
    if _MHTML.match(text_head):
        return "mhtml"
    if _HTML_START.match(text_head) or (re.search(rb"<html\b", text_head, re.I) and re.search(rb"</?(?:body|head|div|p|table)\b", text_head, re.I)):
        return "html"
    suffix = PurePath(source).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".htm", ".html", ".xhtml", ".shtml") and re.search(rb"<[a-z!]", text_head, re.I):
        return "html"
    from xianjice.extract.readers.tables import looks_like_delimited

    if suffix not in (".txt", ".text", ".md") and looks_like_delimited(data):
        return "csv"
    return "text"


def _ascii_view(data: bytes) -> bytes:
    """The bytes with UTF-16 BOMs and NULs (UTF-16 ASCII) removed, and a UTF-8 BOM dropped, for markup tests."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data[2:].replace(b"\x00", b"")
    return data.removeprefix(b"\xef\xbb\xbf")


def _ole2_problem(data: bytes, source: str) -> Exception:
    if _utf16le("EncryptionInfo") in data or _utf16le("EncryptedPackage") in data:
        return EncryptedFile(source, "password-protected Office file: open it, remove the password "
                                     "(File › Info › Protect › Encrypt) and save it again")
    if _utf16le("WordDocument") in data:
        return UnsupportedFormat(source, "old binary Word .doc: save it as .docx (Word: File › Save As › Word Document)")
    if _utf16le("Workbook") in data or _utf16le("Book") in data:
        return UnsupportedFormat(source, "old binary Excel .xls: save it as .xlsx or .csv")
    if _utf16le("PowerPoint Document") in data:
        return UnsupportedFormat(source, "PowerPoint .ppt: copy its text into a .docx or .txt file")
    return UnsupportedFormat(source, "an old binary Office file (OLE2): save it as .docx or .xlsx")


def _zip_kind(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as exc:
        return _broken_zip(source, exc)
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        raise UnsupportedFormat(source, "OpenDocument text .odt: save it as .docx")
    if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        raise UnsupportedFormat(source, "OpenDocument spreadsheet .ods: save it as .xlsx or .csv")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormat(source, "PowerPoint .pptx: copy its text into a .docx or .txt file")
    if "[Content_Types].xml" in names:
        raise UnsupportedFormat(source, "an Office file that is neither Word .docx nor Excel .xlsx")
    raise UnsupportedFormat(source, "a zip archive: unpack it and give the file inside")


def _broken_zip(source: str, exc: Exception) -> str:
    suffix = PurePath(source).suffix.lower()
    what = {".docx": "Word .docx", ".xlsx": "Excel .xlsx"}.get(suffix, "zip-based (Office) file")
    raise BrokenFile(source, f"broken {what} (cannot be unzipped: {exc}): open it in its program and save it again") from exc
