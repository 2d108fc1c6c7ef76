"""Readers: a file → a :class:`~xianjice.extract.document.Document`.

:func:`read_document` is the one entry point.  It recognises the kind of a
file by its content (magic bytes, markup; :mod:`.sniff`), not by its
suffix alone, and hands it to that kind's reader: plain text (any encoding
:func:`~xianjice.extract.text.decode` reads), Word ``.docx``
(:mod:`.word`), saved web pages (:mod:`.webpage`), PDF with a text layer
(:mod:`.pdf`), ``.xlsx`` spreadsheets and ``.csv`` files
(:mod:`.spreadsheet`).  A file of a kind no reader reads (old binary Word
``.doc``, ``.xls``, RTF …), an encrypted or a broken file raises a
one-line :class:`~xianjice.errors.InputError` saying what it is and what
to do.
"""

from __future__ import annotations

from pathlib import Path

from xianjice.errors import InputError
from xianjice.extract.document import Document, text_document
from xianjice.extract.readers.sniff import sniff
from xianjice.extract.text import decode

__all__ = ["read_document", "read_bytes"]


def read_document(path: str | Path) -> Document:
    """Read a file into numbered lines, whatever its kind.

    Parameters
    ----------
    path
        The file to read.

    Returns
    -------
    Document
        Its lines; ``source`` is ``str(path)``, ``kind`` one of ``"text"``,
        ``"docx"``, ``"html"``, ``"pdf"``, ``"xlsx"``, ``"csv"``.

    Raises
    ------
    xianjice.errors.InputError
        The file is missing, unreadable or empty; or one of its kinds:
        :class:`~xianjice.errors.UnsupportedFormat` (``.doc``, ``.xls`` …),
        :class:`~xianjice.errors.EncryptedFile`,
        :class:`~xianjice.errors.BrokenFile`,
        :class:`~xianjice.errors.NoTextLayer` (a scanned PDF).
    """
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(source, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(source, "is a directory, not a file") from exc
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror})") from exc
    return read_bytes(data, source=source)


def read_bytes(data: bytes, *, source: str) -> Document:
    """Read the bytes of a file named *source* (its suffix is a hint only; see :func:`read_document`)."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    kind = sniff(data, source=source)
    if kind == "pdf":
        from xianjice.extract.readers.pdf import read_pdf

        return read_pdf(data, source=source)
    if kind == "docx":
        from xianjice.extract.readers.word import read_docx

        return read_docx(data, source=source)
    if kind == "xlsx":
        from xianjice.extract.readers.spreadsheet import read_xlsx

        return read_xlsx(data, source=source)
    if kind in ("html", "mhtml"):
        from xianjice.extract.readers.webpage import read_html, read_mhtml

        return (read_html if kind == "html" else read_mhtml)(data, source=source)
    if kind == "csv":
        from xianjice.extract.readers.spreadsheet import read_csv

        return read_csv(data, source=source)
    return text_document(decode(data, source=source), source=source)
