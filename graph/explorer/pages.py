"""The interactive HTML explorer: self-contained pages generated with pyvis.

:func:`write_html` writes ``graph.html`` (the whole graph) and, next to it,
``graph-units-themes.html`` and ``graph-concepts.html``; each page links to
the others.  Every page is the output of a pyvis ``Network``'s
``generate_html``: its vis-network options are set with ``set_options`` and
the nodes and edges the page shows first (at most ``limit``, the most
central; :func:`xianjice.graph.explorer.data_block.first_view`) are added with ``add_node`` and
``add_edge``, at positions laid out here (:mod:`xianjice.graph.explorer.layout`), and become the
page's first vis DataSets: the page draws them before it reads its data block.  pyvis renders our own
template (:mod:`xianjice.graph.explorer.assets`), because pyvis 0.3.2's template links
Bootstrap from a CDN even with ``cdn_resources="in_line"``; vis-network is
the copy shipped inside pyvis.  Everything else — details, search,
filters, the nodes reached later — is the compact block of
:mod:`xianjice.graph.explorer.data_block` (one object per node and per edge for the whole of a
5,000-essay graph made a page of tens of megabytes).  Every script and
style is inlined: the pages work with no network at all.

Input text reaches the page only as JSON inside ``<script
type="application/json">`` (``<``, ``>``, ``&`` escaped) and is put on screen
with ``textContent``: a title containing ``<script>`` shows as text.  pyvis
is given no ``title`` (it would switch to HTML popups for a title containing
``href``); the page builds the hover titles as text elements.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from xianjice.graph.explorer import assets as html_assets
from xianjice.graph.explorer.data_block import first_view, page_data
from xianjice.graph.explorer.views import VIEWS, view_facts

#: Most nodes a page shows before any search or filter (the most central ones).
DEFAULT_LIMIT = 400


def view_paths(path: str | Path) -> list[Path]:
    """Return the page of every view for the main page ``path`` (the main page first).

    >>> [p.name for p in view_paths("out/graph.html")]
    ['graph.html', 'graph-units-themes.html', 'graph-concepts.html']
    """
    path = Path(path)
    return [path.with_name(f"{path.stem}{suffix}{path.suffix}") for _, _, suffix, _ in VIEWS]


def write_html(G: nx.MultiDiGraph, path: str | Path, *, views: bool = True, limit: int = DEFAULT_LIMIT,
               communities: list[dict] | None = None, centrality: list[dict] | None = None,
               analysis=None) -> list[Path]:
    """Write the explorer page(s) of ``G`` and return their paths.

    Parameters
    ----------
    G
        The knowledge graph (:func:`xianjice.graph.build.build_graph`).
    path
        The main page, e.g. ``exports/graph.html``; the other views are
        written next to it (see :func:`view_paths`).
    views
        Also write the units × themes and concept network pages.
    limit
        At most this many nodes (the most central) are shown before the
        user searches or filters; the rest stay reachable.
    communities
        :func:`xianjice.graph.analysis.communities.concept_communities` of ``G``, when already
        computed (saves computing them again).
    centrality
        :func:`xianjice.graph.analysis.centrality.concept_centrality` rows of ``G`` (with their
        communities), when already computed; the concept panels show them.
    analysis
        :func:`xianjice.graph.analysis.result.analyse_graph` of ``G``, when already computed (a
        build has it): its network, centrality, communities and essay themes are used as they are.

    Returns
    -------
    list of pathlib.Path
        The pages written, the main page first.
    """
    paths = view_paths(path)
    chosen = list(zip(VIEWS, paths))[: len(VIEWS) if views else 1]
    links = [(vid, label, p.name) for (vid, label, _, _), p in chosen]
    facts = view_facts(G, communities=communities, centrality=centrality, analysis=analysis)
    written = []
    for (vid, _, _, make), p in chosen:
        html = render_page(G, make(G, facts=facts), links=links if views else [], limit=limit, facts=facts)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(html, encoding="utf-8", newline="\n")
        written.append(p)
    return written


def render_page(G: nx.MultiDiGraph, view: dict, *, links: list, limit: int = DEFAULT_LIMIT,
                facts: dict | None = None) -> str:
    """Return the HTML of one view (see :mod:`xianjice.graph.explorer.views`) as a string.

    ``links`` lists ``(view id, label, file name)`` of the pages to link to;
    ``facts`` is :func:`xianjice.graph.explorer.views.view_facts` of ``G`` (computed when
    not given).
    """
    facts = facts or view_facts(G)
    data = page_data(G, view, facts=facts, links=links, limit=limit)
    net = network(data, directed=view["id"] == "all", weighted=view["id"] != "all")
    net.templateEnv = _PageTemplates(
        vis_js=html_assets.asset("vis.js"), vis_css=html_assets.asset("vis.css"),
        app_js=html_assets.asset("app.js"), app_css=html_assets.asset("app.css"), xj_data=_json(data),
    )
    net.path = html_assets.TEMPLATE
    net.heading = _heading(G, view)
    return net.generate_html(name="graph.html", local=True, notebook=False)


def network(data: dict, *, directed: bool, weighted: bool):
    """Return the pyvis ``Network`` of a page: the nodes and edges it shows first, and its options.

    ``data`` is the page's :func:`xianjice.graph.explorer.data_block.page_data`; the nodes and
    edges are those of :func:`xianjice.graph.explorer.data_block.first_view`, in its order, made
    as the page script makes the ones it adds later (same ids — an edge is
    ``e<number>`` — labels, shapes, colours, sizes).  No ``title`` is given:
    the page adds hover titles as text.

    >>> data = {"ids": ["a", "b"], "k": [0, 0], "kinds": [{"on": True, "shape": "dot", "color": "#111111"}],
    ...         "l": ["甲", "乙"], "sh": ["", ""], "sz": [10, 12], "order": [1, 0], "limit": 400,
    ...         "edges": [[0, 1, 0]], "hub": [], "hubStyle": {}}
    >>> net = network(data, directed=True, weighted=False)
    >>> net.get_nodes(), net.edges, sorted(net.nodes[0])
    (['b', 'a'], [{'id': 'e0', 'from': 'b', 'to': 'a'}], ['color', 'id', 'label', 'shape', 'size', 'x', 'y'])
    """
    from pyvis.network import Network

    from xianjice.graph.explorer.layout import first_positions

    shown, edges = first_view(data)
    pos = first_positions(shown, edges, hub=set(data["hub"]))
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    ids, kinds, colours = data["ids"], data["kinds"], data.get("col")
    for i in shown:
        kind = kinds[data["k"][i]]
        net.add_node(ids[i], label=data["sh"][i] or data["l"][i], shape=kind["shape"],
                     color=(colours and colours[i]) or kind["color"], size=data["sz"][i],
                     x=pos[i][0], y=pos[i][1])
    hub = set(data["hub"])
    for number, source, target, rel, value in edges:
        extra = {} if value is None else {"value": value}
        if rel in hub:
            extra.update(data["hubStyle"])
        net.add_edge(ids[source], ids[target], id=f"e{number}", **extra)
    for e in net.edges:
        e.pop("arrows", None)  # pyvis marks every edge of a directed network; the options say it once
    # tuned for as many nodes as the page may start with, whichever kinds are on
    net.set_options(_options_json(min(len(ids), data["limit"]), directed=directed, weighted=weighted))
    return net


class _PageTemplates:
    """What pyvis asks of its ``templateEnv``: our page template, rendered with this page's assets and data too."""

    def __init__(self, **page: str):
        self.page = page

    def get_template(self, name: str):
        template = html_assets.template_env().get_template(name)
        return _Bound(template, self.page)


