"""The graph → RDF triples (schema.org, W3C ORG, SKOS, FOAF, PROV-O, Dublin Core).

:func:`graph_triples` yields rdflib terms, sorted writers and rdflib both
consume them; :func:`to_rdflib` gives an ``rdflib.Graph``.  The mapping of
each node kind is documented in the README ("Vocabulary").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from xianjice.graph.analysis.themes import org_path
from xianjice.graph.analysis.toplevel import top_level
from xianjice.graph.ids import DEFAULT_BASE, check_base, hashed_slug
from xianjice.graph.rdf.vocab import DCTERMS, FOAF, ORG, PREFIXES, PROV, RDF, SDO, SKOS, XJ, XSD

Triple = tuple[URIRef, URIRef, Node]

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
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)


def integer(value: int) -> Literal:
    """An ``xsd:integer`` literal.

    >>> integer(7).n3()
    '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    return Literal(int(value), datatype=XSD.integer)


def date_literal(text: str) -> Literal:
    """A date as ``xsd:date``/``gYearMonth``/``gYear`` when it is ISO-shaped, else plain.

    >>> date_literal("2009-08").n3()
    '"2009-08"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> date_literal("2009年8月").n3()
    '"2009年8月"'
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    return Literal(text)


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


class _Mapper:
    def __init__(self, G: nx.MultiDiGraph, base: str):
        self.G = G
        self.base = check_base(base)

    def iri(self, key: str) -> URIRef:
        return URIRef(self.base + key)

    def span(self, book: str, first: int, last: int) -> Iterator[Triple]:
        """A line span of a book's input file, as a ``prov:Entity``."""
        span = self.iri(f"source/{book.split('/', 1)[1]}/L{first}-{last}")
        yield span, RDF.type, PROV.Entity
        yield span, RDF.type, XJ.SourceSpan
        yield span, PROV.wasDerivedFrom, self.iri(book)
        yield span, XJ.firstLine, integer(first)
        yield span, XJ.lastLine, integer(last)
        source = self.G.nodes[book].get("source", "") if book in self.G else ""
        if source:
            yield span, XJ.sourceFile, Literal(source)
        locations = self.G.graph.get("locations", {}).get(book)
        if locations and first <= len(locations) and last <= len(locations):
            yield from self.located(span, self.G.nodes[book].get("source_format", ""), locations[first - 1],
                                    locations[last - 1])

    def located(self, span: URIRef, kind: str, first, last) -> Iterator[Triple]:
        """Where a span of a PDF, Word, web page or spreadsheet file is: its media type, first and last location."""
        if kind in MEDIA_TYPES:
            yield span, DCTERMS.format, Literal(MEDIA_TYPES[kind])
        if first.describe():
            yield span, XJ.firstLocation, Literal(first.describe())
        if last.describe():
            yield span, XJ.lastLocation, Literal(last.describe())
        if first.page is not None:
            yield span, XJ.firstPage, integer(first.page)
        if last.page is not None:
            yield span, XJ.lastPage, integer(last.page)

    def derived(self, s: URIRef, book: str, first: int, last: int) -> Iterator[Triple]:
        if first and book:  # None (an essay without a body) or 0: no source lines
            yield s, PROV.wasDerivedFrom, self.iri(f"source/{book.split('/', 1)[1]}/L{first}-{last}")
            yield from self.span(book, first, last)

    def triples(self) -> Iterator[Triple]:
        G = self.G
        scheme = self.iri("scheme/concepts")
        tiers = self.iri("scheme/tiers")
        kinds = {d["kind"] for _, d in G.nodes(data=True)}
        if kinds & {"concept", "theme"}:
            yield scheme, RDF.type, SKOS.ConceptScheme
            yield scheme, SKOS.prefLabel, Literal("Concepts and themes of the essays", lang=EN)
            yield scheme, SKOS.prefLabel, Literal("征文概念与主题", lang=ZH)
        if "tier" in kinds:
            yield tiers, RDF.type, SKOS.ConceptScheme
            yield tiers, SKOS.prefLabel, Literal("Award tiers", lang=EN)
            yield tiers, SKOS.prefLabel, Literal("奖项等级", lang=ZH)
        for key, d in G.nodes(data=True):
            yield from getattr(self, "node_" + d["kind"])(self.iri(key), key, d)
        for u, v, rel, d in G.edges(keys=True, data=True):
            yield from self.edge(self.iri(u), self.iri(v), rel, d, u, v)

    # --- nodes ---------------------------------------------------------------

    def labels(self, s: URIRef, d: dict, prop: URIRef) -> Iterator[Triple]:
        if d["label"]:
            yield s, prop, Literal(d["label"], lang=ZH)
        if d.get("label_en"):
            yield s, prop, Literal(d["label_en"], lang=EN)
        if d.get("pinyin"):
            yield s, prop, Literal(d["pinyin"], lang=PINYIN)

    def node_book(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, SDO.Book
        yield from self.labels(s, d, SDO.name)
        if d["isbn"]:
            yield s, SDO.isbn, Literal(d["isbn"])
        if d["publisher"]:
            publisher = self.iri(f"publisher/{hashed_slug(d['publisher'])}")
            yield s, SDO.publisher, publisher
            yield publisher, RDF.type, SDO.Organization
            yield publisher, SDO.name, Literal(d["publisher"], lang=ZH)
        if d["date"]:
            yield s, SDO.datePublished, date_literal(d["date"])
        if d["source"]:
            yield s, DCTERMS.source, Literal(d["source"])

    def node_essay(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, SDO.Article
        yield from self.labels(s, d, SDO.name)
        if d["subtitle"]:
            yield s, SDO.alternativeHeadline, Literal(d["subtitle"], lang=ZH)
        if d["page"]:
            yield s, SDO.pageStart, integer(d["page"])
        yield s, SDO.position, integer(d["seq"])
        yield from self.derived(s, d["book"], d["toc_first_line"], d["toc_last_line"])
        yield from self.derived(s, d["book"], d["body_first_line"], d["body_last_line"])

    def node_organisation(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, ORG.Organization
        yield s, RDF.type, SDO.Organization
        yield from self.labels(s, d, SKOS.prefLabel)
        yield s, SDO.name, Literal(d["label"], lang=ZH)
        for alias in filter(None, d.get("aliases", "").split(" / ")):
            yield s, SKOS.altLabel, Literal(alias, lang=ZH)
        yield s, XJ.orgKind, Literal(d["org_kind"])
        yield s, XJ.topLevelUnit, self.iri(top_unit(self.G, key))

    def node_person(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, SDO.Person
        yield s, RDF.type, FOAF.Person
        yield from self.labels(s, d, SDO.name)

    def node_tier(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, XJ.AwardTier
        yield s, RDF.type, SKOS.Concept
        yield s, SKOS.inScheme, self.iri("scheme/tiers")
        yield from self.labels(s, d, SKOS.prefLabel)
        yield s, XJ.rank, integer(d["rank"])

    def node_theme(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        scheme = self.iri("scheme/concepts")
        yield s, RDF.type, SKOS.Concept
        yield s, SKOS.inScheme, scheme
        yield s, SKOS.topConceptOf, scheme
        yield scheme, SKOS.hasTopConcept, s
        yield from self.labels(s, d, SKOS.prefLabel)

    def node_concept(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, SKOS.Concept
        yield s, SKOS.inScheme, self.iri("scheme/concepts")
        yield from self.labels(s, d, SKOS.prefLabel)
        for alias in filter(None, d.get("aliases", "").split(" / ")):
            yield s, SKOS.altLabel, Literal(alias, lang=ZH)
        if d.get("frame"):
            yield s, XJ.frame, Literal(True)

    def node_document(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, SDO.CreativeWork
        yield s, SDO.name, Literal(d["label"], lang=ZH)
        for alias in filter(None, d.get("aliases", "").split(" / ")):
            yield s, SDO.alternateName, Literal(alias, lang=ZH)

    def node_proposal(self, s: URIRef, key: str, d: dict) -> Iterator[Triple]:
        yield s, RDF.type, XJ.Proposal
        yield s, SDO.name, Literal(d["label"], lang=ZH)
        if d["text"]:
            yield s, SDO.text, Literal(d["text"], lang=ZH)
        yield s, SDO.position, integer(d["order"])
        yield s, SDO.isPartOf, self.iri(d["essay"])
        yield from self.derived(s, d["book"], d["first_line"], d["last_line"])

    # --- edges ---------------------------------------------------------------

    def edge(self, s: URIRef, o: URIRef, rel: str, d: dict, u: str, v: str) -> Iterator[Triple]:
        prop = _EDGE_PROPERTIES.get(rel)
        if prop is not None:
            yield s, prop, o
        if rel == "about" and d.get("surface"):
            yield from self.evidence(s, o, d, u, v)

    def evidence(self, s: URIRef, o: URIRef, d: dict, u: str, v: str) -> Iterator[Triple]:
        """The evidence of an essay → concept link, as an ``xj:ConceptMatch`` (a ``prov:Entity``)."""
        ev = self.iri(f"{u}/about/{v.split('/', 1)[-1]}")
        yield ev, RDF.type, XJ.ConceptMatch
        yield ev, RDF.type, PROV.Entity
        yield ev, XJ.matchIn, s
        yield ev, XJ.matchOf, o
        for form in filter(None, d["surface"].split("、")):
            yield ev, XJ.surfaceForm, Literal(form, lang=ZH)
        if d.get("snippet"):
            yield ev, XJ.snippet, Literal(d["snippet"], lang=ZH)
        yield ev, XJ.occurrences, integer(d.get("count", 1))
        if d.get("where"):
            yield ev, XJ.matchWhere, Literal(d["where"])
        line = int(d.get("line") or 0)
        book = self.G.nodes[u].get("book", "") if u in self.G else ""
        if line > 0:
            yield ev, XJ.firstLine, integer(line)
            yield from self.derived(ev, book, line, line)


#: Edge relation → RDF property (subject = edge source).
_EDGE_PROPERTIES = {
    "part_of": SDO.isPartOf,
    "author": SDO.author,
    "unit": SDO.sourceOrganization,
    "sub_organisation_of": ORG.subOrganizationOf,
    "member_of": ORG.memberOf,
    "award": SDO.award,
    "about": SDO.about,
    "broader": SKOS.broader,
    "cites": SDO.citation,
    "proposes": XJ.proposes,
    "mentions": SDO.mentions,
    "editor": SDO.editor,
}


def graph_triples(G: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Yield the RDF triples of the graph (duplicates possible, order unspecified).

    Raises :class:`xianjice.graph.ids.BaseIRIError` for an unusable base IRI.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/1", kind="tier", label="一等奖", label_en="First prize", pinyin="", rank=1)
    >>> len(set(graph_triples(G, base="https://example.org/")))
    9
    """
    return _Mapper(G, base).triples()


def to_rdflib(G: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Graph:
    """Return the graph as an ``rdflib.Graph`` with the usual prefixes bound.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("tier/2", kind="tier", label="二等奖", label_en="Second prize", pinyin="", rank=2)
    >>> g = to_rdflib(G, base="https://example.org/")
    >>> sorted(str(o) for o in g.objects(predicate=SKOS.prefLabel))[:2]
    ['Award tiers', 'Second prize']
    """
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns)
    for t in graph_triples(G, base=base):
        g.add(t)
    return g
