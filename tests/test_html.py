"""Static checks of the explorer pages: self-contained, escaped, deterministic (the heatmap: test_heatmap.py)."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from browser import HREF_SUBTITLE, IMG_NAME, SCRIPT_TITLE, sample_graph, seed_graph
from xianjice.graph.explorer import views as html_views
from xianjice.graph.explorer.pages import layout_options, render_page, view_paths, write_html


class Tags(HTMLParser):
    """Collect start tags with their attributes and the text of each <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    return write_html(sample_graph(), out / "graph.html")


@pytest.fixture(scope="module")
def texts(pages):
    return [p.read_text(encoding="utf-8") for p in pages]


def page_data(html: str) -> dict:
    scripts = {a.get("id"): text for a, text in parse(html).scripts}
    return json.loads(scripts["xj-data"])


def node(data: dict, node_id: str) -> dict:
    """One node of a page's columnar data block as a dict (kind, label, fields …)."""
    i = data["ids"].index(node_id)
    out = {key: data[key][i] for key in ("l", "sh", "sz", "tip", "th", "e", "py", "en", "f", "details") if key in data}
    out["k"] = data["kinds"][data["k"][i]]["kind"]
    if "f" in out:
        out["fields"] = [[data["fieldNames"][f], v] for f, v in out.pop("f")]
    return out


def edges(data: dict) -> list[tuple[str, str, str]]:
    """The page's edges as (source id, relation, target id)."""
    ids, rels = data["ids"], data["rels"]
    return [(ids[row[1]], rels[row[0]][0], ids[t]) for row in data["edges"] for t in row[2:]]


def test_writes_three_linked_views(pages, texts):
    assert [p.name for p in pages] == ["graph.html", "graph-units-themes.html", "graph-concepts.html"]
    for html in texts:
        hrefs = sorted(v["href"] for v in page_data(html)["views"])
        assert hrefs == sorted(p.name for p in pages)


def test_views_false_writes_only_the_main_page(tmp_path):
    written = write_html(sample_graph(), tmp_path / "g.html", views=False)
    assert written == [tmp_path / "g.html"] and sorted(p.name for p in tmp_path.iterdir()) == ["g.html"]
    assert page_data(written[0].read_text(encoding="utf-8"))["views"] == []


@pytest.mark.parametrize("index", [0, 1, 2])
def test_page_is_self_contained(texts, index):
    html = texts[index]
    tags = parse(html)
    assert not [t for t, a in tags.tags if t == "link"]
    assert not [a for t, a in tags.tags if t in ("script", "img", "iframe") and "src" in a]
    assert [a.get("type") for a, text in tags.scripts if not a.get("type")] == [None, None]  # vis + ours
    for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "bootstrap.min", "unpkg.com"):
        assert host not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html
    assert len(re.findall(r"url\((?!data:|['\"]?data:)", html)) == 0  # css only uses data: urls


def test_planted_markup_is_escaped_in_every_page(texts):
    for html in texts:
        assert "<script>window.__pwned" not in html
        assert "<img src=x" not in html
        assert "<a href=\"javascript" not in html
    main = texts[0]
    assert "\\u003cscript\\u003ewindow.__pwned" in main
    data = page_data(main)
    assert node(data, "essay/b/03")["l"] == SCRIPT_TITLE
    assert node(data, "person/evil")["l"] == IMG_NAME
    assert ["副标题 subtitle", HREF_SUBTITLE] in node(data, "essay/b/02")["fields"]


def test_hover_titles_are_plain_text(texts):
    """pyvis switches to an innerHTML popup when a title contains "href"; our template has none."""
    html = texts[0]
    assert node(page_data(html), "essay/b/02")["tip"].startswith(HREF_SUBTITLE)
    assert "innerHTML" not in html.split("id=\"xj-data\"")[1]  # our script never writes markup
    assert "popup.innerHTML" not in html


def test_same_graph_gives_byte_identical_pages(tmp_path):
    G = sample_graph()
    H = nx.MultiDiGraph()  # same graph, inserted in reverse order
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    a = write_html(G, tmp_path / "a" / "graph.html")
    b = write_html(H, tmp_path / "b" / "graph.html")
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in a] == \
        [hashlib.sha256(p.read_bytes()).hexdigest() for p in b]


