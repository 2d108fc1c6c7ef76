"""Derived views of who discusses what: the concept co-occurrence network and
the essay–concept graph.

Both are built from the ``essay -about-> concept`` edges of the knowledge
graph (see the graph model); ``proposal -about-> concept`` edges are not
used, since a proposal's concepts are already its essay's.  Nodes and edges
are inserted in sorted order, so every measure computed on these views is
independent of the order of the input.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx


def essay_concepts(G: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Return, for every essay node, the sorted ids of the concepts it is about.

    Essays that discuss no concept map to an empty tuple.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("essay/b/01", kind="essay")
    >>> G.add_node("essay/b/02", kind="essay")
    >>> G.add_node("concept/x", kind="concept")
    >>> _ = G.add_edge("essay/b/01", "concept/x", key="about", rel="about")
    >>> essay_concepts(G)
    {'essay/b/01': ('concept/x',), 'essay/b/02': ()}
    """
    out = {}
    for n in sorted(G.nodes):
        if G.nodes[n].get("kind") != "essay":
            continue
        out[n] = tuple(sorted({
            v for _, v, k in G.out_edges(n, keys=True)
            if k == "about" and G.nodes[v].get("kind") == "concept"
        }))
    return out


def concept_network(G: nx.MultiDiGraph) -> nx.Graph:
    """Return the concept co-occurrence network.

    Parameters
    ----------
    G
        The knowledge graph (:func:`xianjice.graph.build.build_graph`).

    Returns
    -------
    networkx.Graph
        One node per concept that at least one essay is about, with
        attributes ``label``, ``theme`` and ``essays`` (the number of essays
        about it).  Two concepts are linked when an essay discusses both;
        the edge attribute ``weight`` is the number of such essays and
        ``distance`` is ``1 / weight`` (stronger ties are shorter, for
        path-based measures).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for c in "abc":
    ...     G.add_node(f"concept/{c}", kind="concept", label=c, theme="T")
    >>> for e, cs in {"e1": "ab", "e2": "ab", "e3": "bc"}.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs:
    ...         _ = G.add_edge(e, f"concept/{c}", key="about", rel="about")
    >>> N = concept_network(G)
    >>> sorted(N.edges(data="weight"))
    [('concept/a', 'concept/b', 2), ('concept/b', 'concept/c', 1)]
    >>> N.nodes["concept/b"]["essays"]
    3
    """
    by_essay = essay_concepts(G)
    essays: dict[str, int] = {}
    weights: dict[tuple[str, str], int] = {}
    for concepts in by_essay.values():
        for c in concepts:
            essays[c] = essays.get(c, 0) + 1
        for pair in combinations(concepts, 2):
            weights[pair] = weights.get(pair, 0) + 1
    N = nx.Graph()
    for c in sorted(essays):
        data = G.nodes[c]
        N.add_node(c, label=data.get("label", c), theme=data.get("theme", ""), essays=essays[c])
    for (u, v), w in sorted(weights.items()):
        N.add_edge(u, v, weight=w, distance=1.0 / w)
    return N


def essay_concept_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Return the bipartite essay–concept graph.

    Every essay node (``bipartite=0``) and every concept some essay is about
    (``bipartite=1``) is a node; an edge joins an essay to each concept it is
    about, with ``weight`` the number of times the concept occurs in it (the
    ``count`` of the ``about`` edge, 1 when absent).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("e1", kind="essay", label="t")
    >>> G.add_node("concept/a", kind="concept", label="a", theme="T")
    >>> _ = G.add_edge("e1", "concept/a", key="about", rel="about", count=3)
    >>> B = essay_concept_graph(G)
    >>> B.nodes["e1"]["bipartite"], B.nodes["concept/a"]["bipartite"], B.edges["e1", "concept/a"]["weight"]
    (0, 1, 3)
    """
    by_essay = essay_concepts(G)
    B = nx.Graph()
    for e in by_essay:
        B.add_node(e, bipartite=0, label=G.nodes[e].get("label", e))
    for c in sorted({c for cs in by_essay.values() for c in cs}):
        B.add_node(c, bipartite=1, label=G.nodes[c].get("label", c), theme=G.nodes[c].get("theme", ""))
    for e, cs in by_essay.items():
        for c in cs:
            count = G.edges[e, c, "about"].get("count", 1) or 1
            B.add_edge(e, c, weight=count)
    return B
