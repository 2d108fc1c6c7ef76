"""The data behind the HTML explorer: one plain dict per view of the graph.

A *view* is what one page shows: ``all`` (the whole knowledge graph),
``units-themes`` (top-level units × themes, edge weight = essays) and
``concepts`` (the concept co-occurrence network, coloured by community).
Each view is a dict of sorted ``nodes`` and ``edges`` plus the essay table
the filters work on; ``pair_counts`` marks a view whose edge value is the
number of essays its two ends share (the page recounts it under a filter); :mod:`graph.html` turns it into a pyvis network and a
page.  Nothing here produces markup: every string stays plain text and is
escaped (JSON-encoded, then shown with ``textContent``) by the page.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

import networkx as nx

from xianjice.graph.analysis.themes import NO_THEME, UNKNOWN_UNIT, essay_themes, org_path, top_unit_label
from xianjice.graph.explorer.matrix import matrix_block

#: Node kinds in legend order: (kind, legend label, vis shape, colour, shown by default).
KINDS = (
    ("essay", "征文 essay", "square", "#4e79a7", True),
    ("organisation", "单位 organisation", "dot", "#f28e2b", True),
    ("person", "作者 person", "triangle", "#59a14f", False),  # a person per essay or two: shown on demand
    ("concept", "概念 concept", "diamond", "#e15759", True),
    ("theme", "主题 theme", "star", "#b07aa1", True),
    ("tier", "奖项 tier", "hexagon", "#d4a017", True),
    ("document", "文件 document", "triangleDown", "#9c755f", True),
    ("book", "汇编 book", "square", "#555555", True),
    ("proposal", "建议 proposal", "dot", "#a0a0a0", False),
)
KIND_STYLE = {k: {"label": lab, "shape": s, "color": c, "on": on} for k, lab, s, c, on in KINDS}
OTHER_STYLE = {"label": "其他 other", "shape": "dot", "color": "#bbbbbb", "on": True}

#: Colours of concept communities (community number modulo its length).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)

#: Readable names of relations, by (relation, direction seen from the node).
REL_LABELS = {
    ("part_of", "out"): "汇编 book", ("part_of", "in"): "征文 essays",
    ("author", "out"): "作者 authors", ("author", "in"): "征文 essays",
    ("unit", "out"): "单位 units", ("unit", "in"): "征文 essays",
    ("sub_organisation_of", "out"): "上级 parent", ("sub_organisation_of", "in"): "下级 sub-units",
    ("member_of", "out"): "单位 units", ("member_of", "in"): "成员 members",
    ("award", "out"): "奖项 tier", ("award", "in"): "征文 essays",
    ("about", "out"): "概念 concepts", ("about", "in"): "讨论 discussed by",
    ("broader", "out"): "主题 theme", ("broader", "in"): "概念 concepts",
    ("cites", "out"): "引用 cites", ("cites", "in"): "被引用 cited by",
    ("proposes", "out"): "建议 proposals", ("proposes", "in"): "征文 essay",
    ("mentions", "out"): "提及 mentions", ("mentions", "in"): "被提及 mentioned by",
    ("editor", "out"): "编辑 editors", ("editor", "in"): "编辑 edited",
    ("co_occurs", "out"): "共现 co-occurs with", ("co_occurs", "in"): "共现 co-occurs with",
}

#: Node attributes shown as fields of the details panel, in order, with their names.
FIELDS = (
    ("label_en", "English"), ("pinyin", "拼音 pinyin"), ("subtitle", "副标题 subtitle"),
    ("page", "页码 page"), ("tier", "奖项等级 tier"), ("top_unit", "所属单位 top-level unit"),
    ("org_kind", "类型 kind"), ("theme", "主题 theme"), ("aliases", "别名 aliases"),
    ("text", "内容 text"), ("isbn", "ISBN"), ("publisher", "出版 publisher"), ("date", "日期 date"),
)

ESSAY_LABEL_CHARS = 10


def style(kind: str) -> dict:
    """Return the legend label, shape, colour and default visibility of a node kind.

    >>> style("concept")["shape"], style("nonsense")["label"]
    ('diamond', '其他 other')
    """
    return KIND_STYLE.get(kind, OTHER_STYLE)


def compact_pinyin(text: str) -> str:
    """Return ``text`` lower-cased with tone marks, spaces and punctuation removed, for search.

    >>> compact_pinyin("Gǒng Běi Hǎi-guān"), compact_pinyin("")
    ('gongbeihaiguan', '')
    """
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def search_key(label: str, pinyin: str = "", *, person: bool = False) -> str:
    """Return the toneless pinyin a node is found by: its ``pinyin`` attribute, else its label read as pinyin.

    Page data only (the graph gains no attribute); the page compacts a query
    the same way, so ``dajianguan`` and ``da jian guan`` find 大监管体系.

    >>> search_key("大监管体系"), search_key("王绍波", "Wáng Shàobō"), search_key("曾文", person=True)
    ('dajianguantixi', 'wangshaobo', 'zengwen')
    """
    if pinyin:
        return compact_pinyin(pinyin)
    from xianjice.graph.ids import syllables

    return compact_pinyin("".join(syllables(label, person=person)))


def short_label(text: str, limit: int = ESSAY_LABEL_CHARS) -> str:
    """Cut a long label for the canvas (the full text is in the tooltip and panel).

    >>> short_label("完善海关系统党组织管理体制"), short_label("短题")
    ('完善海关系统党组织管…', '短题')
    """
    return text if len(text) <= limit else text[:limit] + "…"


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return str(G.nodes[n].get("label") or n)


def display_labels(G: nx.MultiDiGraph) -> dict[str, str]:
    """Return the names of organisations that share their label with another: prefixed with their parents.

    As few parents as make the names of the same-named units differ
    (``黄埔海关 › 缉私局``); other nodes are shown by their label.

    >>> G = nx.MultiDiGraph()
    >>> for n, label in [("o/a", "甲关"), ("o/b", "乙关"), ("o/a/j", "缉私局"), ("o/b/j", "缉私局"), ("o/a/x", "处")]:
    ...     G.add_node(n, kind="organisation", label=label)
    >>> for child, parent in [("o/a/j", "o/a"), ("o/b/j", "o/b"), ("o/a/x", "o/a")]:
    ...     _ = G.add_edge(child, parent, key="sub_organisation_of")
    >>> display_labels(G)
    {'o/a/j': '甲关 › 缉私局', 'o/b/j': '乙关 › 缉私局'}
    """
    groups: dict[str, list[str]] = {}
    for n in sorted(G):
        if G.nodes[n].get("kind") == "organisation":
            groups.setdefault(_label(G, n), []).append(n)
    out = {}
    for same in groups.values():
        if len(same) < 2:
            continue
        paths = {n: [_label(G, p) for p in org_path(G, n)] for n in same}
        longest = max(len(path) for path in paths.values())
        for k in range(2, longest + 1):
            names = {n: " › ".join(path[-k:]) for n, path in paths.items()}
            if len(set(names.values())) == len(names):
                break
        out.update(names)
    return out


def _name(G: nx.MultiDiGraph, n: str, facts: dict) -> str:
    """A node's label as the page lists it (same-named organisations with their parents, see :func:`display_labels`)."""
    return facts["labels"].get(n) or _label(G, n)


