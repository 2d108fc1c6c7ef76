"""The interactive HTML explorer: self-contained pages generated with pyvis.

:func:`write_html` writes ``graph.html`` (the whole graph) and, next to it,
``graph-units-themes.html`` and ``graph-concepts.html``; each page links to
the others.  pyvis builds the network data and options; the page is rendered
with our own template (:mod:`graph.html_assets`) through pyvis, because
pyvis 0.3.2's own template links Bootstrap from a CDN even with
``cdn_resources="in_line"``.  Every script and style is inlined: the pages
work with no network at all.

Input text reaches the page only as JSON inside ``<script
type="application/json">`` (``<``, ``>``, ``&`` escaped) and is put on screen
with ``textContent``: a title containing ``<script>`` shows as text.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph import html_assets
from graph.html_views import KINDS, PALETTE, REL_LABELS, SMALL_COMMUNITY, VIEWS, community_colour, compact_pinyin, details, essay_table, style

#: Most nodes a page shows before any search or filter (the most central ones).
DEFAULT_LIMIT = 400
#: Longest list of linked nodes one details section carries.
MAX_LIST = 300


def view_paths(path: str | Path) -> list[Path]:
    """Return the page of every view for the main page ``path`` (the main page first).

    >>> [p.name for p in view_paths("out/graph.html")]
    ['graph.html', 'graph-units-themes.html', 'graph-concepts.html']
    """
    path = Path(path)
    return [path.with_name(f"{path.stem}{suffix}{path.suffix}") for _, _, suffix, _ in VIEWS]


def write_html(G: nx.MultiDiGraph, path: str | Path, *, views: bool = True, limit: int = DEFAULT_LIMIT) -> list[Path]:
    """Write the explorer page(s) of ``G`` and return their paths.

    Parameters
    ----------
    G
        The knowledge graph (:func:`graph.build.build_graph`).
    path
        The main page, e.g. ``exports/graph.html``; the other views are
        written next to it (see :func:`view_paths`).
    views
        Also write the units × themes and concept network pages.
    limit
        At most this many nodes (the most central) are shown before the
        user searches or filters; the rest stay reachable.

    Returns
    -------
    list of pathlib.Path
        The pages written, the main page first.
    """
    paths = view_paths(path)
    chosen = list(zip(VIEWS, paths))[: len(VIEWS) if views else 1]
    links = [(vid, label, p.name) for (vid, label, _, _), p in chosen]
    written = []
    for (vid, _, _, make), p in chosen:
        html = render_page(G, make(G), links=links if views else [], limit=limit)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(html, encoding="utf-8", newline="\n")
        written.append(p)
    return written


def render_page(G: nx.MultiDiGraph, view: dict, *, links: list, limit: int = DEFAULT_LIMIT) -> str:
    """Return the HTML of one view (see :mod:`graph.html_views`) as a string.

    ``links`` lists ``(view id, label, file name)`` of the pages to link to.
    """
    net = _network(view, shown=min(len(view["nodes"]), limit))
    meta = _page_data(G, view, links=links, limit=limit)
    net.templateEnv = html_assets.template_env()
    net.path = html_assets.TEMPLATE
    net.templateEnv.globals.update(
        vis_js=html_assets.asset("vis.js"), vis_css=html_assets.asset("vis.css"),
        app_js=html_assets.asset("app.js"), app_css=html_assets.asset("app.css"), xj_data=_json(meta),
    )
    net.heading = _heading(G, view)
    return net.generate_html(name="graph.html", local=True, notebook=False)


def _json(obj) -> str:
    """JSON for a ``<script type="application/json">``: UTF-8, sorted keys, ``<>&'`` escaped.

    >>> _json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    import json

    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027"))


def _heading(G: nx.MultiDiGraph, view: dict) -> str:
    books = sorted(str(d.get("label") or "") for _, d in G.nodes(data=True) if d.get("kind") == "book")
    label = next(label for vid, label, _, _ in VIEWS if vid == view["id"])
    return " — ".join([label, *books[:1]]) + (f" (+{len(books) - 1})" if len(books) > 1 else "")


def _network(view: dict, *, shown: int):
    """Build the pyvis network of a view: nodes and edges sorted, options tuned to settle fast.

    ``shown`` is the number of nodes the page starts with (the physics is tuned for those).
    """
    from pyvis.network import Network

    directed = view["id"] == "all"
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for n in view["nodes"]:
        s = style(n["kind"])
        net.add_node(
            n["id"], label=n["short"], shape=s["shape"], color=n.get("color") or s["color"],
            size=n["size"], title=n["title"],
        )
    for e in view["edges"]:
        extra = {k: e[k] for k in ("value", "title") if k in e}
        net.add_edge(e["from"], e["to"], rel=e["rel"], **extra)
    for e in net.edges:
        e.pop("arrows", None)  # pyvis marks every edge of a directed network; the options say it once
    net.set_options(_options_json(shown, directed=directed, weighted=view["id"] != "all"))
    return net


