"""CSV: the one writer of every CSV the tool produces, and the node and edge tables.

Every CSV — ``nodes.csv``, ``edges.csv``, ``central.csv``, ``themes.csv``
of a build and the ``--format csv`` output of ``concepts``, ``central``,
``themes`` and ``query`` — goes through :func:`csv_text`, which

* neutralises *CSV injection* as OWASP advises
  (https://owasp.org/www-community/attacks/CSV_Injection): a text cell
  starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
  a leading ``'``, so that Excel, LibreOffice and Google Sheets show it as
  text instead of running it as a formula (``=HYPERLINK(…)`` stays a title);
* keeps numbers numbers: a cell that is an ``int`` or ``float``, or text that
  is exactly a decimal number (``-0.5``, ``+3``, ``1e-3``), is written as it
  is — a number cannot be a formula;
* quotes as RFC 4180 does (only cells holding ``,``, ``"`` or a line break),
  with ``\\n`` line ends.

Files are written by :func:`write_csv` in UTF-8 *with* a byte order mark,
which Excel needs to read UTF-8 (without it Excel on Chinese Windows reads
the file as GBK and shows ``鍏ㄥ浗…``); Python reads them with
``encoding="utf-8-sig"``, pandas and LibreOffice skip the mark by
themselves.  Text printed on stdout has no mark (it is for pipes).

``nodes.csv``: ``id, kind, label, label_en, pinyin`` then every other node
attribute (columns sorted by name, empty where a kind lacks it).
``edges.csv``: ``source, target, rel`` then every other edge attribute.
Rows in the graph's (sorted) order.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import networkx as nx

NODE_COLUMNS = ("id", "kind", "label", "label_en", "pinyin")
EDGE_COLUMNS = ("source", "target", "rel")

#: The UTF-8 byte order mark every CSV file starts with.
BOM = "\ufeff"
#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value) -> str:
    """Return the text of one CSV cell, neutralised against formula injection.

    ``None`` is empty, booleans are ``true``/``false``, numbers stay as they
    are; text starting with ``=``, ``+``, ``-``, ``@``, tab or CR that is not a
    plain number gets a leading ``'``.

    >>> csv_cell('=HYPERLINK("http://x")'), csv_cell("@SUM(A1)"), csv_cell("-1+1"), csv_cell("\\t=1")
    ('\\'=HYPERLINK("http://x")', "'@SUM(A1)", "'-1+1", "'\\t=1")
    >>> csv_cell(-0.5), csv_cell("-0.5"), csv_cell(3), csv_cell(None), csv_cell(True), csv_cell("海关")
    ('-0.5', '-0.5', '3', '', 'true', '海关')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, (int, float)) or not text.startswith(FORMULA_START) or _NUMBER.fullmatch(text):
        return text
    return "'" + text


def csv_text(header: Sequence[str], rows: Iterable[Sequence], *, delimiter: str = ",") -> str:
    """Return ``header`` and ``rows`` as CSV text, every cell through :func:`csv_cell`.

    Parameters
    ----------
    header
        The column names (neutralised too: they may come from the input, as
        theme names do).
    rows
        One sequence of values per row.
    delimiter
        ``,`` for CSV, ``\\t`` for TSV.

    Returns
    -------
    str
        The lines, each ending in ``\\n``; no byte order mark (:func:`write_csv` adds it).

    >>> print(csv_text(["title", "score"], [["=1+2", -0.5], ["a,b", 2]]), end="")
    title,score
    '=1+2,-0.5
    "a,b",2
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", delimiter=delimiter)
    writer.writerow([csv_cell(c) for c in header])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return out.getvalue()


def write_csv(path: str | Path, text: str) -> int:
    """Write CSV ``text`` (from :func:`csv_text`) to ``path`` in UTF-8 with a BOM; return the bytes written."""
    data = (BOM + text).encode("utf-8")
    Path(path).write_bytes(data)
    return len(data)


def _table(head: tuple[str, ...], rows: list[dict]) -> str:
    extra = sorted({k for r in rows for k in r} - set(head))
    columns = (*head, *extra)
    return csv_text(columns, ([r.get(c) for c in columns] for r in rows))


def nodes_csv(G: nx.MultiDiGraph) -> str:
    """Return the node table as CSV text.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/1", kind="tier", label="一等奖", label_en="First prize", pinyin="", rank=1)
    >>> print(nodes_csv(G), end="")
    id,kind,label,label_en,pinyin,rank
    tier/1,tier,一等奖,First prize,,1
    """
    return _table(NODE_COLUMNS, [{"id": n, **d} for n, d in G.nodes(data=True)])


def edges_csv(G: nx.MultiDiGraph) -> str:
    """Return the edge table as CSV text.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("essay/1/01", "tier/1", key="award", rel="award")
    'award'
    >>> print(edges_csv(G), end="")
    source,target,rel
    essay/1/01,tier/1,award
    """
    rows = [{"source": u, "target": v, **d, "rel": k} for u, v, k, d in G.edges(keys=True, data=True)]
    return _table(EDGE_COLUMNS, rows)


def write_tables(G: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, int]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``out_dir``; return their sizes in bytes."""
    return {name: write_csv(Path(out_dir) / name, text)
            for name, text in (("nodes.csv", nodes_csv(G)), ("edges.csv", edges_csv(G)))}
