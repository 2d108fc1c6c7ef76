"""Readers: a file → a :class:`~xianjice.extract.document.Document`.

:func:`read_document` is the one entry point; it recognises the kind of file
by its content and hands it to that kind's reader.  Plain text (any encoding
:func:`~xianjice.extract.text.decode` reads) is the only kind so far.
"""

from __future__ import annotations

from pathlib import Path

from xianjice.extract.document import Document, text_document
from xianjice.extract.text import read_text


def read_document(path: str | Path) -> Document:
    """Read a file into numbered lines, whatever its kind.

    Parameters
    ----------
    path
        The file to read.

    Returns
    -------
    Document
        Its lines; ``source`` is ``str(path)``.

    Raises
    ------
    xianjice.errors.InputError
        The file is missing, unreadable, empty or of a kind no reader reads.
    """
    return text_document(read_text(path), source=str(path))