class _Bound:
    """A template with some variables already given; pyvis's ``render(**network)`` supplies the rest."""

    def __init__(self, template, values: dict):
        self.template, self.values = template, values

    def render(self, **variables) -> str:
        return self.template.render(self.values, **variables)


def _options_json(n_nodes: int, *, directed: bool, weighted: bool) -> str:
    """The :func:`layout_options` as the string pyvis's ``set_options`` reads.

    ``set_options`` deletes every space of its string; the only spaces are
    inside strings (the font list), written as ``\\u0020`` they come back.

    >>> import json
    >>> json.loads(_options_json(10, directed=True, weighted=False)) == layout_options(10)
    True
    """
    import json

    text = json.dumps(layout_options(n_nodes, directed=directed, weighted=weighted), sort_keys=True,
                      separators=(",", ":"))
    return text.replace(" ", "\\u0020")


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


def layout_options(n_nodes: int, *, directed: bool = True, weighted: bool = False) -> dict:
    """Return the vis-network options: positions given, physics off at first, a fast solver when switched on.

    The first view's positions come from :mod:`xianjice.graph.explorer.layout`,
    so the page draws at once with physics off.  When the user switches
    physics on, or nodes are revealed, ForceAtlas2 with straight edges and a
    bounded number of iterations takes over (pyvis's defaults — Barnes-Hut,
    1000 stabilisation iterations, smooth edges — took 38 s for 200 nodes in
    headless Chromium).  Edges are hidden while dragging or zooming a large
    view, and labels smaller than 7 px on screen are not drawn.

    >>> o = layout_options(100)
    >>> o["layout"]["randomSeed"], o["physics"]["enabled"], o["physics"]["solver"], o["edges"]["smooth"]
    (1, False, 'forceAtlas2Based', False)
    """
    iterations = 250 if n_nodes <= 300 else 150 if n_nodes <= 1000 else 80
    return {
        "layout": {"randomSeed": 1, "improvedLayout": n_nodes <= 60},
        "physics": {
            "enabled": False,
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
        "nodes": {"borderWidth": 1, "font": {"size": 12, "face": "Noto Sans CJK SC, Noto Sans SC, sans-serif"},
                  "scaling": {"label": {"enabled": True, "drawThreshold": 7, "maxVisible": 22}}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 300,
                        "hideEdgesOnZoom": n_nodes > 300, "keyboard": False},
    }
