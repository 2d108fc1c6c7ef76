"""Plain text tables for the terminal, counting wide (Chinese) characters as two columns."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence


def text_width(text: str) -> int:
    """Return the display width of ``text`` (wide East Asian characters count 2).

    >>> text_width("海关ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(header: Sequence[str], rows: Iterable[Sequence[str]], *, right: Iterable[int] = (),
               rule: bool = False) -> str:
    """Align ``rows`` under ``header`` in columns two spaces apart.

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
    table = [list(header), *(list(r) for r in rows)]
    widths = [max(text_width(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for n, r in enumerate(table):
        cells = []
        for i, cell in enumerate(r):
            pad = " " * (widths[i] - text_width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if rule and n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
