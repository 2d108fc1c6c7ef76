"""The data block of an explorer page: one view (:mod:`xianjice.graph.explorer.views`) in a compact, columnar form.

A 5,000-essay graph has tens of thousands of nodes and a few hundred
thousand edges; written as one JSON object per node and per edge, with the
node ids repeated in every edge and a details record per node, its page
took tens of megabytes.  Here every node is a position in the parallel
lists ``ids``, ``k`` (kind), ``l`` (label) … and edges refer to nodes by
position, grouped by source and relation: ``[relation, source, target,
target, …]``.  The details panel of the whole graph is assembled by the page
from those edges (see ``explorer.js``); the side views, whose edges are
derived (essays in common), carry their details lists here.

What the page shows first (:func:`first_view`: at most ``limit`` nodes and
the edges between them) is also handed to pyvis by :mod:`graph.html`, whose
output becomes the page's first vis-network DataSets; this block serves
everything else (details, search, filters, nodes revealed later).

Only plain text and numbers go in; :func:`xianjice.graph.explorer.pages._json` escapes the
result for its ``<script type="application/json">``.
"""

from __future__ import annotations

import networkx as nx

from xianjice.graph.explorer.matrix import OWN
from xianjice.graph.explorer.views import CENTRALITY_FIELDS, COUNT_FIELD, FIELDS, KINDS, PALETTE, PER_THEME, \
    REL_LABELS, SMALL_COMMUNITY, UNITS_HEADING, centrality_fields, co_occurs, community_colour, count_fields, details, \
    node_fields, search_key, style

#: Legend position of each node kind (other kinds follow, by name).
KIND_ORDER = {k: i for i, (k, *_) in enumerate(KINDS)}
#: Longest list of linked nodes one details section carries (the page applies the same cut).
MAX_LIST = 300
#: Names of the fields the panel can show (essay fields after the node attributes).
FIELD_NAMES = [name for _, name in FIELDS] + ["出处 source lines", COUNT_FIELD,
                                              *CENTRALITY_FIELDS]
#: Kinds of the whole graph that start hidden when it has more than this many of them (shown on demand).
ON_DEMAND = {"essay": 150}
#: Most edges a weighted view draws at first: its edge-weight threshold starts at the lowest that keeps to this.
MAX_EDGES = 1200
#: Kinds shown first in the whole graph, whatever their degree: the frame the rest hangs on.
FRAME_KINDS = ("book", "tier", "theme")
#: The view the whole graph points first-time users to, and how.
HINT_VIEW = "units-themes"
HINT = {"text": "初次使用？先看哪些单位写了哪些主题 — New here? Start with",
        "link": "单位 × 主题 Units × themes →"}
#: How the edges of a hub relation (book, tier) are drawn: faint, and left out of the physics.
HUB_EDGE = {"color": {"color": "rgba(170,170,170,0.22)", "highlight": "#888888", "hover": "#888888", "inherit": False},
            "physics": False, "width": 0.5}


