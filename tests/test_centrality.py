"""Centrality measures on graphs whose values are known by hand, ties, stability, the seed."""

from __future__ import annotations

import dataclasses
import math
import random

import pytest

from xianjice.graph.analysis.centrality import COLUMNS, DECIMALS, concept_centrality, leading_eigenvector, rows_triples
from xianjice.graph.analysis.cooccurrence import concept_network, essay_concept_graph
from concept_graphs import tiny_graph

ALPHA = 0.85
STAR = {"e1": "ha", "e2": "hb", "e3": "hc"}  # hub h, leaves a b c
PATH = {"e1": "ab", "e2": "bc", "e3": "cd"}  # a - b - c - d
TRIANGLE_PENDANT = {"e1": "ab", "e2": "bc", "e3": "ac", "e4": "cd"}  # triangle abc, d hangs on c


def cc(G, **options):
    """Centrality of every concept (hand-computed values: no essay threshold, no bootstrap)."""
    return concept_centrality(G, **{"min_essays": 1, "resamples": 0, **options})


def by_label(rows):
    return {r["concept"]: r for r in rows}


def close(value, expected):
    return value == pytest.approx(expected, abs=10**-DECIMALS)


# --- the networks ---------------------------------------------------------------


def test_cooccurrence_weights_are_fractional_counts():
    # e1 holds three concepts: 1/(3-1) to each of its pairs; e2 two: 1/(2-1)
    G = tiny_graph({"e1": "abc", "e2": "ab", "e3": "a"})
    N = concept_network(G, min_essays=1)
    assert sorted((N.nodes[u]["label"], N.nodes[v]["label"], w) for u, v, w in N.edges(data="weight")) == [
        ("a", "b", 1.5), ("a", "c", 0.5), ("b", "c", 0.5)]
    assert sorted((N.nodes[u]["label"], N.nodes[v]["label"], w) for u, v, w in N.edges(data="essays")) == [
        ("a", "b", 2), ("a", "c", 1), ("b", "c", 1)]
    assert {N.nodes[n]["label"]: N.nodes[n]["essays"] for n in N} == {"a": 3, "b": 2, "c": 1}
    assert N.edges["concept/a", "concept/b"]["distance"] == pytest.approx(1 / 1.5)


def test_essay_concept_graph_is_bipartite_and_keeps_concept_less_essays():
    G = tiny_graph({"e1": "ab", "e2": ""})
    B = essay_concept_graph(G)
    assert sorted(B.nodes(data="bipartite")) == [
        ("concept/a", 1), ("concept/b", 1), ("essay/e1", 0), ("essay/e2", 0)]
    assert B.number_of_edges() == 2


# --- hand-computed measures -------------------------------------------------------


def test_star():
    rows = by_label(cc(tiny_graph(STAR)))
    n = 4
    # PageRank of a star's hub: x_h = (1-α)/n + α·3·x_l and x_l = (1-α)/n + α·x_h/3
    hub = (1 + 3 * ALPHA) / (n * (1 + ALPHA))
    assert close(rows["h"]["pagerank"], hub)
    assert close(rows["a"]["pagerank"], (1 - hub) / 3)
    assert [rows[c]["degree"] for c in "habc"] == [3.0, 1.0, 1.0, 1.0]
    # every path between two leaves passes through the hub
    assert [rows[c]["betweenness"] for c in "habc"] == [1.0, 0.0, 0.0, 0.0]
    # K(1,3): eigenvalue √3, hub : leaf = √3 : 1
    assert close(rows["h"]["eigenvector"], 1 / math.sqrt(2))
    assert close(rows["a"]["eigenvector"], 1 / math.sqrt(6))
    # essay–concept tree: the hub joins the three essay branches, the leaves nothing
    assert [rows[c]["bridging"] for c in "habc"] == [1.0, 0.0, 0.0, 0.0]
    assert [rows[c]["essay_share"] for c in "ha"] == [1.0, round(1 / 3, DECIMALS)]
    # with the default threshold of two essays only the hub is ranked
    assert [(r["concept"], r["rank"]) for r in concept_centrality(tiny_graph(STAR), resamples=0)][:2] == [
        ("h", 1), ("a", None)]


def test_path():
    rows = by_label(cc(tiny_graph(PATH)))
    # b lies on the paths a–c and a–d: 2 of the (n-1)(n-2)/2 = 3 pairs
    assert [rows[c]["betweenness"] for c in "abcd"] == [0.0, round(2 / 3, DECIMALS), round(2 / 3, DECIMALS), 0.0]
    # P4: eigenvector components sin(kπ/5), norm² = 5/2
    for k, c in enumerate("abcd", 1):
        assert close(rows[c]["eigenvector"], math.sin(k * math.pi / 5) / math.sqrt(2.5))
    assert [rows[c]["degree"] for c in "abcd"] == [1, 2, 2, 1]