def _neighbours(G: nx.MultiDiGraph, n: str) -> Iterable[tuple[str, str, str, dict]]:
    """Yield (relation, direction, other node, edge data) for every edge at ``n``."""
    for _, v, k, d in G.out_edges(n, keys=True, data=True):
        yield str(d.get("rel", k)), "out", v, d
    for u, _, k, d in G.in_edges(n, keys=True, data=True):
        yield str(d.get("rel", k)), "in", u, d


# --- essays and what they belong to --------------------------------------------


def _tier(value) -> int | None:
    """An essay's tier rank (0 = 特等奖), or None when unknown (-1 or missing)."""
    return None if value is None or int(value) < 0 else int(value)


def essay_table(G: nx.MultiDiGraph, *, analysis=None) -> tuple[list[str], list[dict]]:
    """Return the sorted essay ids and, for each, its tier, top-level units and themes.

    ``analysis`` (:func:`xianjice.graph.analysis.result.analyse_graph` of ``G``) saves walking the graph again.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("essay/b/01", kind="essay", label="t", tier=1, top_unit="甲关")
    >>> essay_table(G)
    (['essay/b/01'], [{'tier': 1, 'units': ['甲关'], 'themes': []}])
    """
    ids = sorted(n for n, k in G.nodes(data="kind") if k == "essay")
    themes = essay_themes(G) if analysis is None else analysis.essay_themes
    rows = []
    for e in ids:
        if analysis is not None:
            units = [u for u in analysis.essay_top_units[e] if u != UNKNOWN_UNIT]
        else:
            orgs = sorted(v for _, v, k in G.out_edges(e, keys=True) if k == "unit")
            units = sorted({top_unit_label(G, o) for o in orgs}) or [str(G.nodes[e].get("top_unit") or "")]
        rows.append({
            "tier": _tier(G.nodes[e].get("tier")),
            "units": [u for u in units if u],
            "themes": [t for t in themes.get(e, ()) if t != NO_THEME],
        })
    return ids, rows


def essay_members(G: nx.MultiDiGraph, essay_ids: list[str]) -> dict[str, list[int]]:
    """Return, for every node, the indices (into ``essay_ids``) of the essays it stands for.

    An essay stands for itself; an organisation for the essays of it and of
    its sub-units; a theme for the essays about its concepts; any other node
    for the essays it is linked to.  The filters of the page use this: with a
    filter on, a node stays visible while one of its essays passes.
    """
    index = {e: i for i, e in enumerate(essay_ids)}
    members: dict[str, set[int]] = {n: set() for n in G}
    for e, i in index.items():
        members[e].add(i)
        for rel, _, other, _ in _neighbours(G, e):
            members[other].add(i)
            if rel == "unit" and G.nodes[other].get("kind") == "organisation":
                for org in org_path(G, other):
                    members[org].add(i)
    for n, kind in G.nodes(data="kind"):
        if kind == "concept":
            for _, t, k in G.out_edges(n, keys=True):
                if k == "broader":
                    members[t] |= members[n]
    return {n: sorted(s) for n, s in members.items()}


