"""A first, minimal interactive map of the graph (one pyvis page).

Only used while :mod:`graph.html` (the explorer) is not there; the build
calls :func:`write_html`, which prefers ``graph.html.write_html``.  Labels
and tooltips are plain text: pyvis puts them in the page as JSON with
``<``, ``>``, ``&`` and quotes escaped, and vis-network shows them as text.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import networkx as nx

COLOURS = {
    "book": "#76b7b2",
    "essay": "#4e79a7",
    "organisation": "#f28e2b",
    "person": "#59a14f",
    "tier": "#d4a017",
    "concept": "#e15759",
    "theme": "#b07aa1",
    "document": "#9c755f",
    "proposal": "#bab0ac",
}


def minimal_html(G: nx.MultiDiGraph) -> str:
    r"""Return a pyvis page of ``G`` (scripts from a CDN; deterministic).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/1", kind="tier", label="一等奖</script>", label_en="", pinyin="")
    >>> page = minimal_html(G)
    >>> "一等奖</script>" in page, r"\u003c/script\u003e" in page
    (False, True)
    """
    from pyvis.network import Network

    net = Network(height="900px", width="100%", directed=True, cdn_resources="remote", heading="")
    for n, d in G.nodes(data=True):
        kind = d["kind"]
        label = d["label"] if len(d["label"]) <= 16 else d["label"][:15] + "…"
        title = "\n".join(filter(None, [f"{kind}: {d['label']}", d.get("label_en", ""), d.get("pinyin", ""), n]))
        net.add_node(n, label=label, title=title, color=COLOURS.get(kind, "#888888"), group=kind)
    for u, v, k, _ in G.edges(keys=True, data=True):
        net.add_edge(u, v, title=k, arrows="to")
    net.toggle_physics(True)
    return net.generate_html(name="graph.html", local=False)


def write_html(G: nx.MultiDiGraph, path: str | Path) -> int:
    """Write the HTML map: the explorer's ``graph.html.write_html`` if present, else the minimal page.

    Returns the number of bytes written.
    """
    try:
        explorer = importlib.import_module("graph.html")
    except ModuleNotFoundError as exc:
        if exc.name != "graph.html":
            raise
        explorer = None
    if explorer is not None and hasattr(explorer, "write_html"):
        explorer.write_html(G, path)
        return Path(path).stat().st_size
    data = minimal_html(G).encode("utf-8")
    Path(path).write_bytes(data)
    return len(data)