def test_triangle_plus_pendant():
    rows = cc(tiny_graph(TRIANGLE_PENDANT))
    # c is the only cut vertex: on a–d and b–d, 2 of 3 pairs
    assert [(r["concept"], r["degree"], r["betweenness"]) for r in rows] == [
        ("c", 3, round(2 / 3, DECIMALS)), ("a", 2, 0.0), ("b", 2, 0.0), ("d", 1, 0.0)]
    assert rows[1]["pagerank"] == rows[2]["pagerank"]  # a and b are symmetric: a tie, broken by label


def test_betweenness_treats_strong_ties_as_short():
    # a–b discussed once, a–c and c–b three times: the way through c (1/3 + 1/3) is shorter than 1
    G = tiny_graph({"e1": "ab", "e2": "ac", "e3": "ac", "e4": "ac", "e5": "cb", "e6": "cb", "e7": "cb"})
    rows = by_label(cc(G))
    assert [rows[x]["betweenness"] for x in "abc"] == [0.0, 0.0, 1.0]
    assert rows["c"]["degree"] == 6.0


def test_weighted_degree_counts_the_titles_a_concept_shares():
    # fractional counting: each title adds 1 to each of its concepts' strength, however many it holds
    rows = by_label(cc(tiny_graph({"e1": "abc", "e2": "ab", "e3": "abcdefgh"})))
    assert [rows[c]["degree"] for c in "abch"] == [3.0, 3.0, 2.0, 1.0]


# --- eigenvector on awkward graphs ----------------------------------------------------


def test_eigenvector_disconnected_uses_largest_component():
    rows = by_label(cc(tiny_graph({"e1": "abc", "e2": "xy"})))
    assert [rows[c]["eigenvector"] for c in "xy"] == [0.0, 0.0]
    for c in "abc":
        assert close(rows[c]["eigenvector"], 1 / math.sqrt(3))


def test_eigenvector_two_equal_components_picks_smallest_id():
    values = leading_eigenvector(concept_network(tiny_graph({"e1": "xy", "e2": "ab"}), min_essays=1))
    assert values["concept/a"] == pytest.approx(1 / math.sqrt(2))
    assert values["concept/x"] == 0.0


@pytest.mark.parametrize("essays", [{}, {"e1": ""}, {"e1": "a"}, {"e1": "a", "e2": "b"}, {"e1": "ab"}])
def test_tiny_graphs_do_not_crash(essays):
    rows = cc(tiny_graph(essays))
    assert len(rows) == len({c for cs in essays.values() for c in cs})
    for r in rows:
        assert list(r) == list(COLUMNS)
        assert 0 <= r["pagerank"] <= 1
    if len(rows) == 1:
        assert rows[0]["pagerank"] == 1.0 and rows[0]["eigenvector"] == 0.0


def test_sampled_betweenness_is_seeded():
    G = tiny_graph({f"e{i}": [f"c{i}", f"c{i + 1}"] for i in range(12)})
    full = by_label(cc(G))
    a = cc(G, sample_betweenness_above=4, seed=3)
    b = cc(G, sample_betweenness_above=4, seed=3)
    assert a == b
    assert [r["betweenness"] for r in a] != [full[r["concept"]]["betweenness"] for r in a]


# --- counts ---------------------------------------------------------------------------


def test_counts_units_and_prize_shares():
    G = tiny_graph(
        {"e1": "ab", "e2": "a", "e3": "a", "e4": "b"},
        units={"e1": ("甲关", "一处"), "e2": ("甲关", "二处"), "e3": ("乙关",), "e4": ("甲关", "一处")},
        tiers={"e1": 1, "e2": 1},
    )
    rows = by_label(cc(G))
    a, b = rows["a"], rows["b"]
    assert (a["essays"], a["units"], a["top_units"]) == (3, 3, 2)
    assert (b["essays"], b["units"], b["top_units"]) == (2, 1, 1)
    assert (a["first_prize_share"], a["other_share"]) == (1.0, 0.5)
    assert (b["first_prize_share"], b["other_share"]) == (0.5, 0.5)


def test_unknown_units_are_not_counted():
    rows = by_label(cc(tiny_graph({"e1": "a", "e2": "a"}, units={"e1": ("甲关",)})))
    assert (rows["a"]["essays"], rows["a"]["units"], rows["a"]["top_units"]) == (2, 1, 1)


def test_prize_share_is_none_without_first_prize_essays():
    rows = cc(tiny_graph({"e1": "ab"}))
    assert {r["first_prize_share"] for r in rows} == {None}
    assert {r["other_share"] for r in rows} == {1.0}


# --- ordering ---------------------------------------------------------------------------


def test_ties_by_essays_then_label():
    # by betweenness: c first, then the zeros a, b (two essays each) before d (one)
    rows = cc(tiny_graph(TRIANGLE_PENDANT), by="betweenness")
    assert [r["concept"] for r in rows] == ["c", "a", "b", "d"]
    assert [r["rank"] for r in rows] == [1, 2, 2, 4]  # a and b tie on both keys: they share a rank ("1224")


def test_label_ties_use_code_points_not_pinyin():
    # 甲 (U+7532, jiǎ) and 乙 (U+4E59, yǐ) are symmetric; code point order puts 乙 first
    rows = cc(tiny_graph({"e1": ["甲", "乙"]}))
    assert [r["concept"] for r in rows] == ["乙", "甲"]


