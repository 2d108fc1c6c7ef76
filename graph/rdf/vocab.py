"""The RDF terms xianjice writes, as closed namespaces.

Each class lists only the terms we use and sets ``_fail``, so a misspelt
term raises ``AttributeError`` instead of minting a wrong IRI:

>>> str(SDO.Article)
'https://schema.org/Article'
>>> SDO.Artcle
Traceback (most recent call last):
...
AttributeError: term 'Artcle' not in namespace 'https://schema.org/'

schema.org is used with its ``https://schema.org/`` namespace (the one
schema.org recommends and rdflib's ``SDO`` uses).  ``XJ`` holds our own
terms, at a fixed IRI independent of ``--base``.
"""

from __future__ import annotations

from rdflib import namespace as _namespace
from rdflib.namespace import Namespace

from xianjice.graph.rdf.prefixes import NAMESPACES, PREFIXES


__all__ = [
    "DCTERMS",
    "FOAF",
    "ORG",
    "PREFIXES",
    "PROV",
    "RDF",
    "SDO",
    "SH",
    "SKOS",
    "XJ",
    "XSD",
]


class RDF(_namespace.DefinedNamespace):
    """RDF terms."""

    _NS = Namespace(NAMESPACES["rdf"])
    _fail = True

    type: object


class XSD(_namespace.DefinedNamespace):
    """XML Schema datatypes."""

    _NS = Namespace(NAMESPACES["xsd"])
    _fail = True

    boolean: object
    date: object
    decimal: object
    gYear: object
    gYearMonth: object
    integer: object
    string: object


class SDO(_namespace.DefinedNamespace):
    """schema.org terms."""

    _NS = Namespace(NAMESPACES["schema"])
    _fail = True

    Article: object
    Book: object
    CreativeWork: object
    Organization: object
    Person: object
    about: object
    alternateName: object
    alternativeHeadline: object
    author: object
    award: object
    citation: object
    datePublished: object
    editor: object
    isPartOf: object
    isbn: object
    mentions: object
    name: object
    pageStart: object
    position: object
    publisher: object
    sourceOrganization: object
    text: object


class ORG(_namespace.DefinedNamespace):
    """W3C Organization Ontology terms."""

    _NS = Namespace(NAMESPACES["org"])
    _fail = True

    Organization: object
    memberOf: object
    subOrganizationOf: object


class SKOS(_namespace.DefinedNamespace):
    """SKOS terms."""

    _NS = Namespace(NAMESPACES["skos"])
    _fail = True

    Concept: object
    ConceptScheme: object
    altLabel: object
    broader: object
    hasTopConcept: object
    inScheme: object
    notation: object
    prefLabel: object
    topConceptOf: object


class FOAF(_namespace.DefinedNamespace):
    """FOAF terms."""

    _NS = Namespace(NAMESPACES["foaf"])
    _fail = True

    Person: object


class PROV(_namespace.DefinedNamespace):
    """PROV-O terms."""

    _NS = Namespace(NAMESPACES["prov"])
    _fail = True

    Entity: object
    wasDerivedFrom: object


class DCTERMS(_namespace.DefinedNamespace):
    """Dublin Core terms."""

    _NS = Namespace(NAMESPACES["dcterms"])
    _fail = True

    format: object
    isPartOf: object
    source: object


class SH(_namespace.DefinedNamespace):
    """SHACL terms (used by the shapes file and its tests)."""

    _NS = Namespace("http://www.w3.org/ns/shacl#")
    _fail = True

    NodeShape: object
    conforms: object


class XJ(_namespace.DefinedNamespace):
    """xianjice's own terms (documented in the README, "Vocabulary").

    Classes ``Proposal`` (a measure an essay proposes), ``AwardTier`` (a prize
    grade) and ``SourceSpan`` (a line range of an input file, a
    ``prov:Entity``).  Properties ``proposes`` (essay → proposal), ``rank``
    (tier rank, 1 = highest), ``orgKind`` (the gazetteer's kind of an
    organisation: headquarters, department, regional, customs, section …;
    ``unknown`` when not in the gazetteer), ``topLevelUnit`` (organisation →
    the top-level unit its essays count for: the level under the root, the
    root for headquarters departments),
    ``firstLine`` / ``lastLine`` (1-based, inclusive), ``sourceFile`` (file
    name of the input); for a span of a PDF, Word, web page or spreadsheet
    file ``firstLocation`` / ``lastLocation`` (where its first and last
    line are, as text: ``page 3, line 12``, ``table 1, row 4``, ``sheet 获奖名单,
    row 4``) and, in a PDF, ``firstPage`` / ``lastPage`` (``xsd:integer``).  The centrality scores of a concept in the concept
    co-occurrence network (see :mod:`xianjice.graph.analysis.centrality`): ``pagerank``,
    ``betweenness``, ``eigenvector``, ``weightedDegree`` (fractional counting,
    ``xsd:decimal``) and ``essayCount`` (``xsd:integer``).  The evidence of an essay → concept
    link: class ``ConceptMatch`` (also a ``prov:Entity``) with ``matchIn``
    (→ essay), ``matchOf`` (→ concept), ``surfaceForm`` (each form printed),
    ``snippet`` (text around the first occurrence), ``occurrences``
    (``xsd:integer``), ``matchWhere`` (title, body or title+body) and
    ``firstLine``; ``frame`` (``xsd:boolean``) marks a campaign slogan concept.

    >>> XJ.pagerank.n3()
    '<https://xianjice.example.org/ns#pagerank>'
    >>> XJ["pageRank"]
    Traceback (most recent call last):
    ...
    AttributeError: term 'pageRank' not in namespace 'https://xianjice.example.org/ns#'
    """

    _NS = Namespace(NAMESPACES["xj"])
    _fail = True

    AwardTier: object
    ConceptMatch: object
    Proposal: object
    SourceSpan: object
    betweenness: object
    eigenvector: object
    essayCount: object
    firstLine: object
    firstLocation: object
    firstPage: object
    frame: object
    lastLine: object
    lastLocation: object
    lastPage: object
    matchIn: object
    matchOf: object
    matchWhere: object
    occurrences: object
    orgKind: object
    pagerank: object
    proposes: object
    rank: object
    snippet: object
    sourceFile: object
    surfaceForm: object
    topLevelUnit: object
    weightedDegree: object
