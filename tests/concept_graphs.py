"""Tiny knowledge graphs following the graph model, for the analysis tests."""

from __future__ import annotations

import random

import networkx as nx

ROOT = "org/r"


def tiny_graph(essays, *, themes=None, units=None, tiers=None, shuffle_seed=None) -> nx.MultiDiGraph:
    """A MultiDiGraph with one essay per item of ``essays``.

    ``essays`` maps an essay name to the concept labels it is about (a string
    of one-character labels or a list); ``themes`` maps a concept label to
    its theme (default "T"); ``units`` maps an essay to a unit path under the
    root such as ``("甲关", "一处")``; ``tiers`` an essay to its tier rank
    (default 2).  With ``shuffle_seed``, nodes and edges are inserted in a
    shuffled order.
    """
    themes = themes or {}
    units = units or {}
    tiers = tiers or {}
    nodes: list[tuple[str, dict]] = [(ROOT, {"kind": "organisation", "label": "海关总署", "org_kind": "headquarters"})]
    edges: list[tuple[str, str, str]] = []
    concepts = set()
    orgs = set()
    for e, cs in essays.items():
        nodes.append((f"essay/{e}", {"kind": "essay", "label": e, "tier": tiers.get(e, 2)}))
        for c in cs:
            concepts.add(c)
            edges.append((f"essay/{e}", f"concept/{c}", "about"))
        if e in units:
            path = units[e]
            for depth in range(1, len(path) + 1):
                key = ROOT + "/" + "/".join(path[:depth])
                parent = ROOT + ("/" + "/".join(path[: depth - 1]) if depth > 1 else "")
                if key not in orgs:
                    orgs.add(key)
                    nodes.append((key, {"kind": "organisation", "label": path[depth - 1], "org_kind": "customs"}))
                    edges.append((key, parent, "sub_organisation_of"))
            edges.append((f"essay/{e}", ROOT + "/" + "/".join(path), "unit"))
    for c in concepts:
        nodes.append((f"concept/{c}", {"kind": "concept", "label": c, "theme": themes.get(c, "T")}))
    if shuffle_seed is not None:
        rng = random.Random(shuffle_seed)
        rng.shuffle(nodes)
        rng.shuffle(edges)
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes)
    for u, v, k in edges:
        G.add_edge(u, v, key=k, rel=k)
    return G
