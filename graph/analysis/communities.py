"""The themes the texts themselves form: Louvain communities of the concept network,
compared with the lexicon's themes and named honestly.

Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast unfolding of
communities in large networks", *J. Stat. Mech.* P10008; as in
:func:`networkx.community.louvain_communities`) groups concepts that are
discussed together more often than chance would have it.  It runs on the
network of :func:`xianjice.graph.analysis.cooccurrence.concept_network` (the
frame layer and the concepts of too few essays left out) with the links'
association strength as weight, as VOSviewer clusters (Waltman, van Eck &
Noyons 2010): a pair of frequent concepts is not joined merely because both
are frequent.  The network's nodes are inserted in sorted order and the
seed is fixed, so the same input always gives the same communities.  A
concept no essay discusses with another forms a community of its own.

A community is named after a lexicon theme only when that theme holds more
than half of its concepts; otherwise it is ``mixed`` and the name lists the
themes' shares (:func:`community_name`).
"""

from __future__ import annotations

import networkx as nx

from xianjice.graph.analysis.cooccurrence import BODY_WEIGHT, MIN_ESSAYS, TITLE_WEIGHT, concept_network
from xianjice.graph.writers.texttable import text_table, visible

#: Louvain resolution (1 = classic modularity).
RESOLUTION = 1.0
#: Weight Louvain uses: the association strength of a link.
WEIGHT = "association"
#: Themes named in a mixed community's name (the rest are counted).
NAMED_THEMES = 3
#: Name of a community without a majority theme.
MIXED = "mixed"


def concept_communities(G: nx.MultiDiGraph, *, seed: int = 0, resolution: float = RESOLUTION,
                        min_essays: int = MIN_ESSAYS, with_frame: bool = False, title_weight: float = TITLE_WEIGHT,
                        body_weight: float = BODY_WEIGHT) -> list[dict]:
    """Return the Louvain communities of the concept network, each compared with the lexicon's themes.

    Parameters
    ----------
    G
        The knowledge graph.
    seed
        Seed of the Louvain method's random node order.
    resolution
        Louvain resolution; above 1 favours smaller communities.
    min_essays, with_frame, title_weight, body_weight
        The network's concepts and weights, as in
        :func:`xianjice.graph.analysis.cooccurrence.concept_network`.

    Returns
    -------
    list of dict
        See :func:`network_communities`.

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
    >>> [(c["concepts"], c["name"], c["purity"]) for c in concept_communities(G)]
    [(['c', 'a', 'b'], 'T1', 1.0), (['x', 'y', 'z'], 'T2', 1.0)]
    """
    N = concept_network(G, min_essays=min_essays, with_frame=with_frame, title_weight=title_weight,
                        body_weight=body_weight)
    return network_communities(N, seed=seed, resolution=resolution)


def network_communities(N: nx.Graph, *, seed: int = 0, resolution: float = RESOLUTION,
                        weight: str = WEIGHT) -> list[dict]:
    """Louvain communities of a concept network (nodes with ``label`` and ``theme``), named by their themes.

    Returns
    -------
    list of dict
        Largest community first (ties: more internal link weight, then the
        smallest member id), numbered from 1.  Each has ``community``;
        ``size``; ``concepts`` (labels, by weighted degree descending then
        label); ``ids`` (node ids, same order); ``themes`` (lexicon theme →
        number of members, most first; ties go to the theme whose members
        weigh more in the network, then by label); ``theme_shares`` (theme →
        share of the members, 6 places, same order); ``majority_theme`` (the
        first theme: the largest, a majority only when ``purity`` > 0.5);
        ``purity`` (its share); ``name`` (:func:`community_name`) and
        ``label`` (the same, kept for older callers).
    """
    if len(N) == 0:
        return []
    found = nx.community.louvain_communities(N, weight=weight, resolution=resolution, seed=seed)
    strength = dict(N.degree(weight="weight"))

    def internal(members: set) -> float:
        return round(sum(w for _, _, w in N.subgraph(members).edges(data="weight")), 9)

    ordered = sorted(found, key=lambda m: (-len(m), -internal(m), min(m)))
    out = []
    for i, members in enumerate(ordered, 1):
        ids = sorted(members, key=lambda c: (-round(strength[c], 9), N.nodes[c]["label"], c))
        themes: dict[str, int] = {}
        weight_of: dict[str, float] = {}
        for c in ids:
            t = N.nodes[c]["theme"] or ""
            themes[t] = themes.get(t, 0) + 1
            weight_of[t] = weight_of.get(t, 0.0) + strength[c]
        themes = dict(sorted(themes.items(), key=lambda kv: (-kv[1], -round(weight_of[kv[0]], 9), kv[0])))
        majority = next(iter(themes))
        purity = round(themes[majority] / len(ids), 6)
        name = community_name(themes)
        out.append({
            "community": i,
            "size": len(ids),
            "concepts": [N.nodes[c]["label"] for c in ids],
            "ids": ids,
            "themes": themes,
            "theme_shares": {t: round(n / len(ids), 6) for t, n in themes.items()},
            "majority_theme": majority,
            "purity": purity,
            "name": name,
            "label": name,
        })
    return out


def community_name(themes: dict[str, int], *, named: int = NAMED_THEMES) -> str:
    """Name a community by its lexicon themes: the theme holding more than half of it, else ``mixed`` with the shares.

    This is the name the CLI, ``central.csv`` and the explorer's pages show.

    Parameters
    ----------
    themes
        Lexicon theme → number of the community's concepts, largest first
        (the ``themes`` of :func:`network_communities`).
    named
        How many themes a mixed name lists; the others are summed up.

    Returns
    -------
    str
        The majority theme (``-`` for concepts without a theme), or
        ``mixed: A 40% · B 30% · C 20% · +1 more (10%)``.

    Examples
    --------
    >>> community_name({"监管": 3, "风险": 1})
    '监管'
    >>> community_name({"监管": 2, "风险": 2})
    'mixed: 监管 50% · 风险 50%'
    >>> community_name({"监管": 3, "风险": 3, "统计": 2, "税收": 1, "法制": 1})
    'mixed: 监管 30% · 风险 30% · 统计 20% · +2 more (20%)'
    """
    total = sum(themes.values())
    if not total:
        return MIXED
    items = list(themes.items())
    if items[0][1] * 2 > total:
        return items[0][0] or "-"
    parts = [f"{t or '-'} {round(100 * n / total)}%" for t, n in items[:named]]
    rest = items[named:]
    if rest:
        parts.append(f"+{len(rest)} more ({round(100 * sum(n for _, n in rest) / total)}%)")
    return f"{MIXED}: " + " · ".join(parts)


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
    #  size  name (lexicon themes)  purity  concepts
    1     2  监管                   1.0000  通关、稽查
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
        rows.append([str(c["community"]), str(c["size"]), c.get("name") or c["majority_theme"] or "-",
                     f"{c['purity']:.4f}", names])
    table = text_table(["#", "size", "name (lexicon themes)", "purity", "concepts"], rows, right=[0, 1])
    if alone:
        table += f"\nAlone ({len(alone)}): " + visible("、".join(alone))
    return table