def test_layout_is_seeded_and_physics_bounded(texts):
    for html in texts:
        options = json.loads({a.get("id"): t for a, t in parse(html).scripts}["xj-options"])
        assert options["layout"]["randomSeed"] == 1
        assert options["edges"]["smooth"] is False
        assert options["physics"]["solver"] == "forceAtlas2Based"
        assert 0 < options["physics"]["stabilization"]["iterations"] <= 300
    assert layout_options(5000)["physics"]["stabilization"]["iterations"] < layout_options(50)[
        "physics"]["stabilization"]["iterations"]


def test_node_kinds_have_distinct_colour_and_shape():
    styles = [(s, c) for _, _, s, c, _ in html_views.KINDS]
    assert len(set(styles)) == len(styles)
    assert {k for k, *_ in html_views.KINDS} >= {"essay", "organisation", "person", "concept", "theme", "tier",
                                                  "document"}


def test_essay_details_hold_what_the_panel_shows():
    d = html_views.details(sample_graph(), "essay/b/01")
    fields = dict(d["fields"])
    assert fields["页码 page"] == "5" and fields["出处 source lines"] == "101–102"
    lists = dict((h, items) for h, items in d["lists"])
    assert lists["作者 authors"] == [["王绍波", "person/wang"]]
    assert lists["奖项 tier"] == [["一等奖 — stated: results list, line 11", "tier/1"]]  # with its source
    assert lists["单位 units"] == [["海关总署 › 北京海关", "org/hq/bj"]]  # its path, once
    # concepts by mentions, most first
    assert lists["概念 concepts"] == [["风险管理 — title+body, 3×, line 111", "concept/feng-xian"],
                                   ["大监管体系 — title+body, 2×, line 111", "concept/da-jian-guan"]]
    assert lists["建议 proposals"] == [["1. 建立大监管体系的协调机制", "proposal/b/01/1"]]
    # unit path, authors, tier before the fields (page), then concepts, then proposals
    headings = [h for h, _ in d["lists"]]
    assert d["top"] == 3 and headings[:5] == ["单位 units", "作者 authors", "奖项 tier", "概念 concepts", "建议 proposals"]
    inferred = dict(html_views.details(sample_graph(), "essay/b/03")["lists"])["奖项 tier"]
    assert inferred == [["二等奖 — inferred: preface counts 一等奖 2, 二等奖 1", "tier/2"]]


def test_essay_concepts_show_matched_words_and_snippet_when_the_edge_has_them():
    """The evidence h6 adds to ``about`` edges: ``surface`` (matched forms), ``line``, ``snippet``."""
    G = sample_graph()
    G.edges["essay/b/01", "concept/feng-xian", "about"].update(surface="风险防控、风险管理", line=130,
                                                               snippet="建立<b>风险防控</b>机制")
    concepts = dict(html_views.details(G, "essay/b/01")["lists"])["概念 concepts"]
    assert concepts[0] == ["风险管理 — title+body, 3×, line 130, 「风险防控、风险管理」: …建立<b>风险防控</b>机制…",
                           "concept/feng-xian"]
    data = page_data(render_page(G, html_views.whole_view(G), links=[]))
    assert ["风险防控、风险管理", "建立<b>风险防控</b>机制"] in [n[3:] for row in data["notes"] for n in row
                                                   if isinstance(n, list) and len(n) > 3]


def test_one_essay_count_everywhere_on_the_units_themes_page():
    """Tooltip, panel field, edges and matrix agree on a unit's essays (the top-level count, own and sub-units')."""
    from xianjice.graph.analysis.themes import unit_theme_matrix

    G = seed_graph()
    facts = html_views.view_facts(G)
    view = html_views.units_themes_view(G, facts=facts)
    matrix = {r["unit"]: r for r in unit_theme_matrix(G, level="top")["rows"]}
    units = [n for n in view["nodes"] if n["kind"] == "organisation"]
    assert units
    for n in units:
        row = matrix[n["label"]]
        assert n["tip"].startswith(f"{html_views.COUNT_FIELD}: {row['essays']} (本级 own ")
        fields = dict(html_views.details(G, n["id"], facts=facts, essays=n["essays"])["fields"])
        assert fields[html_views.COUNT_FIELD] == n["tip"].split(": ", 1)[1]
        own, sub = (int(x) for x in re.findall(r"own (\d+) \+ 下级单位 sub-units' (\d+)", n["tip"])[0])
        assert own + sub == row["essays"]
        edges = {e["to"]: e["value"] for e in view["edges"] if e["from"] == n["id"]}
        labels = {t["id"]: t["label"] for t in view["nodes"] if t["kind"] == "theme"}
        assert {labels[t]: v for t, v in edges.items()} == {t: v for t, v in row["themes"].items()
                                                             if v and t in labels.values()}
    # a theme's panel lists the units that wrote on it, with the matrix's counts
    theme = next(n for n in view["nodes"] if n["kind"] == "theme")
    lists = dict(html_views.details(G, theme["id"], facts=facts, essays=theme["essays"])["lists"])
    got = {text.rsplit(": ", 1)[0]: int(text.rsplit(": ", 1)[1]) for text, _ in lists[html_views.UNITS_HEADING]}
    assert got == {u: r["themes"][theme["label"]] for u, r in matrix.items() if r["themes"].get(theme["label"])}