# --- importance -----------------------------------------------------------------


def node_importance(G: nx.MultiDiGraph) -> dict[str, float]:
    """Return the importance used to pick the most central nodes of a large graph.

    The degree of each node in the undirected simple graph, normalised to
    0…1 (cheap and stable; the page shows the most important nodes first).

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c")])
    >>> node_importance(G)
    {'a': 1.0, 'b': 0.5, 'c': 0.5}
    """
    degree = {n: len((G.succ[n].keys() | G.pred[n].keys()) - {n}) for n in sorted(G)}
    top = max(degree.values(), default=0) or 1
    return {n: round(d / top, 6) for n, d in degree.items()}


def concept_scores(G: nx.MultiDiGraph, *, network: nx.Graph | None = None) -> dict[str, float]:
    """Return each concept's PageRank in the co-occurrence network, scaled so the top is 1.

    The same PageRank as :func:`xianjice.graph.analysis.centrality.concept_centrality` (damping
    0.85, weighted), without its costlier measures; rounded to 6 places.

    >>> G = nx.MultiDiGraph()
    >>> for c in "hab":
    ...     G.add_node(f"concept/{c}", kind="concept", label=c, theme="T")
    >>> for i, leaf in enumerate("ab"):
    ...     G.add_node(f"e{i}", kind="essay")
    ...     _ = G.add_edge(f"e{i}", "concept/h", key="about"); _ = G.add_edge(f"e{i}", f"concept/{leaf}", key="about")
    >>> concept_scores(G)["concept/h"]
    1.0
    """
    from xianjice.graph.analysis.cooccurrence import concept_network

    N = concept_network(G) if network is None else network
    if len(N) == 0:
        return {}
    rank = nx.pagerank(N, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000)
    top = max(rank.values()) or 1
    return {n: round(rank[n] / top, 6) for n in sorted(rank)}


# --- details panel ----------------------------------------------------------------


def _link(G: nx.MultiDiGraph, n: str, text: str | None = None, *, facts: dict | None = None) -> list:
    return [text if text is not None else _name(G, n, facts) if facts else _label(G, n), n]


def details(G: nx.MultiDiGraph, n: str, *, facts: dict | None = None, essays: list[int] | None = None) -> dict:
    """Return what the side panel shows for node ``n``: kind, title, fields and linked lists.

    ``fields`` is a list of ``[name, value]``; ``lists`` a list of
    ``[heading, [[text, node id or None], …]]``.  An essay gets its unit
    paths, authors, tier, concepts with evidence and proposals; an
    organisation its essays per theme and its essays (its sub-units'
    included); a theme or a concept the top-level units that wrote on it,
    with their essays; a concept its centrality and the concepts it
    co-occurs with.  ``facts`` is :func:`view_facts` of ``G`` (computed when
    not given); ``essays`` the indices (into ``facts["essay_ids"]``) of the
    essays the node stands for on its page, when not its
    ``facts["members"]`` (the units × themes page counts a unit's essays by
    the top-level rule).  ``top`` is the number of lists the panel shows
    before the fields (an essay's units, authors and tier).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("essay/b/01", kind="essay", label="题", page=3, subtitle="")
    >>> G.add_node("concept/x", kind="concept", label="大监管体系", theme="监管")
    >>> _ = G.add_edge("essay/b/01", "concept/x", key="about", rel="about", count=2, where="body", first_line=9)
    >>> d = details(G, "essay/b/01")
    >>> d["fields"], d["lists"], d["top"]
    ([['页码 page', '3']], [['概念 concepts', [['大监管体系 — body, 2×, line 9', 'concept/x']]]], 0)
    """
    facts = facts or view_facts(G)
    kind = str(G.nodes[n].get("kind") or "")
    mine = facts["members"].get(n, []) if essays is None else essays
    groups: dict[tuple[str, str], list] = {}
    for rel, way, other, edge in sorted(_neighbours(G, n), key=lambda t: (t[0], t[1], _name(G, t[2], facts), t[2])):
        groups.setdefault((rel, way), []).append((other, edge))
    fields = node_fields(G, n) + count_fields(G, n, facts, essays) + centrality_fields(n, facts)
    lists = org_lists(G, n, facts, essays) if kind == "organisation" else []
    if lists:
        groups.pop(("unit", "in"), None)  # its essays are listed with those of its sub-units
    if kind in ("theme", "concept"):
        lists += unit_lists(mine, facts)
    ordered = sorted(groups.items(), key=lambda kv: _group_order(kind, kv[0]))
    top = sum(1 for key, _ in ordered if kind == "essay" and key in ESSAY_HEAD)
    for (rel, way), items in ordered:
        heading = REL_LABELS.get((rel, way), f"{rel} ({way})")
        if (rel, way) == ("about", "out"):
            items = sorted(items, key=lambda t: (-int(t[1].get("count", 1)), _label(G, t[0]), t[0]))
            entries = [_link(G, o, _evidence(G, o, e)) for o, e in items]
        elif (rel, way) == ("award", "out"):
            entries = [_link(G, o, _tier_text(G, o, e)) for o, e in items]
        elif (rel, way) == ("proposes", "out"):
            items = sorted(items, key=lambda t: (int(G.nodes[t[0]].get("order") or 0), t[0]))
            entries = [_link(G, o, _proposal(G, o)) for o, _ in items]
        elif (rel, way) == ("unit", "out"):  # the unit's path under the root
            entries = [_link(G, o, " › ".join(_label(G, u) for u in org_path(G, o))) for o, _ in items]
        elif rel in ("cites", "mentions") and way == "out":
            entries = [_link(G, o, f"{_name(G, o, facts)} ×{e.get('count', 1)}") for o, e in items]
        else:
            entries = [_link(G, o, facts=facts) for o, _ in items]
        lists.append([heading, entries])
    if kind == "concept":
        lists += co_occurs_lists(G, n, facts)
    return {"kind": kind, "title": _name(G, n, facts), "fields": fields, "lists": lists, "top": top}


