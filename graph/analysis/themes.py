"""The unit × theme matrix: how many essays of each authoring unit discuss each theme.

An essay counts once per theme however many of the theme's concepts it
discusses, and once for each of its units (an essay written jointly by two
units counts for both).  Rows are units — printed as their path under the
root, e.g. ``拱北海关/综合统计处`` — or, with ``level="top"``, top-level units
(the level under the root; essays of headquarters departments count for the
root itself, as in :func:`xianjice.graph.build.build_graph`).  Columns are the themes
of the concepts, most discussed first.
"""

from __future__ import annotations


import networkx as nx

from xianjice.graph.analysis.cooccurrence import essay_concepts
from xianjice.graph.writers.tables import csv_text, write_csv
from xianjice.graph.writers.texttable import json_text, text_table
from xianjice.graph.analysis.toplevel import NO_THEME, UNKNOWN_UNIT, theme_matrix, top_level

LEVELS = ("unit", "top")


def org_path(G: nx.MultiDiGraph, org: str) -> tuple[str, ...]:
    """Return the node ids from the root down to ``org`` (following ``sub_organisation_of``).

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("org/a/b", "org/a", key="sub_organisation_of")
    >>> org_path(G, "org/a/b")
    ('org/a', 'org/a/b')
    """
    path = [org]
    seen = {org}
    while True:
        parents = sorted(v for _, v, k in G.out_edges(path[-1], keys=True) if k == "sub_organisation_of")
        if not parents or parents[0] in seen:
            return tuple(reversed(path))
        seen.add(parents[0])
        path.append(parents[0])


def unit_label(G: nx.MultiDiGraph, org: str) -> str:
    """Return the readable path of a unit under the root, e.g. ``广东分署/政工办``.

    The root itself is named by its own label.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", label="海关总署"); G.add_node("org/r/g", label="广东分署")
    >>> G.add_node("org/r/g/z", label="政工办")
    >>> _ = G.add_edge("org/r/g", "org/r", key="sub_organisation_of")
    >>> _ = G.add_edge("org/r/g/z", "org/r/g", key="sub_organisation_of")
    >>> unit_label(G, "org/r/g/z"), unit_label(G, "org/r")
    ('广东分署/政工办', '海关总署')
    """
    path = org_path(G, org)
    labels = [G.nodes[n].get("label", n) for n in path]
    return "/".join(labels[1:] or labels)


def top_unit_label(G: nx.MultiDiGraph, org: str) -> str:
    """Return the label of the top-level unit ``org`` belongs to.

    The top level is the level under the root; a headquarters department
    (``org_kind`` in :data:`xianjice.graph.analysis.toplevel.HQ_KINDS`) counts for the root.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", label="海关总署"); G.add_node("org/r/b", label="办公厅", org_kind="department")
    >>> G.add_node("org/r/g", label="拱北海关", org_kind="customs"); G.add_node("org/r/g/s", label="统计处")
    >>> for u, v in [("org/r/b", "org/r"), ("org/r/g", "org/r"), ("org/r/g/s", "org/r/g")]:
    ...     _ = G.add_edge(u, v, key="sub_organisation_of")
    >>> top_unit_label(G, "org/r/g/s"), top_unit_label(G, "org/r/b")
    ('拱北海关', '海关总署')
    """
    path = org_path(G, org)
    top = top_level(path, G.nodes[path[1]].get("org_kind") if len(path) > 1 else None)[-1]
    return G.nodes[top].get("label", top)