def layout_options(n_nodes: int, *, directed: bool = True, weighted: bool = False) -> dict:
    """Return the vis-network options: seeded layout, a fast solver, physics off once settled.

    pyvis's defaults (Barnes-Hut, 1000 stabilisation iterations, dynamic
    smooth edges, physics left on) took 38 s for 200 nodes in headless
    Chromium; ForceAtlas2 with straight edges and a bounded number of
    iterations settles in well under a second for the seed, and the page
    turns physics off when stabilisation ends.

    >>> o = layout_options(100)
    >>> o["layout"]["randomSeed"], o["physics"]["solver"], o["edges"]["smooth"]
    (1, 'forceAtlas2Based', False)
    """
    iterations = 250 if n_nodes <= 300 else 150 if n_nodes <= 1000 else 80
    return {
        "layout": {"randomSeed": 1, "improvedLayout": n_nodes <= 60},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -45, "centralGravity": 0.015, "springLength": 70,
                "springConstant": 0.08, "damping": 0.55, "avoidOverlap": 0.3,
            },
            "maxVelocity": 60, "minVelocity": 2, "timestep": 0.45, "adaptiveTimestep": True,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
        },
        "edges": {
            "smooth": False,
            "color": {"color": "#c4c4c4", "highlight": "#444444", "hover": "#666666", "inherit": False},
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.35}},
            "scaling": {"min": 1, "max": 8} if weighted else {"min": 1, "max": 1},
            "width": 1,
        },
        "nodes": {"borderWidth": 1, "font": {"size": 12, "face": "Noto Sans CJK SC, Noto Sans SC, sans-serif"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 800, "keyboard": False},
    }


def _options_json(n_nodes: int, *, directed: bool, weighted: bool) -> str:
    import json

    # pyvis's set_options strips spaces from the string: the font list must not need them
    options = layout_options(n_nodes, directed=directed, weighted=weighted)
    options["nodes"]["font"]["face"] = "sans-serif"
    return json.dumps(options, sort_keys=True)


def _page_data(G: nx.MultiDiGraph, view: dict, *, links: list, limit: int) -> dict:
    """Everything the page script needs besides vis nodes/edges: search index, filters, details."""
    essay_ids, essays = essay_table(G)
    tiers = {}
    for n, d in G.nodes(data=True):
        if d.get("kind") == "tier" and d.get("rank"):
            tiers[int(d["rank"])] = str(d.get("label") or d.get("label_en") or d["rank"])
    for row in essays:
        if row["tier"]:
            tiers.setdefault(row["tier"], str(row["tier"]))
    nodes = {}
    infos = {}
    ids = [n["id"] for n in view["nodes"]]
    index = {n: i for i, n in enumerate(ids)}
    labels = {n["id"]: n["label"] for n in view["nodes"]}
    for n in view["nodes"]:
        data = G.nodes[n["id"]] if n["id"] in G else {}
        nodes[n["id"]] = {
            "k": n["kind"], "l": n["label"], "py": compact_pinyin(str(data.get("pinyin") or "")),
            "en": str(data.get("label_en") or ""), "e": n.get("essays", []), "th": n.get("theme", ""),
            "imp": n["importance"],
        }
        infos[n["id"]] = _cap(details(G, n["id"]), index, labels) if n["id"] in G else {
            "kind": n["kind"], "title": n["label"], "fields": [], "lists": []}
    present = sorted({n["kind"] for n in view["nodes"]}, key=lambda k: (KIND_ORDER.get(k, len(KIND_ORDER)), k))
    counts = {k: sum(1 for n in view["nodes"] if n["kind"] == k) for k in present}
    kinds = [{"kind": k, **style(k), "count": counts[k]} for k in present]
    legend = [{"label": f"{k['label']} ({k['count']})", "shape": k["shape"], "color": k["color"]} for k in kinds]
    if view["id"] == "concepts":
        found = view.get("communities", [])
        legend = [{"label": f"社区 community {c['community']}: {c['theme'] or '—'} ({c['size']})", "shape": "diamond",
                   "color": community_colour(c["community"])} for c in found[: len(PALETTE)]]
        if len(found) > len(PALETTE):
            legend.append({"label": f"其他 {len(found) - len(PALETTE)} smaller communities", "shape": "diamond",
                           "color": SMALL_COMMUNITY})
    return {
        "view": view["id"],
        "views": [{"id": vid, "label": label, "href": href} for vid, label, href in links],
        "kinds": kinds, "legend": legend,
        "rels": {rel: REL_LABELS.get((rel, "out"), rel) for rel in sorted({e["rel"] for e in view["edges"]})},
        "essays": essays, "essayIds": essay_ids,
        "tiers": [[rank, tiers[rank]] for rank in sorted(tiers)],
        "themes": sorted({t for row in essays for t in row["themes"]}),
        "units": sorted({u for row in essays for u in row["units"]}),
        "ids": ids, "nodes": nodes, "details": infos, "limit": limit, "total": len(view["nodes"]),
    }


#: Legend position of each node kind (other kinds follow, by name).
KIND_ORDER = {k: i for i, (k, *_) in enumerate(KINDS)}


def _cap(info: dict, index: dict[str, int], labels: dict[str, str]) -> dict:
    """Compact a details record for the page and cut each list at :data:`MAX_LIST`.

    A list entry becomes the index of its node in the page's ``ids`` when its
    text is the node's label, ``[text, index]`` when the text says more, and
    ``[text]`` when the node is not on this page; a cut list ends with how
    many were left out.

    >>> _cap({"lists": [["h", [["a", "n/a"], ["a — 2×", "n/a"], ["b", "n/b"]]]]}, {"n/a": 0}, {"n/a": "a"})["lists"]
    [['h (3)', [0, ['a — 2×', 0], ['b']]]]
    """
    lists = []
    for heading, entries in info["lists"]:
        total = len(entries)
        out = []
        for text, node in entries[:MAX_LIST]:
            if node in index:
                out.append(index[node] if text == labels.get(node) else [text, index[node]])
            else:
                out.append([text])
        if total > MAX_LIST:
            out.append([f"… {total - MAX_LIST} more"])
        lists.append([f"{heading} ({total})" if total > 1 else heading, out])
    return {**info, "lists": lists}
