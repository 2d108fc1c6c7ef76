"""Where the explorer draws the nodes it shows first: a seeded force layout computed when the page is written.

vis-network draws nothing until its own layout has stabilised, which took
seconds for a few hundred nodes and thousands of edges in headless
Chromium.  Laid out here (networkx's Fruchterman–Reingold, seeded), the
page draws at once with physics off; the user can still switch physics on,
and nodes revealed later are placed by vis-network around the fixed ones.
"""

from __future__ import annotations

import math

import networkx as nx

#: Canvas units per node, roughly: the layout's square is ``SPREAD * sqrt(nodes)`` wide.
SPREAD = 55
#: Layout weight of an edge of a hub relation (an ordinary edge weighs 1 or more).
HUB_WEIGHT = 0.03


def first_positions(shown: list[int], edges: list[tuple], *, hub: set[int] = frozenset(),
                    seed: int = 1) -> dict[int, tuple[float, float]]:
    """Return canvas positions ``{node position: (x, y)}`` of the first view's nodes.

    ``edges`` are :func:`xianjice.graph.explorer.data_block.first_view`'s
    ``(number, source, target, relation, value)``; edges of a ``hub``
    relation (every essay to its book, its tier) weigh little (they keep the hub nearby without pulling every essay into
    one knot); ``value`` (essays) weighs an edge
    by its logarithm.  Deterministic for a given ``seed``; rounded to 0.1.

    >>> pos = first_positions([0, 1, 2], [(0, 0, 1, 0, None), (1, 1, 2, 0, None)])
    >>> sorted(pos), pos == first_positions([0, 1, 2], [(0, 0, 1, 0, None), (1, 1, 2, 0, None)])
    ([0, 1, 2], True)
    """
    if not shown:
        return {}
    H = nx.Graph()
    H.add_nodes_from(shown)
    for _, u, v, rel, value in edges:
        if u == v:
            continue
        w = HUB_WEIGHT if rel in hub else 1.0 + math.log(value) if value else 1.0
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    n = len(H)
    pos = nx.spring_layout(H, seed=seed, weight="weight", iterations=60 if n <= 600 else 35,
                           k=2.5 / math.sqrt(n))
    scale = SPREAD * math.sqrt(n)
    return {i: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for i, (x, y) in pos.items()}
