"""Compare RDF terms coming from rdflib and from pyoxigraph / SPARQL JSON results."""

from __future__ import annotations

import pyoxigraph
from rdflib import BNode, Literal, URIRef

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def rdflib_key(term) -> tuple | None:
    """(kind, value, language lowercased, datatype) of an rdflib term."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("iri", str(term), "", "")
    if isinstance(term, BNode):
        return ("bnode", "", "", "")
    assert isinstance(term, Literal)
    if term.language:
        return ("literal", str(term), term.language.lower(), RDF_LANGSTRING)
    return ("literal", str(term), "", str(term.datatype) if term.datatype else XSD_STRING)


def oxigraph_key(term) -> tuple | None:
    """The same for a pyoxigraph term."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return ("iri", term.value, "", "")
    if isinstance(term, pyoxigraph.BlankNode):
        return ("bnode", "", "", "")
    if term.language:
        return ("literal", term.value, term.language.lower(), RDF_LANGSTRING)
    return ("literal", term.value, "", term.datatype.value)


def json_key(term: dict | None) -> tuple | None:
    """The same for a term of SPARQL 1.1 JSON results."""
    if term is None:
        return None
    if term["type"] == "uri":
        return ("iri", term["value"], "", "")
    if term["type"] == "bnode":
        return ("bnode", "", "", "")
    if "xml:lang" in term:
        return ("literal", term["value"], term["xml:lang"].lower(), RDF_LANGSTRING)
    return ("literal", term["value"], "", term.get("datatype", XSD_STRING))
