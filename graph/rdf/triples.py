"""The graph → RDF triples (schema.org, W3C ORG, SKOS, FOAF, PROV-O, Dublin Core).

One mapping, two kinds of terms: :func:`turtle_triples` yields subjects and
predicates as plain IRI strings and objects already in their Turtle form
(what :func:`xianjice.graph.rdf.turtle.write_turtle_text` writes into graph.ttl, without
one rdflib object per term); :func:`graph_triples` yields the same triples
as rdflib terms and :func:`to_rdflib` gives an ``rdflib.Graph``.  The
mapping of each node kind is documented in the README ("Vocabulary").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, TypeVar

from typing import TYPE_CHECKING

import networkx as nx

from xianjice.graph.analysis.themes import org_path
from xianjice.graph.analysis.toplevel import top_level
from xianjice.graph.ids import DEFAULT_BASE, check_base, hashed_slug
from xianjice.graph.rdf.prefixes import PREFIXES, iri
from xianjice.graph.rdf.turtle import TurtleWriter

if TYPE_CHECKING:  # rdflib is imported only when rdflib terms are asked for: a build writes graph.ttl without it
    from rdflib import Graph, Literal, URIRef
    from rdflib.term import Node

Triple = tuple["URIRef", "URIRef", "Node"]
#: A triple as :func:`turtle_triples` yields it: subject and predicate IRIs, the object's Turtle form.
TextTriple = tuple[str, str, str]
T = TypeVar("T")

#: Media type of each kind of input file (``dcterms:format`` of its source spans).
MEDIA_TYPES = {
    "text": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}

#: Language tags of the labels.
ZH, EN, PINYIN = "zh", "en", "zh-Latn-pinyin"

_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), iri("xsd:date")),
    (re.compile(r"\d{4}-\d{2}"), iri("xsd:gYearMonth")),
    (re.compile(r"\d{4}"), iri("xsd:gYear")),
)

# The vocabulary as plain IRI strings (each declared in the closed namespaces of vocab.py: tests/test_vocab_docs.py).
_TYPE = iri("rdf:type")
_BOOK, _ARTICLE, _CREATIVE_WORK, _SDO_ORG, _SDO_PERSON = (
    iri("schema:Book"), iri("schema:Article"), iri("schema:CreativeWork"), iri("schema:Organization"), iri("schema:Person"))
_NAME, _ISBN, _PUBLISHER, _DATE_PUBLISHED, _ALT_HEADLINE = (
    iri("schema:name"), iri("schema:isbn"), iri("schema:publisher"), iri("schema:datePublished"), iri("schema:alternativeHeadline"))
_PAGE_START, _POSITION, _ALTERNATE_NAME, _TEXT, _IS_PART_OF = (
    iri("schema:pageStart"), iri("schema:position"), iri("schema:alternateName"), iri("schema:text"), iri("schema:isPartOf"))
_ORG_ORG, _FOAF_PERSON, _ENTITY, _DERIVED = iri("org:Organization"), iri("foaf:Person"), iri("prov:Entity"), iri(
    "prov:wasDerivedFrom")
_SOURCE, _FORMAT = iri("dcterms:source"), iri("dcterms:format")
_CONCEPT, _SCHEME, _PREF, _ALT, _IN_SCHEME, _TOP_OF, _HAS_TOP = (
    iri("skos:Concept"), iri("skos:ConceptScheme"), iri("skos:prefLabel"), iri("skos:altLabel"), iri("skos:inScheme"),
    iri("skos:topConceptOf"), iri("skos:hasTopConcept"))
_X = {name: iri(f"xj:{name}") for name in (
    "AwardTier", "ConceptMatch", "Proposal", "SourceSpan", "firstLine", "lastLine", "sourceFile", "firstLocation",
    "lastLocation", "firstPage", "lastPage", "orgKind", "topLevelUnit", "rank", "frame", "matchIn", "matchOf",
    "surfaceForm", "snippet", "occurrences", "matchWhere")}


def date_datatype(text: str) -> str | None:
    """The datatype IRI of a date: ``xsd:date``/``gYearMonth``/``gYear`` when it is ISO-shaped, else None.

    >>> date_datatype("2009-08")
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    >>> date_datatype("2009年8月") is None
    True
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return datatype
    return None


