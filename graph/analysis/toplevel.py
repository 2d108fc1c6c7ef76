"""Top-level units and the unit × theme matrix, from plain rows (no networkx).

One rule says which unit an essay counts for at the top level: the level
under the root (a 直属海关, 广东分署, a school), except that headquarters
departments count for the root itself.  :mod:`xianjice.graph.build` and
:mod:`xianjice.graph.analysis.themes` apply it to the graph.  This module imports
nothing heavy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: Kinds of organisation directly under the root that are part of headquarters
#: itself: their essays count for the root as top-level unit (the gazetteer's kinds).
HQ_KINDS = frozenset({"department", "office", "bureau"})
UNKNOWN_UNIT = "(unknown unit)"
NO_THEME = "(no theme)"

Row = tuple[tuple[str, ...], tuple[str, ...]]  # (units the essay counts for, its themes)


def top_level(path: Sequence[str], second_kind: str | None) -> tuple[str, ...]:
    """The path of the top-level unit of a unit path (root first); *second_kind* is the kind of ``path[1]``.

    >>> top_level(("海关总署", "拱北海关", "综合统计处"), "customs")
    ('海关总署', '拱北海关')
    >>> top_level(("海关总署", "办公厅", "秘书处"), "department"), top_level(("海关总署",), None)
    (('海关总署',), ('海关总署',))
    """
    if len(path) < 2 or second_kind in HQ_KINDS:
        return tuple(path[:1])
    return tuple(path[:2])


def theme_matrix(rows: Iterable[Row], *, level: str) -> dict:
    """The unit × theme matrix of essay counts from essay rows (see :func:`xianjice.graph.analysis.themes.unit_theme_matrix`).

    >>> m = theme_matrix([(("甲关",), ("监管",)), (("甲关", "乙关"), ("监管", "税收"))], level="top")
    >>> m["themes"], [(r["unit"], r["essays"], r["themes"]) for r in m["rows"]]
    (['监管', '税收'], [('乙关', 1, {'监管': 1, '税收': 1}), ('甲关', 2, {'监管': 2, '税收': 1})])
    """
    counts: dict[str, dict[str, int]] = {}
    essays: dict[str, int] = {}
    totals: dict[str, int] = {}
    n = 0
    for units, themes in rows:
        n += 1
        for t in themes:
            totals[t] = totals.get(t, 0) + 1
        for unit in units:
            essays[unit] = essays.get(unit, 0) + 1
            row = counts.setdefault(unit, {})
            for t in themes:
                row[t] = row.get(t, 0) + 1
    columns = sorted(totals, key=lambda t: (-totals[t], t))
    return {
        "level": level,
        "themes": columns,
        "rows": [{"unit": u, "essays": essays[u], "themes": {t: counts[u].get(t, 0) for t in columns}}
                 for u in sorted(counts)],
        "totals": {"essays": n, "themes": {t: totals[t] for t in columns}},
    }
