"""Evidence of essay → concept links in every output: JSON, graph edges (GraphML, CSV, explorer), Turtle."""

from __future__ import annotations

import pytest
from rdflib import Literal

from xianjice.extract.serialize import compilation_to_json
from xianjice.graph.build import build_graph
from xianjice.graph.rdf.triples import to_rdflib
from xianjice.graph.rdf.vocab import RDF, XJ


@pytest.fixture(scope="module")
def analysed(seed_compilation):
    from xianjice.extract.analyse import analyse

    return analyse(seed_compilation)


def test_json_carries_forms_line_and_snippet(analysed):
    doc = compilation_to_json(analysed)
    link = next(c for c in doc["essays"][0]["concepts"] if c["label"] == "垂直管理")
    assert link["surfaces"] == ["垂直领导体制", "垂直管理", "垂直管理体制"]
    assert link["first_line"] == 246 and "垂直领导体制" in link["snippet"]
    concept = next(k for k in doc["lexicon"]["concepts"] if k["label"] == "一岗双责")
    assert concept["broader"] == "党风廉政建设" and concept["frame"] is False and "责任制" in concept["source"]
    assert next(k for k in doc["lexicon"]["concepts"] if k["label"] == "科学发展观")["frame"] is True


def test_about_edges_and_frame_nodes(analysed):
    G = build_graph([analysed])
    essay = next(n for n, d in G.nodes(data=True) if d["kind"] == "essay" and d["seq"] == 2)
    edges = {G.nodes[v]["label"]: d for _, v, k, d in G.out_edges(essay, keys=True, data=True) if k == "about"}
    ev = edges["权力制约"]
    assert (ev["surface"], ev["line"], ev["count"]) == ("权力的制约", 290, 1)
    assert "办案权力的制约" in ev["snippet"]
    frames = {d["label"] for _, d in G.nodes(data=True) if d["kind"] == "concept" and d["frame"]}
    assert {"科学发展观", "解放思想"} <= frames and "党建" not in frames


def test_turtle_concept_match(analysed):
    G = build_graph([analysed])
    g = to_rdflib(G)
    matches = set(g.subjects(RDF.type, XJ.ConceptMatch))
    about = sum(1 for u, _, k in G.edges(keys=True) if k == "about" and G.nodes[u]["kind"] == "essay")
    assert len(matches) == about  # one per essay → concept link
    m = next(s for s in matches if (s, XJ.surfaceForm, Literal("垂直领导体制", lang="zh")) in g)
    assert {str(o) for o in g.objects(m, XJ.surfaceForm)} == {"垂直领导体制", "垂直管理", "垂直管理体制"}
    assert g.value(m, XJ.firstLine).toPython() == 246 and g.value(m, XJ.occurrences).toPython() == 3
    frame = {str(g.value(s, XJ.frame)) for s in g.subjects(XJ.frame, None)}
    assert frame == {"true"}