def top_unit(G: nx.MultiDiGraph, org: str) -> str:
    """The node of the top-level unit an organisation's essays count for (``xj:topLevelUnit``).

    The rule of :func:`xianjice.graph.analysis.toplevel.top_level` on the
    organisation's path up the ``sub_organisation_of`` edges: the level under
    the root, or the root itself for the root and for headquarters departments.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r"); G.add_node("org/r/b", org_kind="department"); G.add_node("org/r/g", org_kind="customs")
    >>> for u, v in [("org/r/b", "org/r"), ("org/r/g", "org/r"), ("org/r/g/s", "org/r/g")]:
    ...     _ = G.add_edge(u, v, key="sub_organisation_of")
    >>> top_unit(G, "org/r/g/s"), top_unit(G, "org/r/b"), top_unit(G, "org/r")
    ('org/r/g', 'org/r', 'org/r')
    """
    path = org_path(G, org)
    return top_level(path, G.nodes[path[1]].get("org_kind") if len(path) > 1 else None)[-1]


class RdflibTerms:
    """Objects as rdflib terms (the factory :func:`graph_triples` uses; rdflib is imported when one is made)."""

    def __init__(self):
        from rdflib import Literal, URIRef

        self._literal, self._uriref = Literal, URIRef
        self._integer = URIRef(iri("xsd:integer"))

    def ref(self, value: str) -> URIRef:
        return self._uriref(value)

    def text(self, text: str, lang: str | None = None) -> Literal:
        return self._literal(text, lang=lang)

    def integer(self, value: int) -> Literal:
        return self._literal(int(value), datatype=self._integer)

    def typed(self, lexical: str, datatype: str) -> Literal:
        return self._literal(lexical, datatype=self._uriref(datatype))

    def boolean(self, value: bool) -> Literal:
        return self._literal(bool(value))