@pytest.mark.parametrize("by", ["pagerank", "betweenness", "degree", "eigenvector"])
def test_sorted_by_measure(by):
    rows = cc(tiny_graph({"e1": "abc", "e2": "cd", "e3": "de", "e4": "ef", "e5": "ab"}), by=by)
    assert [r[by] for r in rows] == sorted((r[by] for r in rows), reverse=True)


def test_unknown_measure():
    with pytest.raises(ValueError, match="unknown measure"):
        cc(tiny_graph(STAR), by="closeness")


@pytest.mark.parametrize("shuffle_seed", range(5))
def test_insertion_order_does_not_matter(shuffle_seed):
    essays = {"e1": "abc", "e2": "cd", "e3": "de", "e4": "ef", "e5": "ab", "e6": "xy", "e7": "a"}
    assert cc(tiny_graph(essays, shuffle_seed=shuffle_seed)) == cc(tiny_graph(essays))


def test_scores_for_rdf():
    rows = {r["id"]: r for r in cc(tiny_graph(STAR))}
    assert sorted(rows) == ["concept/a", "concept/b", "concept/c", "concept/h"]
    assert rows["concept/h"]["betweenness"] == 1.0
    assert {"degree", "pagerank", "betweenness", "eigenvector", "essay_share", "bridging"} <= set(rows["concept/h"])
    subjects = [str(s) for s, _, _ in rows_triples(list(rows.values()), base="https://e.org/")]
    assert subjects == sorted(subjects) and len(subjects) == 4 * 5


# --- the seed ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_analysed(seed_path):
    from xianjice.extract.pipeline import extract_files

    return extract_files([seed_path])[0]


def test_seed_ranking_is_stable_under_shuffled_essays(seed_analysed):
    from xianjice.graph.build import build_graph

    essays = list(seed_analysed.essays)
    random.Random(7).shuffle(essays)
    shuffled = dataclasses.replace(seed_analysed, essays=tuple(essays))
    reference = concept_centrality(build_graph([seed_analysed]))
    assert concept_centrality(build_graph([shuffled])) == reference  # rank intervals included
    ranked = [r for r in reference if r["rank"] is not None]
    assert len(ranked) >= 10
    pageranks = [r["pagerank"] for r in ranked]
    assert sum(pageranks) == pytest.approx(1, abs=1e-4)
    keys = [(r["essays"], r["pagerank"]) for r in ranked]  # the default: essays, PageRank breaking ties
    assert keys == sorted(keys, reverse=True)
    assert [r["rank"] for r in ranked] == [1 + sum(k > key for k in keys) for key in keys]
    assert all(r["rank_low"] is not None and 1 <= r["rank_low"] <= r["rank_high"] <= len(ranked) for r in ranked)


def test_seed_ranking_by_degree_is_sorted_with_the_documented_tie_rule(seed_analysed):
    from xianjice.graph.build import build_graph

    rows = [r for r in concept_centrality(build_graph([seed_analysed]), by="degree") if r["rank"] is not None]
    assert rows[0]["degree"] == max(r["degree"] for r in rows)
    keys = [(-r["degree"], -r["essays"], r["concept"]) for r in rows]
    assert keys == sorted(keys)


def test_rdf_scores_sort_in_sparql():
    from rdflib import Graph

    from xianjice.graph.rdf.turtle import serialize_turtle

    G = tiny_graph(TRIANGLE_PENDANT)
    turtle = serialize_turtle(list(rows_triples(cc(G), base="https://example.org/id/")))
    g = Graph().parse(data=turtle, format="turtle")
    query = """PREFIX xj: <https://xianjice.example.org/ns#>
               SELECT ?c ?pr ?n WHERE { ?c xj:pagerank ?pr ; xj:essayCount ?n ; xj:weightedDegree ?d }
               ORDER BY DESC(?pr) DESC(?n) ?c"""
    ranked = [str(row.c).rsplit("/", 1)[-1] for row in g.query(query)]
    assert ranked == [r["concept"] for r in cc(G)]
    assert len(g) == 4 * 5


def test_sparse_eigenvector_agrees_with_dense(monkeypatch):
    import xianjice.graph.analysis.ranks as ranks

    N = concept_network(tiny_graph({"e1": "abc", "e2": "cd", "e3": "de", "e4": "ef", "e5": "ab", "e6": "xy"}),
                        min_essays=1)
    dense = leading_eigenvector(N)
    monkeypatch.setattr(ranks, "DENSE_EIGEN_LIMIT", 2)
    sparse = leading_eigenvector(N)
    assert sparse == pytest.approx(dense, abs=1e-9)
    assert sparse["concept/x"] == 0.0


def test_rdf_triples_are_those_of_the_given_rows():
    G = tiny_graph(STAR)
    rows = cc(G)
    every = list(rows_triples(rows, base="https://e.org/"))
    first = list(rows_triples(rows[:1], base="https://e.org/"))
    assert first == [t for t in every if str(t[0]) == "https://e.org/" + rows[0]["id"]]
    assert len(first) == 5
