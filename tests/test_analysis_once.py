"""The analysis is computed once (graph/analysis/result.py) and equals what the public functions compute;
a build's writers only format the graph and it."""

from __future__ import annotations

import dataclasses

import pytest

from xianjice.graph.analysis.centrality import concept_centrality
from xianjice.graph.analysis.communities import concept_communities
from xianjice.graph.analysis.result import Analysis, analyse_graph
from xianjice.graph.analysis.themes import unit_theme_matrix


@pytest.fixture(scope="module")
def seed_books(seed_path):
    from xianjice.extract.pipeline import extract_files

    return extract_files([seed_path])


@pytest.fixture(scope="module")
def seed_graph(seed_books):
    from xianjice.graph.build import build_graph

    return build_graph(seed_books)


@pytest.fixture(scope="module")
def analysis(seed_graph) -> Analysis:
    return analyse_graph(seed_graph)


def test_the_analysis_is_what_the_public_functions_compute(seed_graph, analysis):
    communities = concept_communities(seed_graph)
    assert list(analysis.communities) == communities
    assert list(analysis.centrality) == concept_centrality(seed_graph, communities=communities)
    assert analysis.unit_matrix == unit_theme_matrix(seed_graph)
    assert analysis.top_matrix == unit_theme_matrix(seed_graph, level="top")
    assert sorted(analysis.network) == sorted(r["id"] for r in analysis.ranked()) != []
    assert set(analysis.network) < set(analysis.display_network)  # the explorer also draws the rest


def test_the_analysis_is_frozen(analysis):
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.centrality = ()  # type: ignore[misc]


def test_the_explorer_reads_the_analysis(seed_graph, analysis):
    from xianjice.graph.explorer import views

    assert views.essay_table(seed_graph, analysis=analysis) == views.essay_table(seed_graph)
    facts = views.view_facts(seed_graph, analysis=analysis)
    assert facts["network"] is analysis.display_network
    top = analysis.ranked()[0]
    assert facts["scores"][top["id"]] == 1.0 and facts["pagerank_rank"][top["id"]] == 1


def test_a_build_computes_the_analysis_once_and_the_writers_only_format(seed_books, monkeypatch, tmp_path):
    from xianjice.graph.analysis.cooccurrence import CONCENTRATION_LIMIT

    import xianjice.graph.analysis.centrality as centrality
    import xianjice.graph.analysis.communities as communities
    import xianjice.graph.analysis.cooccurrence as cooccurrence
    import xianjice.graph.analysis.themes as themes
    import xianjice.graph.explorer.views as views
    import xianjice.graph.writers.export as export
    import xianjice.graph.writers.heatmap as heatmap

    calls = []
    real = export.analyse_graph
    monkeypatch.setattr(export, "analyse_graph", lambda G, **kw: calls.append(1) or real(G, **kw))

    def recomputed(*args, **kwargs):
        raise AssertionError("a writer computed an analysis again")

    for module, name in [(cooccurrence, "concept_network"), (cooccurrence, "essay_concepts"),
                         (centrality, "concept_centrality"), (communities, "concept_communities"),
                         (themes, "unit_theme_matrix"), (themes, "essay_themes"), (views, "essay_themes"),
                         (views, "concept_scores"), (heatmap, "heatmap_matrix"), (heatmap, "heatmap_files")]:
        monkeypatch.setattr(module, name, recomputed)
    from xianjice.graph.writers.heatmap_worker import Drawn

    drawn = []

    class Worker:  # the heatmap worker's side of the build, without a process
        def send(self, matrix):
            drawn.append(matrix)

        def receive(self):
            return Drawn({"units-themes.png": b"png", "units-themes.svg": b"svg"}, {"units": 1}, None)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            pass

    report = export.write_build(seed_books, tmp_path / "out", heatmap_worker=Worker())
    assert calls == [1]
    assert len(drawn) == 1 and drawn[0].units  # the heatmap drawn once, from the analysis's matrix
    assert (tmp_path / "out" / "units-themes.png").read_bytes() == b"png"
    central = (tmp_path / "out" / "central.csv").read_text(encoding="utf-8-sig").splitlines()
    assert central[0].startswith("rank,rank_low,rank_high,concept,theme,frame,community,community_name,")
    assert report["central"][0]["rank"] == 1 and report["central"][0]["rank_low"] >= 1
    assert report["analysis"]["options"]["min_essays"] == 2
    # the seed's warning is legitimate (12 of its 60 essays link two ranked concepts; 6 carry 56% of the weight):
    # the report carries the analysis's own warnings, whatever they are, once
    warnings = report["analysis"]["warnings"]
    assert len(warnings) == len(set(warnings)) <= 1
    assert bool(warnings) == (report["analysis"]["weight_top_essays"] > CONCENTRATION_LIMIT)
    assert all("of the co-occurrence weight comes from the top 10% of essays" in w for w in warnings)
