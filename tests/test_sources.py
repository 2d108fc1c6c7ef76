"""Several sources of one campaign (a book and its results notice): the same essay is one node with both."""

from __future__ import annotations

from xianjice.extract.book import extract_compilation
from xianjice.graph.build import build_graph

NOTICE = ("关于“我为海关工作献计策”征文评选结果的通报\n一等奖(2篇)\n《改革办案模式 防范两大风险》(北京海关 王绍波)\n"
          "《创新海关思想政治工作对策探究》(大连海關 张志南)\n")


def test_a_results_list_is_a_source_and_merges_with_the_book(seed_compilation):
    notice = extract_compilation(NOTICE, source="notice.txt")
    assert notice.kind == "results-list" and seed_compilation.kind == "book"
    G = build_graph([seed_compilation, notice])
    essays = [k for k, d in G.nodes(data=True) if d["kind"] == "essay"]
    assert len(essays) == 60
    node = "essay/9787801656490/02"
    books = sorted(v for _, v, k in G.out_edges(node, keys=True) if k == "part_of")
    assert len(books) == 2 and G.nodes[node]["sources"] == " ; ".join(books)
    award = [d["evidence"] for _, _, k, d in G.out_edges(node, keys=True, data=True) if k == "award"]
    assert award == ["stated: heading 一等奖, line 2"]
    kinds = sorted(d["source_kind"] for _, d in G.nodes(data=True) if d["kind"] == "book")
    assert kinds == ["book", "results-list"]