class _Mapper(Generic[T]):
    """Yields ``(subject IRI, predicate IRI, object)``, the object made by ``terms``."""

    def __init__(self, G: nx.MultiDiGraph, base: str, terms):
        self.G = G
        self.base = check_base(base)
        self.t = terms
        self.ref = terms.ref
        self.text = terms.text
        self.integer = terms.integer
        self.spans: set[str] = set()

    def node(self, key: str) -> str:
        return self.base + key

    def date(self, text: str) -> T:
        datatype = date_datatype(text)
        return self.t.typed(text, datatype) if datatype else self.text(text)

    def span(self, book: str, first: int, last: int) -> Iterator[tuple[str, str, T]]:
        """A line span of a book's input file, as a ``prov:Entity``."""
        X, ref, integer = _X, self.ref, self.integer
        span = self.node(f"source/{book.split('/', 1)[1]}/L{first}-{last}")
        yield span, _TYPE, ref(_ENTITY)
        yield span, _TYPE, ref(X["SourceSpan"])
        yield span, _DERIVED, ref(self.base + book)
        yield span, X["firstLine"], integer(first)
        yield span, X["lastLine"], integer(last)
        source = self.G.nodes[book].get("source", "") if book in self.G else ""
        if source:
            yield span, X["sourceFile"], self.text(source)
        locations = self.G.graph.get("locations", {}).get(book)
        if locations and first <= len(locations) and last <= len(locations):
            yield from self.located(span, self.G.nodes[book].get("source_format", ""), locations[first - 1],
                                    locations[last - 1])

    def located(self, span: str, kind: str, first, last) -> Iterator[tuple[str, str, T]]:
        """Where a span of a PDF, Word, web page or spreadsheet file is: its media type, first and last location."""
        if kind in MEDIA_TYPES:
            yield span, _FORMAT, self.text(MEDIA_TYPES[kind])
        if first.describe():
            yield span, _X["firstLocation"], self.text(first.describe())
        if last.describe():
            yield span, _X["lastLocation"], self.text(last.describe())
        if first.page is not None:
            yield span, _X["firstPage"], self.integer(first.page)
        if last.page is not None:
            yield span, _X["lastPage"], self.integer(last.page)

    def derived(self, s: str, book: str, first: int, last: int) -> Iterator[tuple[str, str, T]]:
        if first and book:  # None (an essay without a body) or 0: no source lines
            span = self.node(f"source/{book.split('/', 1)[1]}/L{first}-{last}")
            yield s, _DERIVED, self.ref(span)
            if span not in self.spans:  # many matches share a line: describe each span once
                self.spans.add(span)
                yield from self.span(book, first, last)

    def triples(self) -> Iterator[tuple[str, str, T]]:
        G, ref, text = self.G, self.ref, self.text
        scheme = self.node("scheme/concepts")
        tiers = self.node("scheme/tiers")
        kinds = {d["kind"] for _, d in G.nodes(data=True)}
        if kinds & {"concept", "theme"}:
            yield scheme, _TYPE, ref(_SCHEME)
            yield scheme, _PREF, text("Concepts and themes of the essays", EN)
            yield scheme, _PREF, text("征文概念与主题", ZH)
        if "tier" in kinds:
            yield tiers, _TYPE, ref(_SCHEME)
            yield tiers, _PREF, text("Award tiers", EN)
            yield tiers, _PREF, text("奖项等级", ZH)
        for key, d in G.nodes(data=True):
            yield from getattr(self, "node_" + d["kind"])(self.node(key), key, d)
        evidence, base = self.evidence, self.base
        for u, v, rel, d in G.edges(keys=True, data=True):
            prop = _EDGE_PROPERTIES.get(rel)
            s = base + u
            if prop is not None:
                yield s, prop, ref(base + v)
            if rel == "about" and d.get("surface"):
                yield from evidence(s, base + v, d, u, v)

    # --- nodes ---------------------------------------------------------------

    def labels(self, s: str, d: dict, prop: str) -> Iterator[tuple[str, str, T]]:
        if d["label"]:
            yield s, prop, self.text(d["label"], ZH)
        if d.get("label_en"):
            yield s, prop, self.text(d["label_en"], EN)
        if d.get("pinyin"):
            yield s, prop, self.text(d["pinyin"], PINYIN)

    def node_book(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_BOOK)
        yield from self.labels(s, d, _NAME)
        if d["isbn"]:
            yield s, _ISBN, self.text(d["isbn"])
        if d["publisher"]:
            publisher = self.node(f"publisher/{hashed_slug(d['publisher'])}")
            yield s, _PUBLISHER, self.ref(publisher)
            yield publisher, _TYPE, self.ref(_SDO_ORG)
            yield publisher, _NAME, self.text(d["publisher"], ZH)
        if d["date"]:
            yield s, _DATE_PUBLISHED, self.date(d["date"])
        if d["source"]:
            yield s, _SOURCE, self.text(d["source"])

    def node_essay(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_ARTICLE)
        yield from self.labels(s, d, _NAME)
        if d["subtitle"]:
            yield s, _ALT_HEADLINE, self.text(d["subtitle"], ZH)
        if d["page"]:
            yield s, _PAGE_START, self.integer(d["page"])
        yield s, _POSITION, self.integer(d["seq"])
        yield from self.derived(s, d["book"], d["toc_first_line"], d["toc_last_line"])
        yield from self.derived(s, d["book"], d["body_first_line"], d["body_last_line"])

    def node_organisation(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_ORG_ORG)
        yield s, _TYPE, self.ref(_SDO_ORG)
        yield from self.labels(s, d, _PREF)
        yield s, _NAME, self.text(d["label"], ZH)
        for alias in filter(None, d.get("aliases", "").split(" / ")):
            yield s, _ALT, self.text(alias, ZH)
        yield s, _X["orgKind"], self.text(d["org_kind"])
        yield s, _X["topLevelUnit"], self.ref(self.node(top_unit(self.G, key)))

    def node_person(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_SDO_PERSON)
        yield s, _TYPE, self.ref(_FOAF_PERSON)
        yield from self.labels(s, d, _NAME)

    def node_tier(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_X["AwardTier"])
        yield s, _TYPE, self.ref(_CONCEPT)
        yield s, _IN_SCHEME, self.ref(self.node("scheme/tiers"))
        yield from self.labels(s, d, _PREF)
        yield s, _X["rank"], self.integer(d["rank"])

    def node_theme(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        scheme = self.node("scheme/concepts")
        yield s, _TYPE, self.ref(_CONCEPT)
        yield s, _IN_SCHEME, self.ref(scheme)
        yield s, _TOP_OF, self.ref(scheme)
        yield scheme, _HAS_TOP, self.ref(s)
        yield from self.labels(s, d, _PREF)

    def node_concept(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_CONCEPT)
        yield s, _IN_SCHEME, self.ref(self.node("scheme/concepts"))
        yield from self.labels(s, d, _PREF)
        for alias in filter(None, d.get("aliases", "").split(" / ")):
            yield s, _ALT, self.text(alias, ZH)
        if d.get("frame"):
            yield s, _X["frame"], self.t.boolean(True)

    def node_document(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_CREATIVE_WORK)
        yield s, _NAME, self.text(d["label"], ZH)
        for alias in filter(None, d.get("aliases", "").split(" / ")):
            yield s, _ALTERNATE_NAME, self.text(alias, ZH)

    def node_proposal(self, s: str, key: str, d: dict) -> Iterator[tuple[str, str, T]]:
        yield s, _TYPE, self.ref(_X["Proposal"])
        yield s, _NAME, self.text(d["label"], ZH)
        if d["text"]:
            yield s, _TEXT, self.text(d["text"], ZH)
        yield s, _POSITION, self.integer(d["order"])
        yield s, _IS_PART_OF, self.ref(self.node(d["essay"]))
        yield from self.derived(s, d["book"], d["first_line"], d["last_line"])

    # --- edges ---------------------------------------------------------------

    def evidence(self, s: str, o: str, d: dict, u: str, v: str) -> Iterator[tuple[str, str, T]]:
        """The evidence of an essay → concept link, as an ``xj:ConceptMatch`` (a ``prov:Entity``)."""
        X, ref, text = _X, self.ref, self.text
        ev = self.base + f"{u}/about/{v.split('/', 1)[-1]}"
        yield ev, _TYPE, ref(X["ConceptMatch"])
        yield ev, _TYPE, ref(_ENTITY)
        yield ev, X["matchIn"], ref(s)
        yield ev, X["matchOf"], ref(o)
        for form in filter(None, d["surface"].split("、")):
            yield ev, X["surfaceForm"], text(form, ZH)
        if d.get("snippet"):
            yield ev, X["snippet"], text(d["snippet"], ZH)
        yield ev, X["occurrences"], self.integer(d.get("count", 1))
        if d.get("where"):
            yield ev, X["matchWhere"], text(d["where"])
        line = int(d.get("line") or 0)
        book = self.G.nodes[u].get("book", "") if u in self.G else ""
        if line > 0:
            yield ev, X["firstLine"], self.integer(line)
            yield from self.derived(ev, book, line, line)


#: Edge relation → RDF property IRI (subject = edge source).
_EDGE_PROPERTIES = {
    rel: str(term) for rel, term in (
        ("part_of", iri("schema:isPartOf")),
        ("author", iri("schema:author")),
        ("unit", iri("schema:sourceOrganization")),
        ("sub_organisation_of", iri("org:subOrganizationOf")),
        ("member_of", iri("org:memberOf")),
        ("award", iri("schema:award")),
        ("about", iri("schema:about")),
        ("broader", iri("skos:broader")),
        ("cites", iri("schema:citation")),
        ("proposes", iri("xj:proposes")),
        ("mentions", iri("schema:mentions")),
        ("editor", iri("schema:editor")),
    )
}


def graph_triples(G: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Yield the RDF triples of the graph as rdflib terms (duplicates possible, order unspecified).

    Raises :class:`xianjice.graph.ids.BaseIRIError` for an unusable base IRI.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/1", kind="tier", label="一等奖", label_en="First prize", pinyin="", rank=1)
    >>> len(set(graph_triples(G, base="https://example.org/")))
    9
    """
    mapper = _Mapper(G, base, RdflibTerms())  # checks the base now, not at the first next()
    return _as_rdflib(mapper.triples())


def _as_rdflib(triples: Iterator[tuple[str, str, Node]]) -> Iterator[Triple]:
    from rdflib import URIRef

    refs: dict[str, URIRef] = {}
    for s, p, o in triples:
        S = refs.get(s)
        if S is None:
            S = refs[s] = URIRef(s)
        P = refs.get(p)
        if P is None:
            P = refs[p] = URIRef(p)
        yield S, P, o


def turtle_triples(G: nx.MultiDiGraph, *, base: str = DEFAULT_BASE,
                   writer: TurtleWriter | None = None) -> Iterator[TextTriple]:
    """Yield the triples of :func:`graph_triples` as ``(subject IRI, predicate IRI, object in Turtle)`` strings.

    The object is written by ``writer`` (a :class:`~xianjice.graph.rdf.turtle.TurtleWriter`
    with the prefixes of graph.ttl by default) exactly as it writes the same
    rdflib term; :func:`xianjice.graph.rdf.turtle.write_turtle_text` groups and writes them.
    Raises :class:`xianjice.graph.ids.BaseIRIError` for an unusable base IRI.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/1", kind="tier", label="一等奖", label_en="First prize", pinyin="", rank=1)
    >>> for s, p, o in sorted(set(turtle_triples(G, base="https://example.org/")))[-3:]:
    ...     print(s, p.rsplit("/", 1)[-1], o)
    https://example.org/tier/1 core#prefLabel "First prize"@en
    https://example.org/tier/1 core#prefLabel "一等奖"@zh
    https://example.org/tier/1 ns#rank 1
    """
    return _Mapper(G, base, writer or TurtleWriter()).triples()


def to_rdflib(G: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Graph:
    """Return the graph as an ``rdflib.Graph`` with the usual prefixes bound.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/2", kind="tier", label="二等奖", label_en="Second prize", pinyin="", rank=2)
    >>> g = to_rdflib(G, base="https://example.org/")
    >>> from xianjice.graph.rdf.vocab import SKOS
    >>> sorted(str(o) for o in g.objects(predicate=SKOS.prefLabel))[:2]
    ['Award tiers', 'Second prize']
    """
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns)
    for t in graph_triples(G, base=base):
        g.add(t)
    return g
