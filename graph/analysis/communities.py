"""The themes the texts themselves form: Louvain communities of the concept network,
compared with the lexicon's themes.

Louvain (Blondel et al. 2008, as in :func:`networkx.community.louvain_communities`)
groups concepts that are discussed together more often than chance would
have it.  The network's nodes are inserted in sorted order and the seed is
fixed, so the same input always gives the same communities.  A concept no
essay discusses with another forms a community of its own.
"""

from __future__ import annotations

import networkx as nx

from xianjice.graph.analysis.cooccurrence import concept_network
from xianjice.graph.writers.texttable import text_table, visible

#: Louvain resolution (1 = classic modularity).
RESOLUTION = 1.0


def concept_communities(G: nx.MultiDiGraph, *, seed: int = 0, resolution: float = RESOLUTION) -> list[dict]:
    """Return the Louvain communities of the concept network, each compared with the lexicon's themes.

    Parameters
    ----------
    G
        The knowledge graph.
    seed
        Seed of the Louvain method's random node order.
    resolution
        Louvain resolution; above 1 favours smaller communities.

    Returns
    -------
    list of dict
        Largest community first (ties: more essays' worth of internal edge
        weight, then the smallest member id), numbered from 1.  Each has
        ``community``; ``size``; ``concepts`` (labels, by weighted degree
        descending then label); ``ids`` (node ids, same order);
        ``themes`` (lexicon theme → number of members, most first, then by
        label); ``majority_theme`` (the first of those; ties go to the theme
        whose members weigh more in the network); ``purity`` (the majority
        theme's share of the members, rounded to 6 places); ``label`` (the
        majority theme, or "混合 mixed: A / B" when it holds less than half
        or ties, see :func:`theme_label`).

    Examples
    --------
    Two triangles of different themes joined by one weak edge split along
    the themes:

    >>> G = nx.MultiDiGraph()
    >>> groups = {"e1": "abc", "e2": "abc", "e3": "xyz", "e4": "xyz", "e5": "cx"}
    >>> for e, cs in groups.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs:
    ...         G.add_node(f"concept/{c}", kind="concept", label=c, theme="T1" if c in "abc" else "T2")
    ...         _ = G.add_edge(e, f"concept/{c}", key="about")
    >>> [(c["concepts"], c["majority_theme"], c["purity"]) for c in concept_communities(G)]
    [(['c', 'a', 'b'], 'T1', 1.0), (['x', 'y', 'z'], 'T2', 1.0)]
    """
    N = concept_network(G)
    if len(N) == 0:
        return []
    found = nx.community.louvain_communities(N, weight="weight", resolution=resolution, seed=seed)
    strength = dict(N.degree(weight="weight"))

    def internal(members: set) -> int:
        return sum(w for _, _, w in N.subgraph(members).edges(data="weight"))

    ordered = sorted(found, key=lambda m: (-len(m), -internal(m), min(m)))
    out = []
    for i, members in enumerate(ordered, 1):
        ids = sorted(members, key=lambda c: (-strength[c], N.nodes[c]["label"], c))
        themes: dict[str, int] = {}
        weight: dict[str, float] = {}
        for c in ids:
            t = N.nodes[c]["theme"] or ""
            themes[t] = themes.get(t, 0) + 1
            weight[t] = weight.get(t, 0.0) + strength[c]
        # most members first; a tie goes to the theme whose concepts weigh more in the network
        themes = dict(sorted(themes.items(), key=lambda kv: (-kv[1], -weight[kv[0]], kv[0])))
        majority = next(iter(themes))
        purity = round(themes[majority] / len(ids), 6)
        out.append({
            "community": i,
            "size": len(ids),
            "concepts": [N.nodes[c]["label"] for c in ids],
            "ids": ids,
            "themes": themes,
            "majority_theme": majority,
            "purity": purity,
            "label": theme_label(themes, purity),
        })
    return out


def theme_label(themes: dict[str, int], purity: float) -> str:
    """How to name a community by its lexicon themes: the majority theme, or ``混合 mixed: A / B`` when none has half.

    >>> theme_label({"监管": 3, "风险": 1}, 0.75), theme_label({"监管": 2, "风险": 2, "统计": 1}, 0.4)
    ('监管', '混合 mixed: 监管 / 风险')
    """
    names = [t or "-" for t in themes]
    if purity >= 0.5 and (len(themes) == 1 or list(themes.values())[0] > list(themes.values())[1]):
        return names[0]
    return "混合 mixed: " + " / ".join(names[:2])


def community_of(communities: list[dict]) -> dict[str, int]:
    """Return concept id → community number.

    >>> community_of([{"community": 1, "ids": ["concept/a"]}, {"community": 2, "ids": ["concept/b"]}])
    {'concept/a': 1, 'concept/b': 2}
    """
    return {c: com["community"] for com in communities for c in com["ids"]}


def overall_purity(communities: list[dict], *, min_size: int = 2) -> float | None:
    """Return the share of concepts whose lexicon theme is their community's majority theme.

    Only communities of at least ``min_size`` concepts count: a concept never
    discussed together with another is trivially "pure".  1 means the texts
    group the concepts as the lexicon does (or more finely); ``None`` when
    no community is large enough.

    >>> coms = [{"size": 3, "themes": {"A": 2, "B": 1}, "majority_theme": "A"},
    ...         {"size": 1, "themes": {"B": 1}, "majority_theme": "B"}]
    >>> overall_purity(coms), overall_purity(coms, min_size=1)
    (0.666667, 0.75)
    """
    counted = [c for c in communities if c["size"] >= min_size]
    total = sum(c["size"] for c in counted)
    if not total:
        return None
    return round(sum(c["themes"][c["majority_theme"]] for c in counted) / total, 6)


def communities_table(communities: list[dict], *, max_concepts: int = 8) -> str:
    """A plain text table: community, size, majority theme, purity, leading concepts.

    Communities of one concept (discussed with no other) are listed on one
    last line.

    >>> print(communities_table([{"community": 1, "size": 2, "concepts": ["通关", "稽查"],
    ...                           "majority_theme": "监管", "purity": 1.0, "themes": {"监管": 2}},
    ...                          {"community": 2, "size": 1, "concepts": ["舱单"],
    ...                           "majority_theme": "监管", "purity": 1.0, "themes": {"监管": 1}}]))
    #  size  lexicon theme  purity  concepts
    1     2  监管           1.0000  通关、稽查
    Alone (1): 舱单
    """
    alone = [c["concepts"][0] for c in communities if c["size"] == 1]
    rows = []
    for c in communities:
        if c["size"] == 1:
            continue
        names = "、".join(c["concepts"][:max_concepts])
        if len(c["concepts"]) > max_concepts:
            names += f" … (+{len(c['concepts']) - max_concepts})"
        rows.append([str(c["community"]), str(c["size"]), c.get("label") or c["majority_theme"] or "-",
                     f"{c['purity']:.4f}", names])
    table = text_table(["#", "size", "lexicon theme", "purity", "concepts"], rows, right=[0, 1])
    if alone:
        table += f"\nAlone ({len(alone)}): " + visible("、".join(alone))
    return table
