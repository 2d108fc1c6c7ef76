"""The units × themes matrix of the explorer page: per essay, its top-level units, sub-units and themes.

The page counts the cells itself (so that a tier filter recounts them and a
cell lists its essays), from rows made with the very functions of
:func:`xianjice.graph.analysis.themes.unit_theme_matrix` at ``level="top"``:
:func:`~xianjice.graph.analysis.themes.essay_units` and
:func:`~xianjice.graph.analysis.themes.essay_themes`.  Unfiltered, the page's
numbers are therefore those of ``xianjice themes --level top``
(``tests/test_browser.py`` compares them on the seed).

A top-level unit's row expands into its sub-units: the unit one level below
it on each essay's unit path (``本级 own`` when the essay names the top-level
unit itself).
"""

from __future__ import annotations

import networkx as nx

from xianjice.graph.analysis.themes import essay_themes, essay_units, org_path, top_unit_label
from xianjice.graph.analysis.toplevel import top_level

#: Label of the sub-unit row holding the essays that name the top-level unit itself.
OWN = "本级 own"


def top_node(G: nx.MultiDiGraph, org: str) -> tuple[str, str | None]:
    """Return the top-level unit node of ``org`` and the node one level below it on ``org``'s path (or None).

    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("org/r/g", "org/r"), ("org/r/g/s", "org/r/g"), ("org/r/g/s/x", "org/r/g/s")]:
    ...     _ = G.add_edge(u, v, key="sub_organisation_of")
    >>> top_node(G, "org/r/g/s/x"), top_node(G, "org/r/g")
    (('org/r/g', 'org/r/g/s'), ('org/r/g', None))
    """
    path = org_path(G, org)
    top = top_level(path, G.nodes[path[1]].get("org_kind") if len(path) > 1 else None)
    depth = len(top)
    return top[-1], (path[depth] if len(path) > depth else None)


def matrix_block(G: nx.MultiDiGraph, essay_ids: list[str], *, themes_of: dict | None = None,
                 top_units: dict | None = None) -> dict:
    """Return the page's matrix data for the essays ``essay_ids`` (positions as in the page's ``essays``).

    ``themes_of`` (:func:`~xianjice.graph.analysis.themes.essay_themes`) and ``top_units`` (essay →
    ``essay_units(G, e, level="top")``) are used when given (a build's analysis has them), computed else.

    Returns
    -------
    dict
        ``units`` (top-level unit labels, sorted), ``themes`` (theme labels
        in the order of ``unit_theme_matrix``: most essays first), ``unitIds``
        (the organisation node of each unit, ``""`` when none), ``subs``
        (``[label, node id, unit position]`` of every sub-unit, by unit then
        label), ``rows`` (per essay ``[[unit position…], [theme position…],
        [sub position or -1 …]]``: the sub-units follow the units pairwise
        when the essay has one unit node per top-level unit).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", label="总署"); G.add_node("org/r/a", label="甲关"); G.add_node("org/r/a/s", label="一处")
    >>> _ = G.add_edge("org/r/a", "org/r", key="sub_organisation_of")
    >>> _ = G.add_edge("org/r/a/s", "org/r/a", key="sub_organisation_of")
    >>> G.add_node("concept/x", kind="concept", label="x", theme="监管")
    >>> for e, unit in [("e1", "org/r/a/s"), ("e2", "org/r/a")]:
    ...     G.add_node(e, kind="essay"); _ = G.add_edge(e, unit, key="unit"); _ = G.add_edge(e, "concept/x", key="about")
    >>> m = matrix_block(G, ["e1", "e2"])
    >>> m["units"], m["themes"], m["subs"], m["rows"]
    (['甲关'], ['监管'], [['一处', 'org/r/a/s', 0]], [[[0], [0], [0]], [[0], [0], [-1]]])
    """
    themes_of = essay_themes(G) if themes_of is None else themes_of
    top_units = {} if top_units is None else top_units
    per_essay = []
    totals: dict[str, int] = {}
    unit_node: dict[str, str] = {}
    sub_keys: dict[tuple[str, str], str] = {}
    for e in essay_ids:
        units = top_units[e] if e in top_units else essay_units(G, e, level="top")
        themes = themes_of.get(e, ())
        for t in themes:
            totals[t] = totals.get(t, 0) + 1
        subs = set()
        for o in sorted(v for _, v, k in G.out_edges(e, keys=True) if k == "unit"):
            top, sub = top_node(G, o)
            label = top_unit_label(G, o)
            unit_node.setdefault(label, top)
            subs.add((label, sub or ""))
            if sub:
                sub_keys[(label, sub)] = str(G.nodes[sub].get("label") or sub)
        per_essay.append((units, themes, subs))
    units = sorted({u for us, _, _ in per_essay for u in us})
    columns = sorted(totals, key=lambda t: (-totals[t], t))
    u_index = {u: i for i, u in enumerate(units)}
    t_index = {t: i for i, t in enumerate(columns)}
    subs = sorted(sub_keys.items(), key=lambda kv: (u_index.get(kv[0][0], -1), kv[1], kv[0][1]))
    s_index = {key: i for i, (key, _) in enumerate(subs)}
    rows = []
    for us, ts, ss in per_essay:
        rows.append([[u_index[u] for u in us], [t_index[t] for t in ts],
                     sorted(s_index[s] if s[1] else -1 for s in ss if s[0] in u_index)])
    return {
        "units": units, "themes": columns, "unitIds": [unit_node.get(u, "") for u in units],
        "subs": [[label, node, u_index.get(top, -1)] for (top, node), label in subs], "rows": rows,
    }