def page_data(G: nx.MultiDiGraph, view: dict, *, facts: dict, links: list, limit: int) -> dict:
    """Return everything the page script needs: nodes, edges, filters, legend and (side views) details.

    Parameters
    ----------
    G
        The knowledge graph.
    view
        One view of :mod:`xianjice.graph.explorer.views`.
    facts
        :func:`xianjice.graph.explorer.views.view_facts` of ``G``.
    links
        ``(view id, label, file name)`` of the pages to link to.
    limit
        Most nodes shown before a search or filter.
    """
    nodes = view["nodes"]
    ids = [n["id"] for n in nodes]
    index = {n: i for i, n in enumerate(ids)}
    present = sorted({n["kind"] for n in nodes}, key=lambda k: (KIND_ORDER.get(k, len(KIND_ORDER)), k))
    kind_index = {k: i for i, k in enumerate(present)}
    counts = {k: sum(1 for n in nodes if n["kind"] == k) for k in present}
    kinds = [{"kind": k, **style(k), "count": counts[k]} for k in present]
    for k in kinds:  # a large book: essays on demand (select a unit, theme or concept, or tick the kind)
        if view["id"] == "all" and counts[k["kind"]] > ON_DEMAND.get(k["kind"], counts[k["kind"]]):
            k["on"] = False
    rows, tiers, themes, units = _essays(G, facts)
    data = {
        "view": view["id"],
        "views": [{"id": vid, "label": label, "href": href} for vid, label, href in links],
        "kinds": kinds, "legend": _legend(view, kinds),
        "essays": rows, "tiers": tiers, "themes": themes, "units": units,
        "ids": ids,
        "k": [kind_index[n["kind"]] for n in nodes],
        "l": [n["label"] for n in nodes],
        "sh": [n["short"] if n["short"] != n["label"] else "" for n in nodes],
        "sz": [n["size"] for n in nodes],
        "tip": [n.get("tip", "") for n in nodes],
        "th": [n.get("theme", "") for n in nodes],
        "e": [n.get("essays", []) for n in nodes],
        "order": rank_order(G, view),
        "limit": limit, "total": len(nodes), "maxList": MAX_LIST,
    }
    start = [href for vid, _, href in links if vid == HINT_VIEW]
    if view["id"] == "all" and start:
        data["hint"] = {**HINT, "href": start[0]}
    if view.get("pair_counts"):  # an edge's value is |e[from] ∩ e[to]|: the page recounts it under a filter
        data["pairCounts"] = True
    if any(n.get("color") for n in nodes):
        data["col"] = [n.get("color") or "" for n in nodes]
    py, en, al = [], [], []
    for n, label in zip(ids, data["l"]):
        attrs = G.nodes[n] if n in G else {}
        py.append(search_key(label, str(attrs.get("pinyin") or ""), person=attrs.get("kind") == "person"))
        en.append(str(attrs.get("label_en") or ""))
        al.append(str(attrs.get("aliases") or ""))
    data["py"], data["en"], data["al"] = py, en, al
    # plain labels of the nodes listed by another name (same-named units with their parents): unit paths use them
    data["plain"] = {str(i): str(G.nodes[n].get("label") or n) for i, n in enumerate(ids)
                     if n in G and data["l"][i] != str(G.nodes[n].get("label") or n)}
    data.update(_edges(view, index))
    data["mx"] = {**facts["matrix"], "own": OWN}  # the same on every page: computed once, in the facts
    data["unitNode"] = [index.get(facts["unit_nodes"].get(u, ""), -1) for u in units]
    data["unitsHeading"] = UNITS_HEADING
    if view["id"] == "units-themes":
        data["mxEssays"] = _essay_meta(G, facts)
    if data.get("vals"):
        data["minW"] = edge_threshold(data)
    if view["id"] == "all":
        names = {name: i for i, name in enumerate(FIELD_NAMES)}
        data["fieldNames"] = FIELD_NAMES
        data["f"] = [[[names[f], v] for f, v in node_fields(G, n) + count_fields(G, n, facts) +
                      centrality_fields(n, facts)] for n in ids]
        data["po"] = [_proposal_order(G, n, m["kind"]) for n, m in zip(ids, nodes)]
        data["textField"] = names[dict(FIELDS)["text"]]
        data.update(_whole_lists(facts, index))
    else:
        labels = dict(zip(ids, data["l"]))
        data["details"] = [
            _cap(details(G, n, facts=facts, essays=m.get("essays")), index, labels) if n in G else {
                "kind": m["kind"], "title": m["label"], "fields": [], "lists": [], "top": 0}
            for n, m in zip(ids, nodes)
        ]
    return data


def _essay_meta(G: nx.MultiDiGraph, facts: dict) -> list[list[str]]:
    """Per essay: ``[id, title, tier, unit paths]`` — what a matrix cell lists."""
    from xianjice.graph.analysis.themes import org_path

    out = []
    for e in facts["essay_ids"]:
        tier = next((str(G.nodes[t].get("label") or t) for _, t, k in G.out_edges(e, keys=True) if k == "award"), "")
        units = sorted(" › ".join(str(G.nodes[u].get("label") or u) for u in org_path(G, o))
                       for _, o, k in G.out_edges(e, keys=True) if k == "unit")
        out.append([e, str(G.nodes[e].get("label") or e), tier, "; ".join(units)])
    return out


def edge_threshold(data: dict, *, most: int = MAX_EDGES) -> int:
    """Return the lowest edge weight at which the first view of a weighted view draws at most ``most`` edges.

    >>> data = {"order": [0, 1, 2], "k": [0, 0, 0], "kinds": [{"on": True}], "limit": 5,
    ...         "edges": [[0, 0, 1, 2], [0, 1, 2]], "vals": [[1, 3], [2]]}
    >>> edge_threshold(data, most=2), edge_threshold(data, most=1), edge_threshold(data, most=9)
    (2, 3, 1)
    """
    _, edges = first_view({**data, "minW": 1})
    values = sorted((v for *_, v in edges), reverse=True)
    if len(values) <= most:
        return 1
    return int(values[most - 1]) + 1 if values[most - 1] == values[most] else int(values[most - 1])


