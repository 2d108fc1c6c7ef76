"""The records → networkx graph step (xianjice.graph.build)."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import networkx as nx
import pytest
from graph_records import HQ, book_a, book_b, compilations, unit

from xianjice.graph.build import NODE_KINDS, GraphBuildError, build_graph
from xianjice.graph.writers.graphml import write_graphml
from xianjice.graph.ids import person_id


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return build_graph(compilations())


def dump(G: nx.MultiDiGraph) -> str:
    return json.dumps(
        [list(G.nodes(data=True)), [list(e) for e in G.edges(keys=True, data=True)]], ensure_ascii=False
    )


def test_every_node_and_edge_is_typed(G):
    for key, d in G.nodes(data=True):
        assert d["kind"] in NODE_KINDS, key
        assert key.startswith(("org/", "person/", "doc/", "theme/", "concept/", "tier/")) or key.split("/")[0] == d["kind"]
        for attr in ("label", "label_en", "pinyin"):
            assert isinstance(d[attr], str), (key, attr)
        assert key.isascii() and " " not in key
    for u, v, k, d in G.edges(keys=True, data=True):
        assert d["rel"] == k


def test_all_kinds_present(G):
    assert {d["kind"] for _, d in G.nodes(data=True)} == set(NODE_KINDS)


@pytest.mark.parametrize(
    ("essay", "attrs"),
    [
        ("essay/9787801656490/01", {"seq": 1, "page": 1, "tier": 1, "top_unit": "广东分署", "first_line": 200, "last_line": 230}),
        ("essay/9787801656490/02", {"subtitle": "——关于海关缉私局刑事执法职能调整的探讨", "truncated": True}),
        ("essay/9787801656490/03", {"top_unit": "拱北海关", "tier": 2, "first_line": 103}),
        ("essay/9787801656490/04", {"top_unit": HQ}),  # an HQ department counts for 海关总署
        ("essay/9787801656490/06", {"tier": -1, "page": 0}),  # no tier known
        ("essay/9787517500015/01", {"book": "book/9787517500015", "label": "再论办案模式"}),
    ],
)
def test_essay_attributes(G, essay, attrs):
    d = G.nodes[essay]
    assert {k: d[k] for k in attrs} == attrs


def test_hierarchy_reaches_the_root(G):
    root = "org/hai-guan-zong-shu"
    for key, d in G.nodes(data=True):
        if d["kind"] != "organisation":
            continue
        chain = [key]
        while True:
            parents = [v for _, v, k in G.out_edges(chain[-1], keys=True) if k == "sub_organisation_of"]
            assert len(parents) <= 1
            if not parents:
                break
            chain.append(parents[0])
        assert chain[-1] == root
        assert G.nodes[key]["depth"] == len(chain) - 1


def test_org_attributes(G):
    d = G.nodes["org/hai-guan-zong-shu/gong-bei-hai-guan"]
    assert (d["org_kind"], d["label_en"], d["pinyin"], d["known"]) == ("customs", "Gongbei Customs", "Gǒngběi Hǎiguān", True)
    assert G.nodes["org/hai-guan-zong-shu/mou-mou-hai-guan"]["known"] is False
    assert G.nodes["org/hai-guan-zong-shu/jia-mao-si"]["aliases"] == "加工贸易及保税监管司"


def people(G, name):
    return sorted(k for k, d in G.nodes(data=True) if d["kind"] == "person" and d["label"] == name)


def test_same_name_in_two_units_is_two_people(G):
    assert people(G, "王晓晖") == [
        "person/hai-guan-zong-shu/bei-jing-hai-guan/wang-xiao-hui-43ccf9",
        "person/hai-guan-zong-shu/gong-bei-hai-guan/wang-xiao-hui-43ccf9",
    ]


def test_same_person_in_two_books_is_one_node(G):
    (p,) = people(G, "王绍波")
    essays = sorted(u for u, _, k in G.in_edges(p, keys=True) if k == "author")
    assert essays == ["essay/9787517500015/01", "essay/9787801656490/02"]
    assert [v for _, v, k in G.out_edges(p, keys=True) if k == "member_of"] == ["org/hai-guan-zong-shu/bei-jing-hai-guan"]


def test_homophones_do_not_merge(G):
    a, b = people(G, "张伟"), people(G, "张玮")
    assert len(a) == len(b) == 1 and a != b
    assert G.nodes[a[0]]["pinyin"] == G.nodes[b[0]]["pinyin"] == "Zhāng Wěi"


def test_homophone_units_do_not_merge():
    c = book_a()
    e = c.essays[0]
    essays = (
        replace(e, seq=1, entry=replace(e.entry, units=(unit("拱北海关", "公安处"),))),
        replace(e, seq=2, entry=replace(e.entry, units=(unit("拱北海关", "工安处"),))),
    )
    G = build_graph([replace(c, essays=essays)])
    orgs = sorted(k for k, d in G.nodes(data=True) if d["label"] in ("公安处", "工安处"))
    assert len(orgs) == 2
    assert all(o.startswith("org/hai-guan-zong-shu/gong-bei-hai-guan/gong-an-chu-") for o in orgs)


def test_person_id_rule():
    scope = "org/hai-guan-zong-shu/bei-jing-hai-guan"
    assert person_id("谭 武", scope) == person_id("谭武", scope)
    assert person_id("曾文", None).startswith("person/no-unit/zeng-wen-")


def test_concepts_themes_documents_proposals(G):
    assert G.nodes["concept/feng-xian-guan-li"]["theme"] == "风险防控"
    assert list(G.successors("concept/feng-xian-guan-li")) == ["theme/risk"]
    about = G.edges["essay/9787801656490/02", "concept/feng-xian-guan-li", "about"]
    assert (about["count"], about["where"], about["first_line"]) == (3, "body", 240)
    doc = "doc/zhong-guo-gong-chan-dang-dang-he-guo-jia-ji-aee2fe"
    assert G.nodes[doc]["aliases"] == "条例"
    assert G.edges["essay/9787801656490/01", doc, "cites"]["count"] == 2
    prop = G.nodes["proposal/9787801656490/02/1"]
    assert (prop["essay"], prop["order"], prop["label"]) == ("essay/9787801656490/02", 1, "实行侦审分离")
    assert G.has_edge("proposal/9787801656490/02/1", "concept/feng-xian-guan-li", "about")
    assert G.edges["essay/9787801656490/02", "person/no-unit/sheng-guang-zu-ed72fa", "mentions"]["title"] == "署长"


def test_editors_are_people(G):
    editors = sorted(v for _, v, k in G.out_edges("book/9787801656490", keys=True) if k == "editor")
    assert [G.nodes[e]["label"] for e in editors] == ["白伟", "王松鹤"]


def test_input_order_does_not_matter(G):
    expected = dump(G)
    rng = random.Random(7)
    for _ in range(5):
        cs = compilations()
        rng.shuffle(cs)
        cs = [replace(c, essays=tuple(rng.sample(c.essays, len(c.essays)))) for c in cs]
        assert dump(build_graph(cs)) == expected


def test_same_book_twice_is_an_error():
    with pytest.raises(GraphBuildError, match="already in the graph"):
        build_graph([book_a(), book_a()])


def test_duplicate_essay_numbers_are_an_error():
    c = book_b()
    with pytest.raises(GraphBuildError, match="two essays numbered 1"):
        build_graph([replace(c, essays=c.essays * 2)])


def test_hostile_text_is_cleaned(tmp_path):
    c = book_b()
    e = c.essays[0]
    bad = replace(e, entry=replace(e.entry, title="标题\x00\x07<b>&", authors=("王\ud800五",)))
    G = build_graph([replace(c, essays=(bad,))])
    assert G.nodes["essay/9787517500015/01"]["label"] == "标题\ufffd\ufffd<b>&"
    assert people(G, "王\ufffd五")
    write_graphml(G, tmp_path / "g.graphml")  # XML 1.0 cannot hold NUL: cleaned, so it reads back
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["essay/9787517500015/01"]["label"] == "标题\ufffd\ufffd<b>&"


def test_essay_title_falls_back_to_the_body():
    c = book_a()
    e = c.essays[0]
    G = build_graph([replace(c, essays=(replace(e, entry=replace(e.entry, title="")),))])
    assert G.nodes["essay/9787801656490/01"]["label"] == "完善海关系统党组织管理体制"
