"""Louvain communities of the concept network: determinism, ordering, comparison with the lexicon's themes."""

from __future__ import annotations

import pytest

from concept_graphs import tiny_graph
from xianjice.graph.analysis.communities import (
    communities_table, community_name, community_of, concept_communities, overall_purity,
)


def communities(G, **options):
    """Communities over every concept (the essay threshold is tested on its own)."""
    return concept_communities(G, **{"min_essays": 1, **options})

# two dense groups of different themes, joined by one essay that discusses c and x
TWO_GROUPS = {"e1": "abc", "e2": "abc", "e3": "abd", "e4": "xyz", "e5": "xyz", "e6": "xy", "e7": "cx"}
THEMES = {**dict.fromkeys("abcd", "监管"), **dict.fromkeys("xyz", "风险")}


def test_groups_follow_the_texts():
    coms = communities(tiny_graph(TWO_GROUPS, themes=THEMES))
    assert [sorted(c["concepts"]) for c in coms] == [list("abcd"), list("xyz")]
    assert [(c["community"], c["size"], c["majority_theme"], c["purity"]) for c in coms] == [
        (1, 4, "监管", 1.0), (2, 3, "风险", 1.0)]


def test_members_ordered_by_weighted_degree_then_label():
    coms = communities(tiny_graph(TWO_GROUPS, themes=THEMES))
    # a and b share 3 essays with each other and meet c twice, d once: weighted degree a=b=6, c=5, d=2
    assert coms[0]["concepts"] == ["a", "b", "c", "d"]
    assert coms[0]["ids"] == ["concept/a", "concept/b", "concept/c", "concept/d"]


def test_purity_against_mixed_themes():
    themes = {**THEMES, "d": "风险"}
    coms = communities(tiny_graph(TWO_GROUPS, themes=themes))
    assert coms[0]["themes"] == {"监管": 3, "风险": 1}
    assert coms[0]["purity"] == 0.75
    assert overall_purity(coms) == round(6 / 7, 6)


def test_isolated_concepts_are_communities_of_their_own_and_come_last():
    coms = communities(tiny_graph({**TWO_GROUPS, "e8": "q"}, themes=THEMES))
    assert coms[-1]["concepts"] == ["q"] and coms[-1]["size"] == 1
    assert coms[-1]["majority_theme"] == "T"
    assert "Alone (1): q" in communities_table(coms)
    # the lone concept does not count for overall purity
    assert overall_purity(coms) == overall_purity(coms[:-1])


@pytest.mark.parametrize("shuffle_seed", range(4))
def test_deterministic_whatever_the_insertion_order(shuffle_seed):
    essays = {**TWO_GROUPS, "e8": "pq", "e9": "pqr", "e10": "rd"}
    reference = communities(tiny_graph(essays, themes=THEMES), seed=0)
    assert communities(tiny_graph(essays, themes=THEMES, shuffle_seed=shuffle_seed), seed=0) == reference


def test_community_of_maps_every_concept():
    coms = communities(tiny_graph(TWO_GROUPS, themes=THEMES))
    mapping = community_of(coms)
    assert sorted(mapping) == [f"concept/{c}" for c in "abcdxyz"]
    assert mapping["concept/a"] == 1 and mapping["concept/x"] == 2


def test_empty_graph():
    assert communities(tiny_graph({})) == []
    assert overall_purity([]) is None


def test_table_lists_the_name_and_purity():
    table = communities_table(communities(tiny_graph(TWO_GROUPS, themes=THEMES)))
    lines = table.splitlines()
    assert lines[0].split() == ["#", "size", "name", "(lexicon", "themes)", "purity", "concepts"]
    assert lines[1].split() == ["1", "4", "监管", "1.0000", "a、b、c、d"]


@pytest.mark.parametrize(("themes", "name"), [
    ({"监管": 3, "风险": 1}, "监管"),
    ({"监管": 2, "风险": 1, "统计": 1}, "mixed: 监管 50% · 风险 25% · 统计 25%"),  # half is not a majority
    ({"监管": 1, "风险": 1}, "mixed: 监管 50% · 风险 50%"),
    ({"监管": 3, "风险": 3, "统计": 2, "税收": 1, "法制": 1}, "mixed: 监管 30% · 风险 30% · 统计 20% · +2 more (20%)"),
    ({"": 2, "监管": 1}, "-"),
])
def test_a_community_is_named_after_a_theme_only_when_it_holds_a_majority(themes, name):
    assert community_name(themes) == name


def test_a_mixed_community_shows_its_theme_shares():
    themes = {**THEMES, "c": "税收", "d": "风险"}  # the first group: 监管 2, 税收 1, 风险 1
    found = communities(tiny_graph(TWO_GROUPS, themes=themes))
    first = found[0]
    # 税收 (c, three essays) weighs more in the network than 风险 (d, one): it comes first of the two
    assert list(first["themes"].items()) == [("监管", 2), ("税收", 1), ("风险", 1)]
    assert first["theme_shares"] == {"监管": 0.5, "税收": 0.25, "风险": 0.25}
    assert first["name"] == "mixed: 监管 50% · 税收 25% · 风险 25%" and first["purity"] == 0.5
    assert first["name"] in communities_table(found)


def test_the_frame_layer_and_rare_concepts_are_left_out():
    essays = {**TWO_GROUPS, "e8": "aF", "e9": "xF", "e10": "q"}
    G = tiny_graph(essays, themes=THEMES)
    G.nodes["concept/F"]["frame"] = True
    ids = {c for com in concept_communities(G) for c in com["ids"]}
    assert "concept/F" not in ids and "concept/q" not in ids and "concept/d" not in ids  # d, q: one essay each
    assert "concept/F" in {c for com in concept_communities(G, with_frame=True) for c in com["ids"]}


def test_louvain_runs_on_association_strength():
    # a hub h discussed with everything: by raw weight it pulls both groups together; association strength
    # discounts its links by its frequency, and the groups stay apart
    essays = {**TWO_GROUPS, **{f"h{i}": ["h", c] for i, c in enumerate("abcdxyzabxy")}}
    G = tiny_graph(essays, themes={**THEMES, "h": "风险"})
    from xianjice.graph.analysis.cooccurrence import concept_network

    N = concept_network(G, min_essays=1)
    a, b = N.edges["concept/a", "concept/b"], N.edges["concept/a", "concept/h"]
    assert b["weight"] > a["weight"] - 2 and b["association"] < a["association"]
    found = communities(G)
    assert {frozenset(com["concepts"]) for com in found if "a" in com["concepts"] or "x" in com["concepts"]} != {
        frozenset("abcdxyzh")}