def test_matrix_block_counts_equal_themes_level_top():
    from xianjice.graph.analysis.themes import unit_theme_matrix
    from xianjice.graph.explorer.matrix import matrix_block

    G = seed_graph()
    ids, _ = html_views.essay_table(G)
    m = matrix_block(G, ids)
    want = unit_theme_matrix(G, level="top")
    assert m["themes"] == want["themes"] and m["units"] == [r["unit"] for r in want["rows"]]
    for u, row in enumerate(want["rows"]):
        mine = [r for r in m["rows"] if u in r[0]]
        assert len(mine) == row["essays"]
        assert {t: sum(1 for r in mine if j in r[1]) for j, t in enumerate(m["themes"])} == row["themes"]
        # the sub-unit rows and the unit's own essays add up to the unit's essays
        subs = {s for r in mine for s in r[2]}
        assert sum(1 for r in mine if any(s in r[2] for s in subs)) == row["essays"]
    assert any(s[2] >= 0 for s in m["subs"])


def test_community_names_say_mixed_as_the_cli_does():
    from xianjice.graph.analysis.communities import concept_communities

    G = seed_graph()
    found = concept_communities(G)
    view = html_views.concepts_view(G)
    names = [c["theme"] for c in view["communities"]]
    assert names == [c["name"] for c in found]  # the CLI's names (communities.community_name), one rule
    for name, c in zip(names, found):
        assert name.startswith("mixed: ") == (c["purity"] <= 0.5), name


def test_organisations_count_essays_of_their_sub_units():
    G = sample_graph()
    view = html_views.whole_view(G)
    by_id = {n["id"]: n for n in view["nodes"]}
    ids, _ = html_views.essay_table(G)
    assert [ids[i] for i in by_id["org/hq/gb"]["essays"]] == ["essay/b/02"]
    assert len(by_id["org/hq"]["essays"]) == 3
    assert by_id["org/hq"]["size"] > by_id["org/hq/gb"]["size"] > by_id["org/hq/bj"]["size"] - 1


def test_units_themes_view_weights_edges_by_essays():
    view = html_views.units_themes_view(sample_graph())
    assert {n["kind"] for n in view["nodes"]} == {"organisation", "theme"}
    weights = {(e["from"], e["to"]): e["value"] for e in view["edges"]}
    assert weights == {("org/hq/bj", "theme/jian-guan"): 1, ("org/hq/gb", "theme/dui-wu"): 1,
                       ("org/hq/sh", "theme/dui-wu"): 1, ("org/hq/sh", "theme/jian-guan"): 1}


def test_concept_view_links_co_occurring_concepts_and_colours_communities():
    view = html_views.concepts_view(sample_graph())
    assert {(e["from"], e["to"]): e["value"] for e in view["edges"]} == {
        ("concept/da-jian-guan", "concept/feng-xian"): 1, ("concept/feng-xian", "concept/tong-ji"): 1}
    assert all(n["color"] == html_views.community_colour(n["community"]) for n in view["nodes"])


def test_large_graph_shows_the_most_central_part_first(tmp_path):
    G = nx.MultiDiGraph()
    for i in range(30):
        G.add_node(f"person/{i:02d}", kind="person", label=f"人{i}", label_en="", pinyin="")
    G.add_node("org/hub", kind="organisation", label="枢纽", label_en="", pinyin="shu niu")
    for i in range(30):
        G.add_edge(f"person/{i:02d}", "org/hub", key="member_of", rel="member_of")
    html = render_page(G, html_views.whole_view(G), links=[], limit=10)
    data = page_data(html)
    assert data["limit"] == 10 and data["total"] == 31
    assert data["l"][data["order"][0]] == "枢纽"


