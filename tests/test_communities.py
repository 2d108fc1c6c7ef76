"""Louvain communities of the concept network: determinism, ordering, comparison with the lexicon's themes."""

from __future__ import annotations

import pytest

from concept_graphs import tiny_graph
from xianjice.graph.analysis.communities import communities_table, community_of, concept_communities, overall_purity

# two dense groups of different themes, joined by one essay that discusses c and x
TWO_GROUPS = {"e1": "abc", "e2": "abc", "e3": "abd", "e4": "xyz", "e5": "xyz", "e6": "xy", "e7": "cx"}
THEMES = {**dict.fromkeys("abcd", "监管"), **dict.fromkeys("xyz", "风险")}


def test_groups_follow_the_texts():
    coms = concept_communities(tiny_graph(TWO_GROUPS, themes=THEMES))
    assert [sorted(c["concepts"]) for c in coms] == [list("abcd"), list("xyz")]
    assert [(c["community"], c["size"], c["majority_theme"], c["purity"]) for c in coms] == [
        (1, 4, "监管", 1.0), (2, 3, "风险", 1.0)]


def test_members_ordered_by_weighted_degree_then_label():
    coms = concept_communities(tiny_graph(TWO_GROUPS, themes=THEMES))
    # a and b share 3 essays with each other and meet c twice, d once: weighted degree a=b=6, c=5, d=2
    assert coms[0]["concepts"] == ["a", "b", "c", "d"]
    assert coms[0]["ids"] == ["concept/a", "concept/b", "concept/c", "concept/d"]


def test_purity_against_mixed_themes():
    themes = {**THEMES, "d": "风险"}
    coms = concept_communities(tiny_graph(TWO_GROUPS, themes=themes))
    assert coms[0]["themes"] == {"监管": 3, "风险": 1}
    assert coms[0]["purity"] == 0.75
    assert overall_purity(coms) == round(6 / 7, 6)


def test_isolated_concepts_are_communities_of_their_own_and_come_last():
    coms = concept_communities(tiny_graph({**TWO_GROUPS, "e8": "q"}, themes=THEMES))
    assert coms[-1]["concepts"] == ["q"] and coms[-1]["size"] == 1
    assert coms[-1]["majority_theme"] == "T"
    assert "Alone (1): q" in communities_table(coms)
    # the lone concept does not count for overall purity
    assert overall_purity(coms) == overall_purity(coms[:-1])


@pytest.mark.parametrize("shuffle_seed", range(4))
def test_deterministic_whatever_the_insertion_order(shuffle_seed):
    essays = {**TWO_GROUPS, "e8": "pq", "e9": "pqr", "e10": "rd"}
    reference = concept_communities(tiny_graph(essays, themes=THEMES), seed=0)
    assert concept_communities(tiny_graph(essays, themes=THEMES, shuffle_seed=shuffle_seed), seed=0) == reference


def test_community_of_maps_every_concept():
    coms = concept_communities(tiny_graph(TWO_GROUPS, themes=THEMES))
    mapping = community_of(coms)
    assert sorted(mapping) == [f"concept/{c}" for c in "abcdxyz"]
    assert mapping["concept/a"] == 1 and mapping["concept/x"] == 2


def test_empty_graph():
    assert concept_communities(tiny_graph({})) == []
    assert overall_purity([]) is None


def test_table_lists_majority_theme_and_purity():
    table = communities_table(concept_communities(tiny_graph(TWO_GROUPS, themes=THEMES)))
    lines = table.splitlines()
    assert lines[0].split() == ["#", "size", "lexicon", "theme", "purity", "concepts"]
    assert lines[1].split() == ["1", "4", "监管", "1.0000", "a、b、c、d"]


def test_a_community_without_a_majority_theme_is_called_mixed():
    from xianjice.graph.analysis.communities import theme_label

    assert theme_label({"监管": 1, "风险": 1}, 0.5) == "混合 mixed: 监管 / 风险"
    assert theme_label({"监管": 2, "风险": 1, "统计": 1}, 0.5) == "监管"
    assert theme_label({"监管": 2, "风险": 1, "统计": 1, "税收": 1}, 0.4) == "混合 mixed: 监管 / 风险"
