"""Text for the terminal: input shown as text (:func:`visible`), and tables counting wide characters as two columns."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence

#: What a terminal would act on instead of showing: C0 and C1 controls (ESC starts colour, cursor
#: movement, title and clipboard sequences; U+009B is an 8-bit CSI), DEL, the bidirectional
#: overrides and isolates that reorder what is shown (Trojan Source), line and paragraph
#: separators, and lone surrogates (the undecodable bytes of a file name).
_NOT_C0 = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_INVISIBLE = re.compile(f"[\x00-\x1f{_NOT_C0}]")
#: The same less C0 controls, which :mod:`json` escapes itself (a raw one in JSON text is layout).
_INVISIBLE_IN_JSON = re.compile(f"[{_NOT_C0}]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte a file name held that was not UTF-8 (PEP 383)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Return ``text`` with every control character shown as an escape, for the terminal.

    Input text (titles, units, unplaced lines, file names) may hold escape
    sequences that would recolour the terminal, move the cursor, set its
    title or, on some terminals, write to the clipboard; printed through
    this function they show as text: ``\x1b`` for ESC, ``\x0a`` for a line
    break, ``\u202e`` for a right-to-left override, ``\xe9`` for a byte of a
    file name that was not UTF-8; everything else is unchanged.

    >>> print(visible("拱北海关\x1b[31m红\x1b[0m"))
    拱北海关\x1b[31m红\x1b[0m
    >>> print(visible("a\tb\u202ec\x9b2J"), visible("caf\udce9.txt"))
    a\x09b\u202ec\x9b2J caf\xe9.txt
    """
    return _INVISIBLE.sub(_escape, text)


def json_text(value, *, indent: int | None = None) -> str:
    r"""Return ``value`` as JSON, non-ASCII kept, with every character :func:`visible` escapes written ``\uXXXX``.

    The same data as :func:`json.dumps` (any JSON reader gives the same
    strings back), but safe to print: :mod:`json` escapes C0 controls
    itself, not DEL, C1 controls (U+009B acts as CSI), bidirectional
    overrides or lone surrogates (which UTF-8 cannot even encode).

    >>> print(json_text({"t": "a\x1bb\x9b\u202e"}, indent=1))
    {
     "t": "a\u001bb\u009b\u202e"
    }
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _INVISIBLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def text_width(text: str) -> int:
    """Return the display width of ``text`` (wide East Asian characters count 2).

    >>> text_width("海关ab")
    6
    """
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(header: Sequence[str], rows: Iterable[Sequence[str]], *, right: Iterable[int] = (),
               rule: bool = False) -> str:
    """Align ``rows`` under ``header`` in columns two spaces apart, every cell through :func:`visible`.

    Parameters
    ----------
    header
        The column headings.
    rows
        The cells, one sequence of strings per row, as long as ``header``.
    right
        Indexes of the columns to align right (numbers); the others align left.
    rule
        Draw a line of ``-`` under each heading.

    Returns
    -------
    str
        The lines, trailing spaces removed, without a final newline.

    Examples
    --------
    >>> print(text_table(["a", "n"], [["海关", "1"], ["b", "10"]], right=[1]))
    a      n
    海关   1
    b     10
    >>> print(text_table(["unit", "n"], [["拱北海关", "2"]], rule=True))
    unit      n
    --------  -
    拱北海关  2
    """
    right = set(right)
    shown: dict[str, tuple[str, int]] = {}  # cell → (visible text, width): units, tiers, labels repeat

    def show(cell) -> tuple[str, int]:
        cell = str(cell)
        found = shown.get(cell)
        if found is None:
            text = visible(cell)
            found = shown[cell] = (text, text_width(text))
        return found

    table = [[show(c) for c in header], *([show(c) for c in r] for r in rows)]
    widths = [max(r[i][1] for r in table) for i in range(len(header))]
    lines = []
    for n, r in enumerate(table):
        cells = []
        for i, (cell, width) in enumerate(r):
            pad = " " * (widths[i] - width)
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if rule and n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