def test_seed_pages(tmp_path):
    G = seed_graph()
    pages = write_html(G, tmp_path / "graph.html")
    data = page_data(pages[0].read_text(encoding="utf-8"))
    hits = [i for i, label in zip(data["ids"], data["l"]) if label == "大监管体系"]
    assert hits and node(data, hits[0])["k"] == "concept"
    assert data["total"] == G.number_of_nodes()
    assert len(data["essays"]) == sum(1 for _, k in G.nodes(data="kind") if k == "essay")
    assert view_paths(tmp_path / "graph.html") == pages


def test_edges_are_node_positions_grouped_by_source():
    G = sample_graph()
    data = page_data(render_page(G, html_views.whole_view(G), links=[]))
    assert sorted(edges(data)) == sorted((u, d["rel"], v) for u, v, d in G.edges(data=True))
    assert all(isinstance(x, int) for row in data["edges"] for x in row)
    hubs = {data["rels"][i][0] for i in data["hub"]}
    assert hubs == {"part_of", "award"}  # drawn faintly, out of the physics
    notes = {(data["ids"][row[1]], data["ids"][t]): n for row, ns in zip(data["edges"], data["notes"])
             for t, n in zip(row[2:], ns)}
    where, count, line = notes[("essay/b/01", "concept/da-jian-guan")]
    assert (data["wheres"][where], count, line) == ("title+body", 2, 111)
    assert notes[("essay/b/01", "doc/haiguanfa")] == 2


def test_side_views_carry_their_details_and_the_whole_graph_its_fields():
    G = sample_graph()
    whole = page_data(render_page(G, html_views.whole_view(G), links=[]))
    assert "details" not in whole and node(whole, "essay/b/01")["fields"] == html_views.details(G, "essay/b/01")[
        "fields"]
    side = page_data(render_page(G, html_views.concepts_view(G), links=[]))
    i = side["ids"].index("concept/feng-xian")
    assert side["details"][i]["title"] == "风险管理"
    # not nodes of this page: linked to the whole graph's (#node=…)
    assert dict(side["details"][i]["lists"])["讨论 discussed by (3)"] == [
        [SCRIPT_TITLE, -1, "essay/b/03"], ["建议3", -1, "proposal/b/03/1"], ["构建大监管体系的思考", -1, "essay/b/01"]]


def test_large_graph_page_is_compact_and_starts_with_its_frame():
    from browser import synthetic_graph

    G = synthetic_graph(300)
    html = render_page(G, html_views.whole_view(G), links=[], limit=60)
    data = page_data(html)
    kinds = [data["kinds"][data["k"][i]]["kind"] for i in data["order"]]
    frame = 1 + 3 + 10 + 13  # book, tiers, themes, the top two levels of units
    assert sorted(kinds[:14]) == sorted(["book"] + ["tier"] * 3 + ["theme"] * 10)
    assert set(kinds[14:frame]) == {"organisation"} and set(kinds[frame:frame + 12]) == {"concept"}
    assert html.count('"essay/big/00123"') == 1  # a node's id is written once; edges use its position
    body = len(html.encode()) - len(html_views.__doc__ or "") - 700_000  # less vis-network and the script
    assert body / 300 < 4000, f"{body / 300:.0f} bytes per essay"


def test_write_html_computes_shared_facts_once(monkeypatch, tmp_path):
    calls = []
    real = html_views.essay_table
    monkeypatch.setattr(html_views, "essay_table", lambda G, **kw: calls.append(1) or real(G, **kw))
    write_html(sample_graph(), tmp_path / "graph.html")
    assert len(calls) == 1


def test_communities_passed_in_give_the_same_pages(tmp_path):
    from xianjice.graph.analysis.communities import concept_communities
    from xianjice.graph.explorer.pages import write_html

    G = seed_graph()
    computed = write_html(G, tmp_path / "a" / "graph.html")
    given = write_html(G, tmp_path / "b" / "graph.html", communities=concept_communities(G))
    assert [p.read_bytes() for p in computed] == [p.read_bytes() for p in given]