#: An essay's lists shown before its fields, in this order: unit paths, authors, tier.
ESSAY_HEAD = (("unit", "out"), ("author", "out"), ("award", "out"))
#: Heading of the top-level units that wrote on a theme or concept.
UNITS_HEADING = "写作单位 units (essays)"
#: Name of a node's essay count field.
COUNT_FIELD = "篇数 essay count"


def unit_counts(essays: Iterable[int], facts: dict) -> list[tuple[str, int]]:
    """Return the top-level units of ``essays`` (indices) with their essays, most first (then by label).

    The units are those of the matrix (:func:`essay_table`); an essay of two
    units counts for both.

    >>> facts = {"essay_rows": [{"units": ["甲"]}, {"units": ["甲", "乙"]}, {"units": ["乙"]}, {"units": ["丙"]}]}
    >>> unit_counts([0, 1, 2], facts)
    [('乙', 2), ('甲', 2)]
    """
    counts: dict[str, int] = {}
    for i in essays:
        for u in facts["essay_rows"][i]["units"]:
            counts[u] = counts.get(u, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def unit_lists(essays: list[int], facts: dict) -> list[list]:
    """Return the section of top-level units that wrote on a theme or concept: ``unit: essays``."""
    pairs = unit_counts(essays, facts)
    nodes = facts.get("unit_nodes", {})
    return [[UNITS_HEADING, [[f"{u}: {c}", nodes.get(u)] for u, c in pairs]]] if pairs else []


def own_and_sub(G: nx.MultiDiGraph, n: str, essays: list[int], facts: dict) -> tuple[int, int]:
    """Return how many of an organisation's ``essays`` name it as their unit, and how many one of its sub-units."""
    ids = facts["essay_ids"]
    own = sum(1 for i in essays if G.has_edge(ids[i], n, key="unit"))
    return own, len(essays) - own


def count_text(G: nx.MultiDiGraph, n: str, essays: list[int], facts: dict) -> str:
    """The essay count of a node as every part of the page says it.

    An organisation: ``N (本级 own a + 下级单位 sub-units' b)``; a theme or
    concept: ``N · 单位 units M`` (top-level units); others: ``N``.
    """
    kind = G.nodes[n].get("kind") if n in G else None
    if kind == "organisation":
        own, sub = own_and_sub(G, n, essays, facts)
        return f"{len(essays)} (本级 own {own} + 下级单位 sub-units' {sub})"
    if kind in ("theme", "concept"):
        return f"{len(essays)} · 单位 units {len(unit_counts(essays, facts))}"
    return str(len(essays))


def count_fields(G: nx.MultiDiGraph, n: str, facts: dict, essays: list[int] | None = None) -> list[list[str]]:
    """Return the ``征文 essays`` field of an organisation, theme or concept (see :func:`count_text`)."""
    if G.nodes[n].get("kind") not in ("organisation", "theme", "concept"):
        return []
    mine = facts["members"].get(n, []) if essays is None else essays
    return [[COUNT_FIELD, count_text(G, n, mine, facts)]] if mine else []


#: Heading of an organisation's essay count per theme.
PER_THEME = "各主题征文 essays per theme"


def org_lists(G: nx.MultiDiGraph, n: str, facts: dict, essays: list[int] | None = None) -> list[list]:
    """Return an organisation's sections: its essays per theme (``theme: n``, most first) and its essays.

    Its essays are those of it and of its sub-units (``facts["org_essays"]``)
    unless ``essays`` gives them, sorted by title; the themes are the
    essays' (:func:`essay_table`).
    """
    mine = facts["org_essays"].get(n, []) if essays is None else essays
    if not mine:
        return []
    rows = facts["essay_rows"]
    counts: dict[str, int] = {}
    for i in mine:
        for t in rows[i]["themes"]:
            counts[t] = counts.get(t, 0) + 1
    themes = facts["theme_nodes"]
    per_theme = [[f"{t}: {c}", themes.get(t)] for t, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    ids = facts["essay_ids"]
    essays = sorted((ids[i] for i in mine), key=lambda e: (_label(G, e), e))
    out = [[PER_THEME, per_theme]] if per_theme else []
    return out + [[REL_LABELS[("unit", "in")], [_link(G, e) for e in essays]]]


def co_occurs(n: str, facts: dict) -> list[tuple[str, int]]:
    """Return the concepts ``n`` co-occurs with and the essays they share, most first (then by label, id)."""
    N = facts["network"]
    if n not in N:
        return []
    pairs = [(m, int(w)) for m, w in N[n].items() for w in [w.get("essays", 1)]]
    return sorted(pairs, key=lambda t: (-t[1], str(N.nodes[t[0]].get("label") or t[0]), t[0]))


def co_occurs_lists(G: nx.MultiDiGraph, n: str, facts: dict) -> list[list]:
    """Return a concept's section of co-occurring concepts, ``label ×essays``."""
    pairs = co_occurs(n, facts)
    heading = REL_LABELS[("co_occurs", "out")]
    return [[heading, [_link(G, m, f"{_label(G, m)} ×{w}") for m, w in pairs]]] if pairs else []


#: Names of a concept's centrality fields.
CENTRALITY_FIELDS = ("PageRank", "加权度 weighted degree", "介数 betweenness", "社区 community")


def centrality_fields(n: str, facts: dict) -> list[list[str]]:
    """Return a concept's centrality fields (from :func:`xianjice.graph.analysis.centrality.concept_centrality` rows in ``facts``).

    >>> facts = {"centrality": {"c": {"pagerank": 0.25, "degree": 3, "betweenness": 0.5, "community": 2}},
    ...          "pagerank_rank": {"c": 1}, "community_themes": {2: "监管"}}
    >>> centrality_fields("c", facts)
    [['PageRank', '0.2500 (#1 / 1)'], ['加权度 weighted degree', '3'], ['介数 betweenness', '0.5000'], ['社区 community', '2: 监管']]
    >>> centrality_fields("x", facts)
    []
    """
    row = facts.get("centrality", {}).get(n)
    if row is None:
        return []
    pagerank, degree, betweenness, community = CENTRALITY_FIELDS
    if row.get("pagerank") is None:  # outside the analysed network
        return [[pagerank, "— 未排名 not ranked: " + ("frame layer" if row.get("frame") else "too few essays")]]
    out = [[pagerank, f"{row['pagerank']:.4f} (#{facts['pagerank_rank'][n]} / {len(facts['pagerank_rank'])})"],
           [degree, f"{row['degree']:g}"], [betweenness, f"{row['betweenness']:.4f}"]]
    if row.get("community") is not None:
        theme = facts["community_themes"].get(row["community"]) or "—"
        out.append([community, f"{row['community']}: {theme}"])
    return out


def _group_order(kind: str, key: tuple[str, str]) -> tuple:
    first = ("unit", "author", "award", "about", "proposes", "cites", "mentions") if kind == "essay" else ()
    rel, way = key
    return (first.index(rel) if rel in first and way == "out" else len(first), rel, way)


def node_fields(G: nx.MultiDiGraph, n: str) -> list[list[str]]:
    """Return the ``[name, value]`` fields the details panel shows for node ``n``.

    The node's own attributes (:data:`FIELDS`, empty ones left out) and, for
    an essay, its source lines.  What the panel lists as linked nodes is
    not repeated as a field: an essay's units (listed with their paths),
    authors and tier, a concept's theme (when it is linked to its theme node).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", kind="person", label="王", pinyin="wang", page=0)
    >>> node_fields(G, "p")
    [['拼音 pinyin', 'wang']]
    """
    data = G.nodes[n]
    kind = str(data.get("kind") or "")
    fields = []
    for key, name in FIELDS:
        value = data.get(key)
        if value in (None, "", 0) or (key == "tier" and kind == "essay"):
            continue
        if key == "top_unit" and kind == "essay" and any(k == "unit" for _, _, k in G.out_edges(n, keys=True)):
            continue  # the first unit of its units' paths
        if key == "theme" and kind == "concept" and any(k == "broader" for _, _, k in G.out_edges(n, keys=True)):
            continue  # listed as its 主题 theme
        fields.append([name, str(value)])
    if kind == "essay":
        fields += _essay_fields(G, n)
    return fields


def _essay_fields(G: nx.MultiDiGraph, n: str) -> list[list[str]]:
    out = []
    first, last = G.nodes[n].get("first_line"), G.nodes[n].get("last_line")
    if first:
        out.append(["出处 source lines", f"{first}–{last or first}"])
    return out


def _evidence(G: nx.MultiDiGraph, concept: str, edge: dict) -> str:
    """An essay's concept as its panel lists it: where, mentions, line, then the matched words and a snippet.

    ``surface``, ``line`` and ``snippet`` are the evidence of the ``about``
    edge when the extraction recorded it (else ``first_line``).

    >>> G = nx.MultiDiGraph(); G.add_node("c", label="风险管理")
    >>> _evidence(G, "c", {"where": "body", "count": 3, "line": 12, "surface": "风险防控、风险管理", "snippet": "加强风险防控"})
    '风险管理 — body, 3×, line 12, 「风险防控、风险管理」: …加强风险防控…'
    """
    parts = [str(edge.get("where") or ""), f"{edge.get('count', 1)}×"]
    line = edge.get("line") or edge.get("first_line")
    if line:
        parts.append(f"line {line}")
    if edge.get("surface"):
        parts.append(f"「{edge['surface']}」")
    text = f"{_label(G, concept)} — " + ", ".join(p for p in parts if p)
    return text + (f": …{edge['snippet']}…" if edge.get("snippet") else "")


def _tier_text(G: nx.MultiDiGraph, tier: str, edge: dict) -> str:
    """An essay's tier with where it comes from (``stated: …`` or ``inferred: …``, the award edge's evidence)."""
    evidence = str(edge.get("evidence") or "")
    return f"{_label(G, tier)} — {evidence}" if evidence else _label(G, tier)


def _proposal(G: nx.MultiDiGraph, p: str) -> str:
    data = G.nodes[p]
    text = str(data.get("text") or data.get("label") or p)
    order = data.get("order")
    return f"{order}. {text}" if order else text


# --- views --------------------------------------------------------------------------


def view_facts(G: nx.MultiDiGraph, *, communities: list[dict] | None = None,
               centrality: list[dict] | None = None, analysis=None) -> dict:
    """Return what several views need, computed once: essay table and members, concept network, scores, centrality,
    the pages' unit × theme matrix (:func:`xianjice.graph.explorer.matrix.matrix_block`).

    Pass it as ``facts=`` to the view functions so that writing the three
    pages walks the graph once, not once per page.  *communities* (of
    :func:`xianjice.graph.analysis.communities.concept_communities`) and *centrality* (rows of
    :func:`xianjice.graph.analysis.centrality.concept_centrality`) are used as given when the
    caller already has them, else computed here; *analysis* (of
    :func:`xianjice.graph.analysis.result.analyse_graph`, a build has it) gives all of them.
    """
    from xianjice.graph.analysis.centrality import concept_centrality
    from xianjice.graph.analysis.communities import concept_communities
    from xianjice.graph.analysis.cooccurrence import concept_network

    ids, rows = essay_table(G, analysis=analysis)
    if analysis is not None:
        N, communities, centrality = analysis.display_network, list(analysis.communities), list(analysis.centrality)
    else:
        N = concept_network(G, min_essays=1, with_frame=True)
    if communities is None:
        communities = concept_communities(G)
    if centrality is None:
        centrality = concept_centrality(G, communities=communities)
    by_id = {r["id"]: r for r in centrality}
    ranked = sorted((c for c in by_id if by_id[c]["pagerank"] is not None), key=lambda c: (-by_id[c]["pagerank"], c))
    top = max((by_id[c]["pagerank"] for c in ranked), default=0.0) or 1.0
    scores = {c: round(by_id[c]["pagerank"] / top, 6) for c in sorted(ranked)}  # PageRank once, in the analysis
    themes: dict[str, str] = {}
    for n in sorted(G):
        if G.nodes[n].get("kind") == "theme":
            themes.setdefault(_label(G, n), n)
    return {"essay_ids": ids, "essay_rows": rows, "members": essay_members(G, ids), "network": N,
            "scores": scores, "communities": communities,
            "centrality": by_id, "pagerank_rank": {c: r for r, c in enumerate(ranked, 1)},
            "community_themes": {c["community"]: community_name(c) for c in communities},
            "org_essays": org_essays(G, ids), "theme_nodes": themes, "labels": display_labels(G),
            "unit_nodes": _top_unit_nodes(G),
            "matrix": matrix_block(G, ids, themes_of=None if analysis is None else analysis.essay_themes,
                                   top_units=None if analysis is None else analysis.essay_top_units)}


def community_name(community: dict) -> str:
    """A community's name as the CLI gives it (:func:`xianjice.graph.analysis.communities.community_name`).

    Its theme when one holds a majority, else ``mixed`` with the theme shares.

    >>> community_name({"themes": {"监管": 2, "风险": 2}})
    'mixed: 监管 50% · 风险 50%'
    """
    from xianjice.graph.analysis.communities import community_name as name_of

    return community.get("name") or name_of(community["themes"])


def org_essays(G: nx.MultiDiGraph, essay_ids: list[str]) -> dict[str, list[int]]:
    """Return, for every organisation with essays, the indices of the essays of it and of its sub-units.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("org/a/b", "org/a", key="sub_organisation_of")
    >>> _ = G.add_edge("e1", "org/a/b", key="unit"); _ = G.add_edge("e2", "org/a", key="mentions")
    >>> org_essays(G, ["e1", "e2"])
    {'org/a': [0], 'org/a/b': [0]}
    """
    out: dict[str, set[int]] = {}
    for i, e in enumerate(essay_ids):
        for _, o, k, d in G.out_edges(e, keys=True, data=True):
            if str(d.get("rel", k)) == "unit":
                for org in org_path(G, o):
                    out.setdefault(org, set()).add(i)
    return {o: sorted(out[o]) for o in sorted(out)}


def _tip(lines: Iterable[str]) -> str:
    """The hover text below the node's kind and label (the page adds those): non-empty lines."""
    return "\n".join(x for x in lines if x)


def whole_view(G: nx.MultiDiGraph, *, facts: dict | None = None) -> dict:
    """Return the ``all`` view: every node of the graph, sized by kind and centrality.

    Edges of :data:`HUB_RELS` (every essay to its book and its tier) are
    marked ``hub``: the page draws them faintly and keeps them out of the
    layout's physics, so the book and tier nodes do not pull every essay into
    one knot.
    """
    facts = facts or view_facts(G)
    importance = node_importance(G)
    concepts = facts["scores"]
    members = facts["members"]
    nodes = []
    for n in sorted(G):
        data = G.nodes[n]
        kind = str(data.get("kind") or "")
        label = _name(G, n, facts)
        n_essays = len(members.get(n, ())) if kind != "essay" else 1
        if kind == "organisation":
            size = 8 + 4 * math.sqrt(n_essays)
        elif kind == "concept":
            size = 8 + 22 * concepts.get(n, 0.0)
        else:
            size = {"book": 22, "theme": 16, "tier": 16, "proposal": 5}.get(kind, 10)
        extra = [str(data.get("subtitle") or ""), str(data.get("pinyin") or ""), str(data.get("label_en") or "")]
        if kind != "essay" and n_essays:
            extra.append(f"{COUNT_FIELD}: {count_text(G, n, members[n], facts)}")
        nodes.append({
            "id": n, "kind": kind, "label": label,
            "short": short_label(label) if kind in ("essay", "book", "proposal", "document") else label,
            "tip": _tip(extra), "size": round(size, 2),
            "importance": importance.get(n, 0.0), "essays": members.get(n, []),
            "theme": label if kind == "theme" else str(data.get("theme") or "") if kind == "concept" else "",
        })
    edges = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda t: (t[0], t[1], str(t[2]))):
        rel = str(d.get("rel", k))
        edge = {"from": u, "to": v, "rel": rel}  # the page titles edges by relation
        if rel in HUB_RELS:
            edge["hub"] = True
            if rel == "award" and d.get("evidence"):
                edge["note"] = [str(d["evidence"])]
        elif rel == "about":  # the evidence the details panel shows
            edge["note"] = [str(d.get("where") or ""), int(d.get("count", 1)),
                            int(d.get("line") or d.get("first_line") or 0)]
            if d.get("surface") or d.get("snippet"):
                edge["note"] += [str(d.get("surface") or ""), str(d.get("snippet") or "")]
        elif rel in ("cites", "mentions"):
            edge["note"] = int(d.get("count", 1))
        edges.append(edge)
    return {"id": "all", "nodes": nodes, "edges": edges}


#: Relations that tie every essay to one node (its book, its award tier): drawn faintly, out of the physics.
HUB_RELS = ("part_of", "award")


def units_themes_view(G: nx.MultiDiGraph, *, facts: dict | None = None) -> dict:
    """Return the ``units-themes`` view: top-level units and themes, edge weight = essays.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", kind="organisation", label="总署"); G.add_node("org/r/a", kind="organisation", label="甲关")
    >>> _ = G.add_edge("org/r/a", "org/r", key="sub_organisation_of")
    >>> G.add_node("theme/t", kind="theme", label="监管"); G.add_node("concept/x", kind="concept", label="x", theme="监管")
    >>> _ = G.add_edge("concept/x", "theme/t", key="broader")
    >>> G.add_node("e1", kind="essay", label="题", tier=1)
    >>> _ = G.add_edge("e1", "org/r/a", key="unit"); _ = G.add_edge("e1", "concept/x", key="about")
    >>> v = units_themes_view(G)
    >>> [(n["id"], n["label"]) for n in v["nodes"]], [(e["from"], e["to"], e["value"]) for e in v["edges"]]
    ([('org/r/a', '甲关'), ('theme/t', '监管')], [('org/r/a', 'theme/t', 1)])
    """
    facts = facts or view_facts(G)
    rows = facts["essay_rows"]
    unit_node = _top_unit_nodes(G)
    theme_node = {}
    for n, d in G.nodes(data=True):
        if d.get("kind") == "theme":
            theme_node.setdefault(_label(G, n), n)
    unit_essays: dict[str, set[int]] = {}
    theme_essays: dict[str, set[int]] = {}
    pair: dict[tuple[str, str], set[int]] = {}
    for i, row in enumerate(rows):
        for u in row["units"]:
            uid = unit_node.get(u, f"unit/{u}")
            unit_essays.setdefault(uid, set()).add(i)
            for t in row["themes"]:
                tid = theme_node.get(t, f"theme-label/{t}")
                theme_essays.setdefault(tid, set()).add(i)
                pair.setdefault((uid, tid), set()).add(i)
    labels = {**{v: k for k, v in unit_node.items()}, **{v: k for k, v in theme_node.items()}}
    nodes = []
    for n, es in sorted({**unit_essays, **theme_essays}.items()):
        kind = "theme" if n in theme_essays else "organisation"
        label = labels.get(n) or n.split("/", 1)[-1]
        counted = sorted(es)
        nodes.append({
            "id": n, "kind": kind, "label": label, "short": label,
            "tip": f"{COUNT_FIELD}: " + (count_text(G, n, counted, facts) if facts and n in G else str(len(es))),
            "size": round(8 + 4 * math.sqrt(len(es)), 2), "importance": len(es), "essays": sorted(es),
            "theme": label if kind == "theme" else "",
        })
    top = max((n["importance"] for n in nodes), default=0) or 1
    for n in nodes:
        n["importance"] = n["importance"] / top
    edges = [
        {"from": u, "to": t, "rel": "essays", "value": len(es),
         "title": f"{labels.get(u, u)} — {labels.get(t, t)}: {len(es)} 篇 essays"}
        for (u, t), es in sorted(pair.items())
    ]
    return {"id": "units-themes", "nodes": nodes, "edges": edges, "pair_counts": True}


def _top_unit_nodes(G: nx.MultiDiGraph) -> dict[str, str]:
    """Map each top-level unit label to its organisation node (the shallowest one of that label)."""
    out: dict[str, tuple] = {}
    for n, d in G.nodes(data=True):
        if d.get("kind") != "organisation":
            continue
        key = (int(d.get("depth") or len(org_path(G, n)) - 1), n)
        label = _label(G, n)
        if label not in out or key < out[label]:
            out[label] = key
    return {label: key[1] for label, key in out.items()}


def concepts_view(G: nx.MultiDiGraph, *, facts: dict | None = None) -> dict:
    """Return the ``concepts`` view: concepts linked by co-occurrence, coloured by community."""
    from xianjice.graph.analysis.communities import community_of

    facts = facts or view_facts(G)
    N = facts["network"]
    found = facts["communities"]
    community = community_of(found)
    scores = facts["scores"]
    members = facts["members"]
    nodes = []
    for n in sorted(N):
        label = _label(G, n)
        c = community.get(n, 0)  # 0: outside the analysed network (frame layer, one essay): grey
        theme = str(N.nodes[n].get("theme") or "")
        nodes.append({
            "id": n, "kind": "concept", "label": label, "short": label,
            "tip": _tip([f"主题 theme: {theme}", f"社区 community {c}: {facts['community_themes'].get(c, '')}",
                         f"{COUNT_FIELD}: {count_text(G, n, members.get(n, []), facts)}"]),
            "size": round(8 + 22 * scores.get(n, 0.0), 2), "importance": scores.get(n, 0.0),
            "color": community_colour(c), "community": c, "essays": members.get(n, []), "theme": theme,
        })
    edges = [
        {"from": u, "to": v, "rel": "co_occurs", "value": int(w),
         "title": f"{_label(G, u)} — {_label(G, v)}: {w} 篇 essays"}
        for u, v, w in sorted(N.edges(data="essays", default=0))
    ]
    legend = [{"community": c["community"], "theme": community_name(c), "size": c["size"]} for c in found]
    return {"id": "concepts", "nodes": nodes, "edges": edges, "communities": legend, "pair_counts": True}


#: Colour of the communities beyond the palette (the smallest ones).
SMALL_COMMUNITY = "#c8c8c8"


def community_colour(number: int) -> str:
    """Return the colour of community ``number`` (numbered from 1, largest first); the smallest are grey.

    >>> community_colour(1), community_colour(11)
    ('#4e79a7', '#c8c8c8')
    """
    return PALETTE[number - 1] if 1 <= number <= len(PALETTE) else SMALL_COMMUNITY


VIEWS = (
    ("all", "全图 Whole graph", "", whole_view),
    ("units-themes", "单位 × 主题 Units × themes", "-units-themes", units_themes_view),
    ("concepts", "概念网络 Concept network", "-concepts", concepts_view),
)
