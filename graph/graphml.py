"""GraphML for Gephi, Cytoscape and yEd, with Chinese labels intact.

networkx writes the file; this module makes the attribute types consistent
(GraphML declares one type per attribute name) and the output deterministic
(nodes and edges in sorted order; edges get ids ``e0``, ``e1`` … in that
order, the relation is in the ``rel`` attribute).
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx


def _typed(attrs_list: list[dict]) -> dict[str, type]:
    """The one type each attribute gets: bool, int, float, else str."""
    types: dict[str, set[type]] = {}
    for attrs in attrs_list:
        for k, v in attrs.items():
            types.setdefault(k, set()).add(type(v))
    out = {}
    for k, ts in types.items():
        if ts == {bool}:
            out[k] = bool
        elif ts <= {int}:
            out[k] = int
        elif ts <= {int, float}:
            out[k] = float
        else:
            out[k] = str
    return out


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attribute values have one type per name.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="essay", page=3)
    >>> G.add_node("b", kind="tier", page="iv")
    >>> H = graphml_graph(G)
    >>> H.nodes["b"]["page"], H.nodes["a"]["page"]
    ('iv', '3')
    """
    node_types = _typed([d for _, d in G.nodes(data=True)])
    edge_types = _typed([d for *_, d in G.edges(keys=True, data=True)])

    def conv(types, attrs):
        return {k: types[k](v) for k, v in sorted(attrs.items()) if v is not None}

    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **conv(node_types, d))
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        H.add_edge(u, v, key=k, **conv(edge_types, d), edge_id=f"e{i}")
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> int:
    """Write ``G`` as GraphML (UTF-8); return the number of bytes written."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(graphml_graph(G), buffer, encoding="utf-8", prettyprint=True, edge_id_from_attribute="edge_id")
    raw = buffer.getvalue()
    Path(path).write_bytes(raw)
    return len(raw)
