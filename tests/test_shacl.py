"""graph.ttl conforms to the SHACL shapes shipped in graph/rdf/data/shapes.ttl."""

from __future__ import annotations

from importlib import resources

import pyshacl
import pytest
from graph_records import compilations
from rdflib import Graph, Literal, URIRef

from xianjice.graph.build import build_graph
from xianjice.graph.rdf.triples import to_rdflib
from xianjice.graph.rdf.vocab import ORG, SDO, SKOS, XJ

BASE = "https://example.org/id/"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    text = resources.files("xianjice.graph.rdf").joinpath("data/shapes.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


@pytest.fixture
def data() -> Graph:
    return to_rdflib(build_graph(compilations()), base=BASE)


def validate(data: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return conforms, text


def test_fixture_graph_conforms(data, shapes):
    conforms, text = validate(data, shapes)
    assert conforms, text


def test_every_typed_resource_has_a_shape(data, shapes):
    from rdflib.namespace import RDF, SH

    targets = set(shapes.objects(None, SH.targetClass))
    for s in set(data.subjects(RDF.type, None)):
        assert set(data.objects(s, RDF.type)) & targets, s


essay = URIRef(BASE + "essay/9787801656490/02")
org = URIRef(BASE + "org/hai-guan-zong-shu/bei-jing-hai-guan")


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda g: g.remove((essay, SDO.name, None)), "schema:name"),
        (lambda g: g.add((essay, SDO.pageStart, Literal("seven"))), "pageStart"),
        (lambda g: g.add((essay, SDO.position, Literal(3))), "position"),
        (lambda g: g.add((essay, SDO.author, org)), "author"),
        (lambda g: g.remove((org, SKOS.prefLabel, None)), "prefLabel"),
        (lambda g: g.add((org, ORG.subOrganizationOf, URIRef(BASE + "org/x"))), "subOrganizationOf"),
        (lambda g: g.set((org, XJ.orgKind, Literal("Ministry of X"))), "orgKind"),
        (lambda g: g.remove((URIRef(BASE + "tier/1"), XJ.rank, None)), "rank"),
        (lambda g: g.remove((URIRef(BASE + "proposal/9787801656490/02/1"), SDO.isPartOf, None)), "isPartOf"),
    ],
)
def test_broken_graphs_do_not_conform(data, shapes, break_it, message):
    break_it(data)
    conforms, text = validate(data, shapes)
    assert not conforms
    assert message in text


# --- the centrality scores (xj:pagerank …) ----------------------------------

concept = URIRef(BASE + "concept/feng-xian-guan-li")
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
SCORES = (XJ.pagerank, XJ.betweenness, XJ.eigenvector, XJ.weightedDegree, XJ.essayCount)


@pytest.fixture
def scored() -> Graph:
    """The fixture graph with the centrality triples a build adds."""
    from xianjice.graph.analysis.centrality import concept_centrality, rows_triples

    G = build_graph(compilations())
    g = to_rdflib(G, base=BASE)
    for t in rows_triples(concept_centrality(G, min_essays=1, resamples=0), base=BASE):
        g.add(t)
    return g


def test_scored_graph_conforms(scored, shapes):
    assert set(scored.subjects(XJ.pagerank, None)) >= {concept}
    conforms, text = validate(scored, shapes)
    assert conforms, text


def move_scores(g: Graph, to: URIRef) -> None:
    for p in SCORES:
        for o in list(g.objects(concept, p)):
            g.remove((concept, p, o))
            g.add((to, p, o))


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda g: g.set((concept, XJ.pagerank, Literal("high"))), "pagerank"),
        (lambda g: g.set((concept, XJ.pagerank, Literal(1))), "pagerank"),
        (lambda g: g.add((concept, XJ.pagerank, Literal("0.5", datatype=DECIMAL))), "pagerank"),
        (lambda g: g.set((concept, XJ.betweenness, Literal("1.5", datatype=DECIMAL))), "betweenness"),
        (lambda g: g.set((concept, XJ.weightedDegree, Literal("-0.5", datatype=DECIMAL))), "weightedDegree"),
        (lambda g: g.add((concept, XJ.essayCount, Literal(7))), "essayCount"),
        (lambda g: g.remove((concept, XJ.essayCount, None)), "essayCount"),
        (lambda g: move_scores(g, URIRef(BASE + "theme/risk")), "topConceptOf"),
        (lambda g: move_scores(g, URIRef(BASE + "tier/1")), "AwardTier"),
        (lambda g: move_scores(g, essay), "Concept"),
    ],
    ids=["string", "wrong-datatype", "two-values", "above-one", "degree-negative", "two-counts",
         "missing-count", "on-a-theme", "on-a-tier", "on-an-essay"],
)
def test_broken_scores_do_not_conform(scored, shapes, break_it, message):
    break_it(scored)
    conforms, text = validate(scored, shapes)
    assert not conforms
    assert message in text
