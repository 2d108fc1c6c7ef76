"""Node and edge tables (CSV) of the graph, for spreadsheets and pandas.

``nodes.csv``: ``id, kind, label, label_en, pinyin`` then every other node
attribute (columns sorted by name, empty where a kind lacks it).
``edges.csv``: ``source, target, rel`` then every other edge attribute.
UTF-8 without BOM, ``\\n`` line ends, rows in the graph's (sorted) order.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

NODE_COLUMNS = ("id", "kind", "label", "label_en", "pinyin")
EDGE_COLUMNS = ("source", "target", "rel")


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _table(head: tuple[str, ...], rows: list[dict]) -> str:
    extra = sorted({k for r in rows for k in r} - set(head))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*head, *extra])
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in (*head, *extra)])
    return out.getvalue()


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
    sizes = {}
    for name, text in (("nodes.csv", nodes_csv(G)), ("edges.csv", edges_csv(G))):
        data = text.encode("utf-8")
        (Path(out_dir) / name).write_bytes(data)
        sizes[name] = len(data)
    return sizes
