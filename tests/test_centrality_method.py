"""The counting behind the ranking: layers, fractional counts, association strength, thresholds, the frame
layer, bootstrap intervals, the concentration warning, and a seed ranking that one essay cannot overturn."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from xianjice.graph.analysis.centrality import concept_centrality
from xianjice.graph.analysis.cooccurrence import (
    BODY_WEIGHT, TITLE_WEIGHT, association_strength, concept_network, incidence, pair_weights, weight_concentration,
)
from xianjice.graph.analysis.ranks import (
    MIN_RESAMPLES, RESAMPLES, bootstrap_ranks, pagerank_matrix, rank_interval, resample_count,
)
from xianjice.graph.analysis.result import analyse_graph


def layered_graph(essays: dict[str, tuple[str, str]], *, frame: str = "", counts: dict | None = None) -> nx.MultiDiGraph:
    """Essays mapped to (title concepts, body concepts), one-letter labels; ``frame`` letters are slogans."""
    counts = counts or {}
    G = nx.MultiDiGraph()
    for e, (title, body) in essays.items():
        G.add_node(f"essay/{e}", kind="essay", label=e, tier=2)
        for c in sorted(set(title) | set(body)):
            G.add_node(f"concept/{c}", kind="concept", label=c, theme="T", frame=c in frame)
            where = "title+body" if c in title and c in body else ("title" if c in title else "body")
            G.add_edge(f"essay/{e}", f"concept/{c}", key="about", rel="about", where=where,
                       count=counts.get((e, c), 1))
    return G


def weight(N, u, v):
    return N.edges[f"concept/{u}", f"concept/{v}"]["weight"]


# --- layers and fractional counting ------------------------------------------------------


def test_a_body_counts_half_a_title_and_is_shared_among_its_concepts():
    G = layered_graph({"e1": ("ab", "abcde")})
    N = concept_network(G, min_essays=1)
    # title: 1/(2-1); body: 0.5/(5-1) to each of its 10 pairs
    assert weight(N, "a", "b") == pytest.approx(TITLE_WEIGHT + BODY_WEIGHT / 4)
    assert weight(N, "c", "d") == pytest.approx(BODY_WEIGHT / 4)
    strength = dict(N.degree(weight="weight"))
    assert strength["concept/c"] == pytest.approx(BODY_WEIGHT)  # a body adds its weight to each concept, whatever n
    assert strength["concept/a"] == pytest.approx(TITLE_WEIGHT + BODY_WEIGHT)
    assert (N.nodes["concept/a"]["title_essays"], N.nodes["concept/c"]["body_essays"]) == (1, 1)


def test_one_long_body_does_not_outweigh_thirty_titles():
    essays = {f"t{i}": ("xy", "") for i in range(30)}
    essays["long"] = ("", "abcdefghijklmnopqrstuvw")  # one body with 23 concepts
    N = concept_network(layered_graph(essays), min_essays=1)
    body_total = sum(w for u, v, w in N.edges(data="weight") if "x" not in u + v)
    assert body_total == pytest.approx(BODY_WEIGHT * 23 / 2)  # w·n/2, not n(n-1)/2 = 253
    assert body_total < weight(N, "x", "y") == 30


def test_how_often_a_concept_occurs_in_an_essay_does_not_matter():
    plain = layered_graph({"e1": ("ab", "ab"), "e2": ("bc", "")})
    repeated = layered_graph({"e1": ("ab", "ab"), "e2": ("bc", "")}, counts={("e1", "a"): 40})
    assert concept_centrality(plain, min_essays=1, resamples=0) == concept_centrality(repeated, min_essays=1,
                                                                                      resamples=0)


def test_association_strength_is_observed_over_expected():
    W = np.array([[0, 2.0, 1.0], [2.0, 0, 1.0], [1.0, 1.0, 0]])
    A = association_strength(W)
    k, two_m = W.sum(axis=1), W.sum()
    assert A[0, 1] == pytest.approx(two_m * 2 / (k[0] * k[1]))
    assert np.allclose(A, A.T) and A[0, 0] == 0
    N = concept_network(layered_graph({"e1": ("ab", ""), "e2": ("ab", ""), "e3": ("bc", "")}), min_essays=1)
    assert N.edges["concept/a", "concept/b"]["association"] == pytest.approx(6 * 2 / (2 * 3))


# --- threshold and frame layer ------------------------------------------------------------


def test_concepts_of_too_few_essays_are_listed_after_the_ranking():
    G = layered_graph({"e1": ("abz", ""), "e2": ("ab", ""), "e3": ("b", "")})
    rows = concept_centrality(G, resamples=0)  # default: at least two essays
    assert [(r["concept"], r["rank"]) for r in rows] == [("b", 1), ("a", 2), ("z", None)]
    z = rows[-1]
    assert (z["pagerank"], z["degree"], z["community"], z["essays"]) == (None, None, None, 1)
    assert [r["rank"] for r in concept_centrality(G, min_essays=1, resamples=0)] == [1, 2, 3]


def test_the_frame_layer_is_left_out_before_counting_and_brought_in_on_request():
    essays = {"e1": ("abF", ""), "e2": ("aF", ""), "e3": ("bF", ""), "e4": ("ab", "")}
    G = layered_graph(essays, frame="F")
    N = concept_network(G)
    assert sorted(N) == ["concept/a", "concept/b"]
    assert weight(N, "a", "b") == 2.0  # e1 counts as a title of two concepts once F is removed
    rows = concept_centrality(G, resamples=0)
    assert [(r["concept"], r["rank"], r["frame"]) for r in rows] == [  # a and b are symmetric: they share rank 1
        ("a", 1, False), ("b", 1, False), ("F", None, True)]
    framed = concept_centrality(G, with_frame=True, resamples=0)
    assert framed[0]["concept"] == "F" and framed[0]["rank"] == 1
    assert weight(concept_network(G, with_frame=True), "a", "b") == pytest.approx(0.5 + 1)


def test_a_missing_frame_attribute_means_not_frame():
    G = layered_graph({"e1": ("ab", ""), "e2": ("ab", "")})
    for c in ("concept/a", "concept/b"):
        del G.nodes[c]["frame"]
    assert [(r["rank"], r["frame"]) for r in concept_centrality(G, resamples=0)] == [(1, False), (1, False)]  # a tie


# --- PageRank and the bootstrap ------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_pagerank_matrix_is_networkx_pagerank(seed):
    R = nx.gnp_random_graph(12, 0.3, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in R.edges:
        R.edges[u, v]["weight"] = float(rng.uniform(0.1, 3))
    R.add_node(12)  # an isolated node: its rank is spread uniformly
    nodes = sorted(R)
    expected = nx.pagerank(R, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000)
    got = pagerank_matrix(nx.to_numpy_array(R, nodelist=nodes, weight="weight"))
    assert got == pytest.approx([expected[n] for n in nodes], abs=1e-9)


def star_essays(n: int) -> dict:
    return {f"e{i:02d}": ("h" + "abcdefgh"[i % 8], "") for i in range(n)}


def test_rank_intervals_are_seeded_and_bound_the_ranks():
    G = layered_graph({**star_essays(40), "x1": ("ab", ""), "x2": ("cd", "")})
    a = concept_centrality(G, seed=1)
    assert a == concept_centrality(G, seed=1)
    ranked = [r for r in a if r["rank"] is not None]
    assert all(1 <= r["rank_low"] <= r["rank_high"] <= len(ranked) for r in ranked)
    hub = a[0]
    assert (hub["concept"], hub["rank_low"], hub["rank_high"]) == ("h", 1, 1)  # the hub is first in every draw
    assert any(r["rank_low"] < r["rank_high"] for r in ranked)  # the leaves trade places
    assert [r["rank_low"] for r in concept_centrality(G, resamples=0)] == [None] * len(a)


def test_rank_intervals_follow_the_measure_and_skip_betweenness():
    G = layered_graph(star_essays(24))
    assert concept_centrality(G, by="degree")[0]["rank_high"] == 1
    assert {r["rank_low"] for r in concept_centrality(G, by="betweenness")} == {None}


def test_bootstrap_resamples_essays():
    G = layered_graph({"e1": ("ab", ""), "e2": ("ab", ""), "e3": ("bc", ""), "e4": ("bc", "")})
    inc = incidence(G)
    keep = np.arange(3)
    draws = bootstrap_ranks(pair_weights(inc, keep), inc.present[:, keep], ["a", "b", "c"], ["a", "b", "c"],
                            resamples=200, seed=0)
    assert draws.shape == (200, 3)
    # every draw is a ranking; b is first unless the draw holds only e1/e2 or only e3/e4 (each 2·(1/2)^4)
    assert all(sorted(row) == [1, 2, 3] for row in draws.tolist())
    assert 0.75 < (draws[:, 1] == 1).mean() < 1
    low, high = rank_interval(draws)
    # a is first only in draws of e1/e2 alone (a and b tie, a's label first); c never is (b's label first)
    assert (low.tolist(), high.tolist()) == ([1, 1, 2], [3, 2, 3])


def test_the_bootstrap_work_is_bounded():
    assert resample_count(10_000, 50) == RESAMPLES
    assert resample_count(5_000_000, 50) == MIN_RESAMPLES
    assert MIN_RESAMPLES < resample_count(400_000, 50) < RESAMPLES


# --- concentration ----------------------------------------------------------------------------


def test_a_few_essays_carrying_most_of_the_weight_are_warned_about():
    essays = {f"t{i}": ("x", "") for i in range(9)}  # titles of one concept add no link
    essays["big"] = ("", "abcdefghijkl")
    essays["small"] = ("ab", "")
    G = layered_graph(essays)
    a = analyse_graph(G, min_essays=1, resamples=0)
    # big adds 0.5·12/2 = 3 of the 3 + 1: the top 10% (two essays of 11) carry it all
    assert a.concentration == 1.0
    assert len(a.warnings) == 1 and "top 10% of essays" in a.warnings[0]
    spread = layered_graph({f"t{i}": ("ab", "") for i in range(20)})
    assert analyse_graph(spread, resamples=0).warnings == ()
    inc = incidence(spread)
    assert weight_concentration(pair_weights(inc, np.arange(2))) == 0.1


# --- the seed: one essay cannot overturn the ranking ----------------------------------------------


@pytest.fixture(scope="module")
def seed_graph(seed_path):
    from xianjice.extract.pipeline import extract_files
    from xianjice.graph.build import build_graph

    return build_graph(extract_files([seed_path]))


def top_ten(G) -> list[str]:
    """The concepts ranked 1 to 10 (concepts tied with the tenth share its rank, so there can be more)."""
    return [r["id"] for r in concept_centrality(G, resamples=0) if r["rank"] is not None and r["rank"] <= 10]


def test_the_seed_top_ten_changes_by_at_most_two_concepts_when_any_one_essay_is_removed(seed_graph):
    reference = top_ten(seed_graph)
    assert len(reference) == 10
    essays = sorted(n for n, k in seed_graph.nodes(data="kind") if k == "essay")
    assert len(essays) == 60
    changes = {}
    for e in essays:
        H = seed_graph.copy()
        H.remove_node(e)
        changes[e] = len(set(reference) - set(top_ten(H)))
    assert max(changes.values()) <= 2, {e: n for e, n in changes.items() if n > 2}
    assert any(changes.values())  # the test can see a change


def test_the_seed_frame_layer_when_the_lexicon_flags_it(seed_graph):
    G = seed_graph.copy()
    slogans = {"科学发展观", "科学发展", "解放思想", "改革创新", "以人为本"}
    for n, d in G.nodes(data=True):
        if d.get("kind") == "concept":
            d["frame"] = d.get("label") in slogans
    rows = concept_centrality(G, resamples=0)
    ranked = [r["concept"] for r in rows if r["rank"] is not None]
    assert not slogans & set(ranked)
    assert {r["concept"] for r in rows if r["frame"]} == slogans & {r["concept"] for r in rows}
    framed = [r["concept"] for r in concept_centrality(G, with_frame=True, resamples=0) if r["rank"] is not None]
    assert "科学发展观" in framed[:5]