def essay_units(G: nx.MultiDiGraph, essay: str, *, level: str = "unit") -> tuple[str, ...]:
    """Return the sorted labels of an essay's units (``level="unit"``) or top-level units (``"top"``).

    An essay without a unit edge falls back on its ``top_unit`` attribute at
    the top level, and on ``(unknown unit)`` otherwise.
    """
    _check_level(level)
    orgs = [v for _, v, k in G.out_edges(essay, keys=True) if k == "unit"]
    label = unit_label if level == "unit" else top_unit_label
    units = {label(G, o) for o in orgs}
    if not units:
        units = {(G.nodes[essay].get("top_unit") if level == "top" else "") or UNKNOWN_UNIT}
    return tuple(sorted(units))


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def essay_themes(G: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Return, for every essay, the sorted labels of the themes of the concepts it is about."""
    return {
        e: tuple(sorted({G.nodes[c].get("theme") or NO_THEME for c in cs}))
        for e, cs in essay_concepts(G).items()
    }


def unit_theme_matrix(G: nx.MultiDiGraph, *, level: str = "unit") -> dict:
    """Return the unit × theme matrix of essay counts.

    Parameters
    ----------
    G
        The knowledge graph.
    level
        ``"unit"`` for the units as printed, ``"top"`` to roll them up to
        top-level units.

    Returns
    -------
    dict
        ``level``; ``themes`` (column labels, by total descending then by
        Unicode code point); ``rows``, one per unit (sorted by label), each
        ``{"unit", "essays", "themes": {theme: count}}`` where ``essays`` is
        the number of the unit's essays and the theme counts follow the
        column order; ``totals`` (``essays`` and ``themes`` over all essays,
        each essay once).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", label="总署"); G.add_node("org/r/a", label="甲关"); G.add_node("org/r/a/s", label="一处")
    >>> _ = G.add_edge("org/r/a", "org/r", key="sub_organisation_of")
    >>> _ = G.add_edge("org/r/a/s", "org/r/a", key="sub_organisation_of")
    >>> for c, t in [("x", "监管"), ("y", "监管"), ("z", "税收")]:
    ...     G.add_node(f"concept/{c}", kind="concept", label=c, theme=t)
    >>> for e, unit, cs in [("e1", "org/r/a/s", "xy"), ("e2", "org/r/a", "z")]:
    ...     G.add_node(e, kind="essay")
    ...     _ = G.add_edge(e, unit, key="unit")
    ...     for c in cs:
    ...         _ = G.add_edge(e, f"concept/{c}", key="about")
    >>> m = unit_theme_matrix(G)
    >>> m["themes"], [(r["unit"], r["themes"]) for r in m["rows"]]
    (['监管', '税收'], [('甲关', {'监管': 0, '税收': 1}), ('甲关/一处', {'监管': 1, '税收': 0})])
    >>> [(r["unit"], r["essays"], r["themes"]) for r in unit_theme_matrix(G, level="top")["rows"]]
    [('甲关', 2, {'监管': 1, '税收': 1})]
    """
    _check_level(level)
    rows = ((essay_units(G, e, level=level), themes) for e, themes in essay_themes(G).items())
    return theme_matrix(rows, level=level)


def matrix_csv(matrix: dict) -> str:
    """Render the matrix as CSV: ``unit,essays,<theme>…`` then one line per unit.

    >>> print(matrix_csv({"themes": ["监管"], "rows": [{"unit": "甲关", "essays": 2, "themes": {"监管": 1}}]}), end="")
    unit,essays,监管
    甲关,2,1
    """
    rows = ([row["unit"], row["essays"], *(row["themes"][t] for t in matrix["themes"])] for row in matrix["rows"])
    return csv_text(["unit", "essays", *matrix["themes"]], rows)


def matrix_json(matrix: dict) -> str:
    """Render the matrix as indented JSON (keys in a fixed order, non-ASCII kept)."""
    return json_text(matrix, indent=2)


def matrix_table(matrix: dict) -> str:
    """Render the matrix as a plain text table aligned for CJK text, with a totals line.

    >>> print(matrix_table({"themes": ["监管"], "rows": [{"unit": "甲关", "essays": 2, "themes": {"监管": 1}}],
    ...                     "totals": {"essays": 2, "themes": {"监管": 1}}}))
    unit   essays  监管
    甲关        2     1
    total       2     1
    """
    header = ["unit", "essays", *matrix["themes"]]
    body = [[r["unit"], str(r["essays"]), *(str(r["themes"][t]) for t in matrix["themes"])] for r in matrix["rows"]]
    totals = matrix.get("totals")
    if totals:
        body.append(["total", str(totals["essays"]), *(str(totals["themes"][t]) for t in matrix["themes"])])
    return text_table(header, body, right=range(1, len(header)))


def write_themes_csv(G: nx.MultiDiGraph, path, *, level: str = "unit") -> int:
    """Write ``themes.csv`` (the matrix as :func:`matrix_csv`, UTF-8 with a BOM); return the number of bytes."""
    return write_csv(path, matrix_csv(unit_theme_matrix(G, level=level)))
