"""The RDF mapping (xianjice.graph.rdf.triples) and the sorted Turtle writer (xianjice.graph.rdf.turtle)."""

from __future__ import annotations

import random
from dataclasses import replace

import pyoxigraph
import pytest
from graph_records import book_b, compilations
from rdf_terms import oxigraph_key, rdflib_key
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from xianjice.graph.build import build_graph
from xianjice.graph.ids import BaseIRIError
from xianjice.graph.rdf.triples import graph_triples, to_rdflib
from xianjice.graph.rdf.turtle import serialize_turtle
from xianjice.graph.rdf.vocab import FOAF, ORG, PREFIXES, SDO, SKOS, XSD

BASE = "https://example.org/id/"
PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES) + "\n"


@pytest.fixture(scope="module")
def G():
    return build_graph(compilations())


@pytest.fixture(scope="module")
def g(G) -> Graph:
    return to_rdflib(G, base=BASE)


def ask(g: Graph, query: str) -> bool:
    return g.query(f"BASE <{BASE}>\n" + PREFIX_LINES + query).askAnswer


@pytest.mark.parametrize(
    "pattern",
    [
        # essay
        '<essay/9787801656490/02> a schema:Article ; schema:name "改革办案模式 防范两大风险"@zh ;'
        ' schema:alternativeHeadline "——关于海关缉私局刑事执法职能调整的探讨"@zh ;'
        ' schema:pageStart 7 ; schema:position 2 ; schema:isPartOf <book/9787801656490> .',
        # book
        '<book/9787801656490> a schema:Book ; schema:isbn "978-7-80165-649-0" ;'
        ' schema:datePublished "2009-08"^^xsd:gYearMonth ; schema:publisher [ schema:name "中国海关出版社"@zh ] ;'
        ' schema:editor [ a schema:Person ; schema:name "王松鹤"@zh ] .',
        # authorship and the unit hierarchy
        '<essay/9787801656490/02> schema:author ?p ; schema:sourceOrganization ?u .'
        ' ?p a schema:Person, foaf:Person ; schema:name "王绍波"@zh, "Wáng Shàobō"@zh-Latn-pinyin ; org:memberOf ?u .'
        ' ?u a org:Organization ; skos:prefLabel "北京海关"@zh, "Běijīng Hǎiguān"@zh-Latn-pinyin ;'
        ' org:subOrganizationOf [ skos:prefLabel "海关总署"@zh ] .',
        '<essay/9787801656490/03> schema:sourceOrganization/org:subOrganizationOf+ [ skos:prefLabel "海关总署"@zh ] .',
        # tier
        '<essay/9787801656490/02> schema:award [ skos:prefLabel "一等奖"@zh, "First prize"@en ] .',
        # concepts
        '<essay/9787801656490/02> schema:about ?c . ?c a skos:Concept ; skos:inScheme [ a skos:ConceptScheme ] ;'
        ' skos:prefLabel "风险管理"@zh, "risk management"@en ; skos:altLabel "风险管控"@zh ;'
        ' skos:broader [ skos:prefLabel "风险防控"@zh ; skos:topConceptOf ?scheme ] .',
        # citations, proposals, provenance
        '<essay/9787801656490/02> schema:citation [ schema:name "中华人民共和国海关法"@zh ] .',
        '<essay/9787801656490/02> xj:proposes ?p . ?p a xj:Proposal ; schema:position 1 ;'
        ' schema:about [ skos:prefLabel "风险管理"@zh ] ; prov:wasDerivedFrom ?s .'
        ' ?s a prov:Entity ; xj:firstLine 250 ; xj:lastLine 251 ; prov:wasDerivedFrom <book/9787801656490> .',
        '<essay/9787801656490/02> prov:wasDerivedFrom [ xj:firstLine 231 ; xj:lastLine 260 ; xj:sourceFile "book-a.txt" ] .',
        '<essay/9787801656490/02> schema:mentions [ schema:name "盛光祖"@zh ] .',
    ],
)
def test_vocabulary(g, pattern):
    assert ask(g, "ASK { " + pattern + " }"), pattern


def test_no_essay_without_a_name_or_book(g):
    assert not ask(g, "ASK { ?e a schema:Article . FILTER NOT EXISTS { ?e schema:name ?n ; schema:isPartOf ?b } }")


def test_iris_are_ascii_and_under_the_base(g):
    for term in {t for triple in g for t in triple if isinstance(t, URIRef)}:
        assert str(term).isascii()
    for s in g.subjects():
        assert str(s).startswith(BASE)


def test_writer_parses_to_rdflib_graph(G, g):
    text = serialize_turtle(graph_triples(G, base=BASE))
    parsed = Graph().parse(data=text, format="turtle")
    assert len(parsed) == len(g)
    assert isomorphic(parsed, g)


def test_writer_agrees_with_oxigraph(G, g):
    text = serialize_turtle(graph_triples(G, base=BASE))
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    theirs = {tuple(map(oxigraph_key, q.triple)) for q in store.quads_for_pattern(None, None, None, None)}
    assert theirs == {tuple(map(rdflib_key, t)) for t in g}


def test_rdflib_turtle_agrees_with_writer(g):
    """rdflib's own serializer and ours give the same triples (theirs is the reference)."""
    theirs = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    ours = Graph().parse(data=serialize_turtle(g), format="turtle")
    assert isomorphic(theirs, ours)


def test_turtle_is_byte_identical_across_input_order():
    outputs = set()
    rng = random.Random(3)
    for _ in range(4):
        cs = compilations()
        rng.shuffle(cs)
        cs = [replace(c, essays=tuple(rng.sample(c.essays, len(c.essays)))) for c in cs]
        outputs.add(serialize_turtle(graph_triples(build_graph(cs), base=BASE)))
    assert len(outputs) == 1


@pytest.mark.parametrize("base", ["example.org/", "https://example.org/id", "https://exa mple.org/", "https://e.org/#a/"])
def test_bad_base_iri(G, base):
    with pytest.raises(BaseIRIError):
        to_rdflib(G, base=base)


def test_hash_base(G):
    g = to_rdflib(G, base="urn:x-xianjice:test#")
    assert (URIRef("urn:x-xianjice:test#tier/1"), SKOS.prefLabel, Literal("First prize", lang="en")) in g


def test_literal_datatypes(g):
    assert set(g.objects(None, SDO.pageStart)) and all(o.datatype == XSD.integer for o in g.objects(None, SDO.pageStart))
    assert all(o.language == "zh" for o in g.objects(None, SDO.alternativeHeadline))
    assert set(g.subjects(ORG.memberOf, None)) <= set(g.subjects(None, FOAF.Person))


hostile = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from('"\\\n\r\t<>{}|^`\x00\u2028#%?/ '),
    min_size=1,
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile, author=hostile, unit_name=hostile, concept=hostile)
def test_nothing_from_the_input_breaks_iris_or_literals(title, author, unit_name, concept):
    from xianjice.extract.records import ConceptLink, UnitRef

    c = book_b()
    e = c.essays[0]
    e = replace(
        e,
        entry=replace(e.entry, title=title, authors=(author,), units=(UnitRef(unit_name, ("海关总署", unit_name)),)),
        concepts=(ConceptLink(concept, concept, "body", 1, 3),),
    )
    G = build_graph([replace(c, essays=(e,))])
    triples = set(graph_triples(G, base=BASE))
    text = serialize_turtle(triples)
    parsed = Graph().parse(data=text, format="turtle")
    assert len(parsed) == len(set(triples))
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(parsed)
