"""The Turtle terms graph.ttl is written with, made without rdflib objects (TurtleWriter.ref/text/integer/typed/boolean).

They must be exactly what the writer makes of the same rdflib term, and
rdflib's and pyoxigraph's parsers must read them back as rdflib's own
N-Triples form of that term.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import chain

import pyoxigraph
import pytest
from graph_records import book_b, compilations
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdf_terms import oxigraph_key, rdflib_key
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from xianjice.graph.build import build_graph
from xianjice.graph.rdf.triples import date_datatype, graph_triples, to_rdflib, turtle_triples
from xianjice.graph.rdf.turtle import TurtleWriter, serialize_turtle, write_turtle_text
from xianjice.graph.rdf.vocab import XSD

BASE = "https://example.org/id/"
XSD_NS = str(XSD.integer).rsplit("#", 1)[0] + "#"

#: (method, arguments, the same term made by rdflib)
TABLE = [
    ("text", ("plain",), Literal("plain")),
    ("text", ('他说"好"',), Literal('他说"好"')),
    ("text", ("back\\slash\\",), Literal("back\\slash\\")),
    ("text", ("line\nbreak\r\ttab",), Literal("line\nbreak\r\ttab")),
    ("text", ("\b\f\x00\x01\x1f\x7f",), Literal("\b\f\x00\x01\x1f\x7f")),
    ("text", ("bidi \u202e\u2066 and C1 \x85\x9f, \u2028\u2029",), Literal("bidi \u202e\u2066 and C1 \x85\x9f, \u2028\u2029")),
    ("text", ("non-BMP Han 𠀀𪚥𰻞 and 😀",), Literal("non-BMP Han 𠀀𪚥𰻞 and 😀")),
    ("text", ("",), Literal("")),
    ("text", ("'''\"\"\"",), Literal("'''\"\"\"")),
    ("text", ("海关", "zh"), Literal("海关", lang="zh")),
    ("text", ("Hǎiguān", "zh-Latn-pinyin"), Literal("Hǎiguān", lang="zh-Latn-pinyin")),
    ("text", ("risk\nmanagement", "en"), Literal("risk\nmanagement", lang="en")),
    ("integer", (0,), Literal(0, datatype=XSD.integer)),
    ("integer", (-12,), Literal(-12, datatype=XSD.integer)),
    ("integer", (10**30,), Literal(10**30, datatype=XSD.integer)),
    ("integer", (True,), Literal(1, datatype=XSD.integer)),
    ("typed", ("7", str(XSD.integer)), Literal("7", datatype=XSD.integer)),
    ("typed", ("1.5", str(XSD.integer)), Literal("1.5", datatype=XSD.integer)),
    ("typed", ("0.102414", str(XSD.decimal)), Literal("0.102414", datatype=XSD.decimal)),
    ("typed", ("2009-08-01", str(XSD.date)), Literal("2009-08-01", datatype=XSD.date)),
    ("typed", ("2009-02-30", str(XSD.date)), Literal("2009-02-30", datatype=XSD.date)),
    ("typed", ("2009-08", str(XSD.gYearMonth)), Literal("2009-08", datatype=XSD.gYearMonth)),
    ("typed", ("２００９", str(XSD.gYear)), Literal("２００９", datatype=XSD.gYear)),
    ("typed", ('x"y', "https://example.org/dt#t"), Literal('x"y', datatype=URIRef("https://example.org/dt#t"))),
    ("boolean", (True,), Literal(True)),
    ("boolean", (False,), Literal(False)),
    ("ref", ("https://schema.org/Article",), URIRef("https://schema.org/Article")),
    ("ref", ("https://schema.org/Article-2",), URIRef("https://schema.org/Article-2")),
    ("ref", ("https://schema.org/a.b",), URIRef("https://schema.org/a.b")),
    ("ref", ("https://schema.org/",), URIRef("https://schema.org/")),
    ("ref", ("https://example.org/id/essay/1",), URIRef("https://example.org/id/essay/1")),
    ("ref", ("https://example.org/%E6%B5%B7%20x?q=1#f",), URIRef("https://example.org/%E6%B5%B7%20x?q=1#f")),
    ("ref", ("https://example.org/海关/科",), URIRef("https://example.org/海关/科")),
]


def fast(method: str, args: tuple) -> str:
    return getattr(TurtleWriter(), method)(*args)


def parse_rdflib(obj: str):
    doc = TurtleWriter().header() + f"<urn:x:s> <urn:x:p> {obj} .\n"
    (o,) = Graph().parse(data=doc, format="turtle").objects()
    return o


def parse_oxigraph(obj: str):
    doc = TurtleWriter().header() + f"<urn:x:s> <urn:x:p> {obj} .\n"
    (triple,) = pyoxigraph.parse(doc.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    return triple.object


def ntriples_form(term):
    """The term as rdflib writes and reads it in N-Triples."""
    g = Graph()
    g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), term))
    (o,) = Graph().parse(data=g.serialize(format="nt"), format="nt").objects()
    return o


@pytest.mark.parametrize("method, args, term", TABLE, ids=[repr(a)[:40] for _, a, _ in TABLE])
def test_fast_term_is_the_writers_form_of_the_rdflib_term(method, args, term):
    assert fast(method, args) == TurtleWriter().term(term)


@pytest.mark.parametrize("method, args, term", TABLE, ids=[repr(a)[:40] for _, a, _ in TABLE])
def test_fast_term_reads_back_as_rdflibs_ntriples_form(method, args, term):
    text = fast(method, args)
    assert rdflib_key(parse_rdflib(text)) == rdflib_key(ntriples_form(term))
    assert oxigraph_key(parse_oxigraph(text)) == rdflib_key(ntriples_form(term))


@pytest.mark.parametrize("iri", ["https://example.org/a b", "https://example.org/<x>", 'https://e.org/"', "https://e.org/{a}",
                                 "https://e.org/a\\b", "https://e.org/a|b^c`d", "https://e.org/\n"])
def test_iri_that_turtle_cannot_hold_is_refused_by_both_paths(iri):
    with pytest.raises(ValueError, match="IRI cannot be written"):
        TurtleWriter().ref(iri)
    with pytest.raises(ValueError, match="IRI cannot be written"):
        TurtleWriter().term(URIRef(iri))


def test_lone_surrogate_becomes_replacement_character_in_both_paths():
    assert fast("text", ("a\ud800b", "zh")) == TurtleWriter().term(Literal("a\ud800b", lang="zh")) == '"a\ufffdb"@zh'


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from('"\\\n\r\t\x00\x7f\x85\u2028'),
                max_size=20)


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from([None, "zh", "en", "zh-Latn-pinyin"]))
def test_text_agrees_with_rdflib(text, lang):
    term = Literal(text, lang=lang)
    ours = TurtleWriter().text(text, lang)
    assert ours == TurtleWriter().term(term)
    assert rdflib_key(parse_rdflib(ours)) == rdflib_key(term)
    assert oxigraph_key(parse_oxigraph(ours)) == rdflib_key(term)


dates = st.from_regex(r"\d{4}(-\d{2}(-\d{2})?)?", fullmatch=True) | st.text(st.sampled_from("0123456789-年月２ \"\\"),
                                                                            max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=dates)
def test_dates_agree_with_rdflib(text):
    """typed() writes the lexical form as given; rdflib keeps it too for the date types the mapping uses."""
    datatype = date_datatype(text)
    term = Literal(text, datatype=datatype) if datatype else Literal(text)
    ours = TurtleWriter().typed(text, datatype) if datatype else TurtleWriter().text(text)
    assert ours == TurtleWriter().term(term)
    assert rdflib_key(parse_rdflib(ours)) == rdflib_key(term)


@settings(max_examples=100, deadline=None)
@given(value=st.integers(min_value=-10**40, max_value=10**40))
def test_integer_agrees_with_rdflib(value):
    assert TurtleWriter().integer(value) == TurtleWriter().term(Literal(value, datatype=XSD.integer))


# --- whole graphs: the fast path writes what the rdflib path writes ------------


def fast_text(G, base=BASE) -> str:
    return "".join(TurtleWriter().blocks(turtle_triples(G, base=base)))


def test_turtle_triples_are_graph_triples():
    G = build_graph(compilations())
    w = TurtleWriter()
    assert set(turtle_triples(G, base=BASE)) == set(w.text_triples(graph_triples(G, base=BASE)))


def test_fast_text_is_the_rdflib_paths_text():
    G = build_graph(compilations())
    text = fast_text(G)
    assert text == serialize_turtle(set(graph_triples(G, base=BASE)))
    assert isomorphic(Graph().parse(data=text, format="turtle"), to_rdflib(G, base=BASE))


def test_write_turtle_text_counts_distinct_triples_and_streams_the_same_bytes(tmp_path):
    G = build_graph(compilations())
    triples = list(turtle_triples(G, base=BASE))
    n = write_turtle_text(chain(triples, triples[:50]), tmp_path / "g.ttl")  # duplicates are dropped
    assert n == len(set(triples)) == len(set(graph_triples(G, base=BASE)))
    assert (tmp_path / "g.ttl").read_bytes() == fast_text(G).encode("utf-8")


def test_empty_graph_is_the_prefix_lines(tmp_path):
    import networkx as nx

    assert write_turtle_text([], tmp_path / "g.ttl") == 0
    assert (tmp_path / "g.ttl").read_text(encoding="utf-8") == serialize_turtle([]) == TurtleWriter().header()[:-1]
    assert fast_text(nx.MultiDiGraph()) == serialize_turtle([])


def test_prefixed_base_is_written_like_rdflib_path():
    """A base inside a bound namespace: subjects and objects get the prefix in both paths."""
    G = build_graph(compilations())
    base = "https://schema.org/"
    assert fast_text(G, base) == serialize_turtle(graph_triples(G, base=base))


hostile = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from('"\\\n\r\t<>{}|^`\x00\u2028#%?/、 '),
    min_size=1,
    max_size=12,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile, author=hostile, unit_name=hostile, concept=hostile, surface=hostile)
def test_fast_and_rdflib_paths_agree_on_hostile_input(title, author, unit_name, concept, surface):
    from xianjice.extract.records import ConceptLink, UnitRef

    c = book_b()
    e = c.essays[0]
    e = replace(
        e,
        entry=replace(e.entry, title=title, authors=(author,), units=(UnitRef(unit_name, ("海关总署", unit_name)),)),
        concepts=(ConceptLink(concept, concept, "body", 1, 3, surface=surface, surfaces=(surface,), snippet=title),),
    )
    G = build_graph([replace(c, essays=(e,))])
    assert fast_text(G) == serialize_turtle(graph_triples(G, base=BASE))


def test_a_build_writes_graph_ttl_without_importing_rdflib(tmp_path, seed_path):
    """rdflib's import alone is a tenth of the seed's build: the build path never makes an rdflib term."""
    import subprocess
    import sys

    code = ("import sys\nfrom xianjice.cli import cli\n"
            f"cli.main(['build', {str(seed_path)!r}, '-o', {str(tmp_path / 'out')!r}, '--quiet'], standalone_mode=False)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rdflib'))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert len(g) > 1000


def test_centrality_rows_as_text_are_the_rdflib_triples_written():
    from xianjice.graph.analysis.centrality import concept_centrality, rows_text_triples, rows_triples
    from xianjice.graph.build import build_graph
    from xianjice.graph.rdf.turtle import TurtleWriter

    rows = concept_centrality(build_graph(compilations()), min_essays=1)
    assert any(r.get("pagerank") is not None for r in rows)
    w = TurtleWriter()
    expected = list(w.text_triples(rows_triples(rows, base="https://example.org/")))
    assert expected and list(rows_text_triples(rows, base="https://example.org/", writer=w)) == expected