def first_shown(html: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges pyvis wrote into a page (its first vis DataSets)."""
    scripts = {a.get("id"): text for a, text in parse(html).scripts}
    return json.loads(scripts["xj-nodes"]), json.loads(scripts["xj-edges"])


def test_every_page_is_generated_by_a_pyvis_network(monkeypatch, tmp_path):
    from pyvis.network import Network

    made = []
    real = Network.generate_html

    def spy(net, *args, **kwargs):
        html = real(net, *args, **kwargs)
        made.append((list(net.get_nodes()), [dict(e) for e in net.edges], net.options, html))
        return html

    monkeypatch.setattr(Network, "generate_html", spy)
    pages = write_html(sample_graph(), tmp_path / "graph.html")
    assert len(made) == len(pages) == 3
    for (node_ids, net_edges, options, html), page in zip(made, pages):
        assert page.read_text(encoding="utf-8") == html  # the page is pyvis's output, as it came
        nodes, edges_ = first_shown(html)
        assert [n["id"] for n in nodes] == node_ids and edges_ == net_edges
        assert json.loads({a.get("id"): t for a, t in parse(html).scripts}["xj-options"]) == options
        data = page_data(html)
        assert options == layout_options(min(data["total"], data["limit"]), directed=data["view"] == "all",
                                         weighted=data["view"] != "all")  # the font list keeps its spaces


@pytest.mark.parametrize("index", [0, 1, 2])
def test_pyvis_nodes_and_edges_are_the_first_view(texts, index):
    from xianjice.graph.explorer.data_block import first_view

    html = texts[index]
    data = page_data(html)
    nodes, edges_ = first_shown(html)
    shown, shown_edges = first_view(data)
    assert [n["id"] for n in nodes] == [data["ids"][i] for i in shown] and len(nodes) >= 3
    on = {k["kind"] for k in data["kinds"] if k["on"]}
    assert {data["kinds"][data["k"][i]]["kind"] for i in shown} <= on
    by_id = {data["ids"][i]: i for i in shown}
    for n in nodes:
        i = by_id[n["id"]]
        kind = data["kinds"][data["k"][i]]
        assert n == {"id": n["id"], "label": data["sh"][i] or data["l"][i], "shape": kind["shape"],
                     "color": (data.get("col") or [""] * len(data["ids"]))[i] or kind["color"], "size": data["sz"][i],
                     "x": n["x"], "y": n["y"]}
        assert all(isinstance(n[xy], float) for xy in ("x", "y"))  # laid out when written
    assert [e["id"] for e in edges_] == [f"e{number}" for number, *_ in shown_edges] and edges_
    flat = [(data["ids"][row[1]], data["ids"][t]) for row in data["edges"] for t in row[2:]]
    for e in edges_:
        assert flat[int(e["id"][1:])] == (e["from"], e["to"]) and "arrows" not in e
        assert e["from"] in by_id and e["to"] in by_id
    between = sum(1 for u, v in flat if u in by_id and v in by_id)
    assert len(edges_) == between  # every edge between shown nodes, no other


def test_pyvis_is_given_no_titles(texts):
    """pyvis 0.3.2 turns on HTML popups when a node title contains "href": it never sees a title."""
    nodes, edges_ = first_shown(texts[0])
    assert "essay/b/02" in [n["id"] for n in nodes]  # its hover text holds the planted href
    assert not [n for n in nodes if "title" in n] and not [e for e in edges_ if "title" in e]
    for html in texts:
        assert "href" not in html.split('id="xj-nodes"')[1].split("</script>")[0]


def test_faint_hub_edges_come_from_pyvis():
    G = sample_graph()
    html = render_page(G, html_views.whole_view(G), links=[])
    data = page_data(html)
    hubs = {i for i in data["hub"]}
    _, edges_ = first_shown(html)
    flat = [row[0] for row in data["edges"] for _ in row[2:]]
    faint = [e for e in edges_ if flat[int(e["id"][1:])] in hubs]
    assert faint and all(e["physics"] is False and e["color"] == data["hubStyle"]["color"] for e in faint)
    assert all("physics" not in e for e in edges_ if e not in faint)


def test_large_page_hands_pyvis_only_its_limit():
    from browser import synthetic_graph

    G = synthetic_graph(300)
    html = render_page(G, html_views.whole_view(G), links=[], limit=60)
    nodes, edges_ = first_shown(html)
    data = page_data(html)
    assert len(nodes) == 60 < data["total"]
    assert [n["id"] for n in nodes][:14] == [data["ids"][i] for i in data["order"][:14]]  # the frame first


@pytest.mark.parametrize("make", [html_views.units_themes_view, html_views.concepts_view])
def test_pair_count_edges_are_the_essays_both_ends_share(make):
    """The page recounts these edges under a filter as |e[from] ∩ e[to]|: unfiltered, that is their value."""
    G = seed_graph()
    view = make(G)
    assert view["pair_counts"] is True
    essays = {n["id"]: set(n["essays"]) for n in view["nodes"]}
    assert view["edges"] and all(e["value"] == len(essays[e["from"]] & essays[e["to"]]) for e in view["edges"])
    data = page_data(render_page(G, view, links=[]))
    assert data["pairCounts"] is True
    whole = page_data(render_page(G, html_views.whole_view(G), links=[]))
    assert "pairCounts" not in whole


def test_every_node_has_a_pinyin_search_key_and_the_graph_gains_no_attribute():
    G = sample_graph()
    before = {n: dict(d) for n, d in G.nodes(data=True)}
    data = page_data(render_page(G, html_views.whole_view(G), links=[]))
    assert {n: dict(d) for n, d in G.nodes(data=True)} == before
    keys = dict(zip(data["ids"], data["py"]))
    assert keys["concept/da-jian-guan"] == "dajianguantixi"
    assert keys["theme/dui-wu"] == "duiwujianshe"
    assert keys["essay/b/01"] == "goujiandajianguantixidesikao"
    assert keys["person/wang"] == "wangshaobo" and keys["org/hq/gb"] == "gongbeihaiguan"
    side = page_data(render_page(G, html_views.concepts_view(G), links=[]))
    assert dict(zip(side["ids"], side["py"]))["concept/tong-ji"] == "tongjiduiwu"


def test_organisation_details_count_its_essays_per_theme_and_list_them():
    G = sample_graph()
    d = html_views.details(G, "org/hq")
    lists = dict(d["lists"])
    # 海关总署's essays are its sub-units' (01 监管, 02 队伍建设, 03 both)
    assert lists[html_views.PER_THEME] == [["监管: 2", "theme/jian-guan"], ["队伍建设: 2", "theme/dui-wu"]]
    assert lists["征文 essays"] == [[SCRIPT_TITLE, "essay/b/03"], ["切实加强统计队伍素质建设", "essay/b/02"],
                                   ["构建大监管体系的思考", "essay/b/01"]]  # by title
    gb = dict(html_views.details(G, "org/hq/gb")["lists"])
    assert gb[html_views.PER_THEME] == [["队伍建设: 1", "theme/dui-wu"]] and "征文 essays" in gb
    side = page_data(render_page(G, html_views.units_themes_view(G), links=[]))
    i = side["ids"].index("org/hq/sh")
    sh = dict(side["details"][i]["lists"])
    themes = {t: side["ids"].index(t) for t in ("theme/jian-guan", "theme/dui-wu")}
    assert sh[html_views.PER_THEME + " (2)"] == [["监管: 1", themes["theme/jian-guan"]],
                                                  ["队伍建设: 1", themes["theme/dui-wu"]]]
    assert sh["征文 essays"] == [[SCRIPT_TITLE, -1, "essay/b/03"]]  # not a node of this page: linked to the whole graph


def test_concept_details_show_its_centrality_and_co_occurring_concepts():
    from xianjice.graph.analysis.centrality import concept_centrality
    from xianjice.graph.analysis.communities import community_of, concept_communities

    G = seed_graph()
    found = concept_communities(G)
    rows = {r["id"]: r for r in concept_centrality(G, communities=community_of(found))}
    c = next(n for n, d in G.nodes(data=True) if d.get("label") == "大监管体系")
    d = html_views.details(G, c)
    fields = dict(d["fields"])
    assert fields["PageRank"].startswith(f"{rows[c]['pagerank']:.4f} (#")
    assert fields["加权度 weighted degree"] == f"{rows[c]['degree']:g}"
    assert fields["介数 betweenness"] == f"{rows[c]['betweenness']:.4f}"
    assert fields["社区 community"].startswith(f"{rows[c]['community']}: ")
    co = dict(d["lists"])["共现 co-occurs with"]
    shared = {}
    for e, _, k in G.in_edges(c, keys=True):
        if k == "about" and G.nodes[e].get("kind") == "essay":
            for _, m, k2 in G.out_edges(e, keys=True):
                if k2 == "about" and m != c and G.nodes[m].get("kind") == "concept":
                    shared[m] = shared.get(m, 0) + 1
    assert {m: int(text.rsplit("×", 1)[1]) for text, m in co} == shared and len(shared) > 2
    counts = [int(text.rsplit("×", 1)[1]) for text, _ in co]
    assert counts == sorted(counts, reverse=True)


def test_write_html_uses_the_centrality_it_is_given(monkeypatch, tmp_path):
    from xianjice.graph.analysis import centrality
    from xianjice.graph.analysis.communities import community_of, concept_communities

    G = sample_graph()
    found = concept_communities(G)
    rows = centrality.concept_centrality(G, communities=community_of(found))
    computed = write_html(G, tmp_path / "a" / "graph.html")

    def fail(*args, **kwargs):
        raise AssertionError("recomputed")

    monkeypatch.setattr(centrality, "concept_centrality", fail)
    given = write_html(G, tmp_path / "b" / "graph.html", communities=found, centrality=rows)
    assert [p.read_bytes() for p in computed] == [p.read_bytes() for p in given]
    data = page_data(given[0].read_text(encoding="utf-8"))
    assert "PageRank" in dict(node(data, "concept/feng-xian")["fields"])


def test_same_named_organisations_are_listed_with_their_parents():
    G = seed_graph()
    same = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "organisation" and d.get("label") == "缉私局")
    assert len(same) > 2
    data = page_data(render_page(G, html_views.whole_view(G), links=[]))
    names = [node(data, n)["l"] for n in same]
    parents = [G.nodes[next(v for _, v, k in G.out_edges(n, keys=True) if k == "sub_organisation_of")]["label"]
               for n in same]
    assert names == [f"{p} › 缉私局" for p in parents] and len(set(names)) == len(names)
    assert all(node(data, n)["sh"] == "" for n in same)  # the canvas shows them with their parents too
    essay = next(e for e, _, k in G.in_edges(same[0], keys=True) if k == "mentions")
    mentions = dict(html_views.details(G, essay)["lists"])["提及 mentions"]
    assert f"{names[0]} ×1" in [text for text, _ in mentions]
    assert not [text for text, _ in mentions if text.startswith("缉私局")]


@pytest.mark.parametrize("node_id", ["essay/b/01", "essay/b/03", "concept/da-jian-guan", "org/hq/gb", "person/wang"])
def test_the_panel_shows_each_thing_once(node_id):
    """Nothing is both a field and a list: authors, tier and theme are lists of links only."""
    G = sample_graph()
    d = html_views.details(G, node_id)
    fields = [name for name, _ in d["fields"]]
    headings = [h.split(" (")[0] for h, _ in d["lists"]]
    assert len(set(fields)) == len(fields) and len(set(headings)) == len(headings)
    assert not {name.split(" ")[0] for name in fields} & {h.split(" ")[0] for h in headings}
    assert "作者 authors" not in fields and "奖项 tier" not in fields and "主题 theme" not in fields


def test_large_whole_graph_starts_with_aggregates_and_weighted_views_with_a_threshold():
    from browser import synthetic_graph
    from xianjice.graph.explorer.data_block import MAX_EDGES, ON_DEMAND, first_view

    G = synthetic_graph(ON_DEMAND["essay"] + 50)
    whole = page_data(render_page(G, html_views.whole_view(G), links=[]))
    on = {k["kind"]: k["on"] for k in whole["kinds"]}
    assert on["essay"] is False and on["organisation"] and on["concept"] and on["theme"]
    small = page_data(render_page(sample_graph(), html_views.whole_view(sample_graph()), links=[]))
    assert {k["kind"]: k["on"] for k in small["kinds"]}["essay"] is True  # a small book shows its essays
    concepts = page_data(render_page(G, html_views.concepts_view(G), links=[]))
    _, edges_ = first_view(concepts)
    assert concepts["minW"] >= 1 and len(edges_) <= MAX_EDGES and all(v >= concepts["minW"] for *_, v in edges_)


def test_unit_paths_use_plain_labels_of_same_named_units():
    G = seed_graph()
    data = page_data(render_page(G, html_views.whole_view(G), links=[]))
    plain = {data["ids"][int(i)]: label for i, label in data["plain"].items()}
    assert plain and all(G.nodes[n]["label"] == label for n, label in plain.items())
    assert all(" › " in node(data, n)["l"] for n in plain)