def _whole_lists(facts: dict, index: dict[str, int]) -> dict:
    """What the whole graph's panel needs beyond its edges (see :func:`xianjice.graph.explorer.views.details`).

    ``oe``: organisation position → its essays (its sub-units' included) as
    indices into ``essays``; ``ep``: the position of each of ``essays``;
    ``co``: concept position → ``[concept position, essays, …]`` of the
    concepts it co-occurs with, in the panel's order; ``headings`` of those
    sections.
    """
    essay_pos = [index.get(e, -1) for e in facts["essay_ids"]]
    oe = {str(index[o]): es for o, es in facts["org_essays"].items() if o in index}
    co = {}
    for c in sorted(facts["network"]):
        pairs = [x for m, w in co_occurs(c, facts) if m in index for x in (index[m], w)]
        if c in index and pairs:
            co[str(index[c])] = pairs
    headings = {"perTheme": PER_THEME, "essays": REL_LABELS[("unit", "in")], "co": REL_LABELS[("co_occurs", "out")]}
    return {"oe": oe, "ep": essay_pos, "co": co, "headings": headings}


def _essays(G: nx.MultiDiGraph, facts: dict) -> tuple[list, list, list, list]:
    """Return the essay rows ``[tier, [unit index…], [theme index…]]`` and the tier, theme, unit lists."""
    essays = facts["essay_rows"]
    tiers = {}
    for _, d in G.nodes(data=True):
        if d.get("kind") == "tier" and d.get("rank") is not None:
            tiers[int(d["rank"])] = str(d.get("label") or d.get("label_en") or d["rank"])
    for row in essays:
        if row["tier"] is not None:
            tiers.setdefault(row["tier"], str(row["tier"]))
    themes = sorted({t for row in essays for t in row["themes"]})
    units = sorted({u for row in essays for u in row["units"]})
    t_index = {t: i for i, t in enumerate(themes)}
    u_index = {u: i for i, u in enumerate(units)}
    rows = [[row["tier"], [u_index[u] for u in row["units"]], [t_index[t] for t in row["themes"]]] for row in essays]
    return rows, [[rank, tiers[rank]] for rank in sorted(tiers)], themes, units


def _legend(view: dict, kinds: list[dict]) -> list[dict]:
    legend = [{"label": f"{k['label']} ({k['count']})", "shape": k["shape"], "color": k["color"]} for k in kinds]
    if view["id"] == "concepts":
        found = view.get("communities", [])
        legend = [{"label": f"社区 community {c['community']}: {c['theme'] or '—'} ({c['size']})", "shape": "diamond",
                   "color": community_colour(c["community"])} for c in found[: len(PALETTE)]]
        if len(found) > len(PALETTE):
            legend.append({"label": f"其他 {len(found) - len(PALETTE)} smaller communities", "shape": "diamond",
                           "color": SMALL_COMMUNITY})
    return legend


def rank_order(G: nx.MultiDiGraph, view: dict) -> list[int]:
    """Return the positions of the view's nodes, most central first: the order the page fills its default view in.

    In the whole graph the frame comes first — the book, the award tiers,
    the themes and the top-level units (depth 0 or 1) — then the concepts,
    then everything else; within each group the most important first (ties:
    by id).  The other views go by importance alone.

    >>> G = nx.MultiDiGraph()
    >>> nodes = [{"id": "essay/1", "kind": "essay", "importance": 0.9}, {"id": "theme/t", "kind": "theme",
    ...          "importance": 0.1}, {"id": "concept/c", "kind": "concept", "importance": 1.0}]
    >>> rank_order(G, {"id": "all", "nodes": nodes}), rank_order(G, {"id": "concepts", "nodes": nodes})
    ([1, 2, 0], [2, 0, 1])
    """
    def group(n: dict) -> int:
        if view["id"] != "all":
            return 0
        if n["kind"] in FRAME_KINDS:
            return 0
        if n["kind"] == "organisation":
            depth = G.nodes[n["id"]].get("depth") if n["id"] in G else None
            return 1 if depth is not None and int(depth) <= 1 else 3
        return 2 if n["kind"] == "concept" else 3

    nodes = view["nodes"]
    return sorted(range(len(nodes)), key=lambda i: (group(nodes[i]), -nodes[i]["importance"], nodes[i]["id"]))


