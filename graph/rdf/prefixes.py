"""The prefixes of graph.ttl and their namespace IRIs, as plain strings.

:mod:`xianjice.graph.rdf.vocab` builds its closed rdflib namespaces from
these; ``xianjice query`` predeclares them without importing rdflib (which
takes longer to import than most queries take to run).

>>> NAMESPACES["schema"]
'https://schema.org/'
"""

from __future__ import annotations

#: Prefixes written at the top of graph.ttl, in this order, with their namespace IRIs.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("dcterms", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("schema", "https://schema.org/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xj", "https://xianjice.example.org/ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)
#: Prefix → namespace IRI.
NAMESPACES: dict[str, str] = dict(PREFIXES)


def iri(name: str) -> str:
    """The full IRI of a prefixed name, as a plain string (no rdflib).

    For code that writes graph.ttl without rdflib objects; every term so
    named must also be declared in the closed namespaces of
    :mod:`xianjice.graph.rdf.vocab` (``tests/test_vocab_docs.py`` checks).

    >>> iri("schema:name")
    'https://schema.org/name'
    >>> iri("ex:name")
    Traceback (most recent call last):
    ...
    KeyError: "prefix 'ex' of 'ex:name' is not one of graph.ttl's"
    """
    prefix, _, local = name.partition(":")
    try:
        return NAMESPACES[prefix] + local
    except KeyError:
        raise KeyError(f"prefix {prefix!r} of {name!r} is not one of graph.ttl's") from None
