"""A 特等奖 (grand prize, rank 0, above 一等奖) is a tier like any other, all the way to the graph."""

from xianjice.extract.book import extract_compilation
from xianjice.graph.build import build_graph
from xianjice.graph.writers.export import book_report

BOOK = """前言

共收到10个海关单位报送的征文30篇。

特等奖

- 关于海关大监管体系建设的思考
..... 北京海关 王绍波 / 1

一等奖

- 改革办案模式 防范两大风险
..... 天津海关 李 明 / 9
"""


def test_grand_prize_reaches_the_graph_and_the_report():
    c = extract_compilation(BOOK, source="grand.txt")
    assert [(e.tier.rank, e.tier.label) for e in c.essays] == [(0, "特等奖"), (1, "一等奖")]
    G = build_graph([c])
    awards = sorted(v for _, v, k in G.edges(keys=True) if k == "award")
    assert awards == ["tier/0", "tier/1"]
    assert G.nodes["tier/0"]["rank"] == 0 and G.nodes["tier/0"]["label_en"] == "Grand prize"
    essays = sorted(n for n, k in G.nodes(data="kind") if k == "essay")
    assert [G.nodes[e]["tier"] for e in essays] == [0, 1]
    assert book_report(c, G)["essays_without_tier"] == []


def test_unknown_tier_is_minus_one_on_the_essay_node():
    c = extract_compilation(BOOK.replace("特等奖\n", "").replace("一等奖\n", ""), source="none.txt")
    G = build_graph([c])
    essays = sorted(n for n, k in G.nodes(data="kind") if k == "essay")
    assert [G.nodes[e]["tier"] for e in essays] == [-1, -1]
    assert not [k for _, _, k in G.edges(keys=True) if k == "award"]