def _edges(view: dict, index: dict[str, int]) -> dict:
    """Return ``rels``, ``edges`` rows ``[relation, source, target…]`` and what goes with them.

    ``vals`` (weighted views) and ``notes`` (the view's edge ``note``: about
    ``[where, count, line]`` with ``where`` an index into ``wheres``; cites,
    mentions: count) are rows of the same shape, one entry per target;
    ``hub`` lists the relations drawn faintly and left out of the physics.
    """
    rels = sorted({e["rel"] for e in view["edges"]})
    rel_index = {r: i for i, r in enumerate(rels)}
    weighted = any("value" in e for e in view["edges"])
    groups: dict[tuple[int, int], list] = {}
    wheres: dict[str, int] = {}
    noted = False
    for e in view["edges"]:
        u, v, rel = e["from"], e["to"], e["rel"]
        key = (index[u], rel_index[rel])
        note = e.get("note", 0)
        if isinstance(note, list):
            note = [wheres.setdefault(note[0], len(wheres)), *note[1:]]
        noted = noted or note != 0
        groups.setdefault(key, []).append((index[v], e.get("value", 0), note))
    out = {
        "rels": [[r, REL_LABELS.get((r, "out"), f"{r} (out)"), REL_LABELS.get((r, "in"), f"{r} (in)")] for r in rels],
        "edges": [[r, u, *[t for t, _, _ in items]] for (u, r), items in groups.items()],
        "hub": sorted({rel_index[e["rel"]] for e in view["edges"] if e.get("hub")}),
        "hubStyle": HUB_EDGE,
    }
    if weighted:
        out["vals"] = [[w for _, w, _ in items] for items in groups.values()]
    if noted:
        out["notes"] = [[n for _, _, n in items] for items in groups.values()]
        out["wheres"] = sorted(wheres, key=wheres.get)
    return out


def first_view(data: dict) -> tuple[list[int], list[tuple[int, int, int, int, float | None]]]:
    """Return what the page shows before any search or filter: its nodes and the edges between them.

    The same choice as the page script's first ``computeVisible`` and
    ``sync``: the first ``limit`` nodes of ``order`` whose kind is shown by
    default; then, source by source in that order, the edges to shown nodes
    as ``(number, source, target, relation, value)`` — nodes by position,
    edges numbered as the page numbers them (row by row, target by target),
    ``value`` the essay count of a weighted view, else ``None``.

    >>> data = {"order": [2, 0, 1], "k": [0, 1, 0], "kinds": [{"on": True}, {"on": False}], "limit": 5,
    ...         "edges": [[0, 0, 2, 1], [1, 2, 0]], "vals": [[3, 4], [5]]}
    >>> first_view(data)
    ([2, 0], [(2, 2, 0, 1, 5), (0, 0, 2, 0, 3)])
    """
    on = [bool(k.get("on")) for k in data["kinds"]]
    shown = [i for i in data["order"] if on[data["k"][i]]][: data["limit"]]
    visible = set(shown)
    vals = data.get("vals")
    least = data.get("minW", 1)
    out: dict[int, list] = {}
    number = 0
    for r, row in enumerate(data["edges"]):
        rel, source = row[0], row[1]
        for j, target in enumerate(row[2:]):
            if source in visible and target in visible and (not vals or vals[r][j] >= least):
                out.setdefault(source, []).append((number, source, target, rel, vals[r][j] if vals else None))
            number += 1
    return shown, [edge for i in shown for edge in out.get(i, [])]


def _proposal_order(G: nx.MultiDiGraph, n: str, kind: str) -> int:
    """The order of a proposal in its essay (its text is its ``内容 text`` field); 0 for other kinds."""
    return int(G.nodes[n].get("order") or 0) if kind == "proposal" and n in G else 0


def _cap(info: dict, index: dict[str, int], labels: dict[str, str]) -> dict:
    """Compact a details record for the page and cut each list at :data:`MAX_LIST`.

    A list entry becomes the position of its node in the page's ``ids`` when
    its text is the node's label, ``[text, position]`` when the text says
    more, ``[text, -1, node id]`` when the node is not on this page (the page
    links it to the whole graph) and ``[text]`` for no node; a cut list ends
    with how many were left out.

    >>> _cap({"lists": [["h", [["a", "n/a"], ["a — 2×", "n/a"], ["b", "n/b"]]]]}, {"n/a": 0}, {"n/a": "a"})["lists"]
    [['h (3)', [0, ['a — 2×', 0], ['b', -1, 'n/b']]]]
    """
    lists = []
    for heading, entries in info["lists"]:
        total = len(entries)
        out = []
        for text, node in entries[:MAX_LIST]:
            if node in index:
                out.append(index[node] if text == labels.get(node) else [text, index[node]])
            elif node:  # a node of the whole graph only: linked to it there
                out.append([text, -1, node])
            else:
                out.append([text])
        if total > MAX_LIST:
            out.append([f"… {total - MAX_LIST} more"])
        lists.append([f"{heading} ({total})" if total > 1 else heading, out])
    return {**info, "lists": lists}
