"""Deterministic, fast Turtle: sorted subjects, predicates and objects.

rdflib's Turtle serializer is slow on large graphs and its output order is
not a documented contract, so graph.ttl is written here: one block per
subject (sorted by IRI), ``rdf:type`` first as ``a``, then the other
predicates sorted, objects sorted and joined with ``,``.  Only IRIs and
literals are supported (the graph has no blank nodes).  The tests check
that rdflib and pyoxigraph both parse the output to the same triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from xianjice.graph.ids import IRI_FORBIDDEN
from xianjice.graph.rdf.vocab import PREFIXES, RDF, XSD

_RDF_TYPE = str(RDF.type)
_XSD_INTEGER = str(XSD.integer)
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f\ud800-\udfff]')


def _escape_char(match: re.Match) -> str:
    c = match.group()
    if c in _ESCAPES:
        return _ESCAPES[c]
    if "\ud800" <= c <= "\udfff":
        return "\ufffd"
    return f"\\u{ord(c):04X}"


def quote_string(text: str) -> str:
    """Return ``text`` as a Turtle string between double quotes.

    >>> print(quote_string('他说"好"\\n'))
    "他说\\"好\\"\\n"
    >>> print(quote_string("a\\x00b"))
    "a\\u0000b"
    """
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, text) + '"'


class TurtleWriter:
    """Render rdflib terms with a fixed set of prefixes (``xianjice.graph.rdf.vocab.PREFIXES``).

    >>> w = TurtleWriter()
    >>> w.term(RDF.type), w.term(URIRef("https://example.org/a b"))
    Traceback (most recent call last):
    ...
    ValueError: IRI cannot be written in Turtle: 'https://example.org/a b'
    """

    def __init__(self, prefixes: Sequence[tuple[str, str]] = PREFIXES):
        self.prefixes = tuple(prefixes)
        self._by_length = sorted(self.prefixes, key=lambda p: -len(p[1]))
        self._cache: dict[Node, str] = {}

    def iri(self, value: str) -> str:
        for prefix, ns in self._by_length:
            if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
        if IRI_FORBIDDEN.search(value):
            raise ValueError(f"IRI cannot be written in Turtle: {value!r}")
        return f"<{value}>"

    def term(self, node: Node) -> str:
        """Return the Turtle form of an IRI or a literal.

        >>> w = TurtleWriter()
        >>> w.term(Literal(3)), w.term(Literal("海关", lang="zh")), w.term(Literal("2009", datatype=XSD.gYear))
        ('3', '"海关"@zh', '"2009"^^xsd:gYear')
        """
        cached = self._cache.get(node)
        if cached is not None:
            return cached
        if isinstance(node, URIRef):
            out = self.iri(str(node))
        elif isinstance(node, Literal):
            lexical = str(node)
            datatype = str(node.datatype) if node.datatype else ""
            if node.language:
                out = f"{quote_string(lexical)}@{node.language}"
            elif datatype == _XSD_INTEGER and _INTEGER.fullmatch(lexical):
                out = lexical
            elif datatype:
                out = f"{quote_string(lexical)}^^{self.iri(datatype)}"
            else:
                out = quote_string(lexical)
        else:
            raise ValueError(f"only IRIs and literals can be written, not {node!r}")
        self._cache[node] = out
        return out

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes) + "\n"

    def serialize(self, triples: Iterable[tuple[Node, Node, Node]]) -> str:
        """Return sorted Turtle for ``triples`` (duplicates dropped)."""
        term = self.term
        by_subject: dict[str, dict[str, set[str]]] = {}
        for s, p, o in triples:
            if not isinstance(s, URIRef):
                raise ValueError(f"only IRIs can be subjects, not {s!r}")
            preds = by_subject.setdefault(str(s), {})
            preds.setdefault(str(p), set()).add(term(o))
        parts = [self.header()]
        for s in sorted(by_subject):
            preds = by_subject[s]
            lines = []
            for p in sorted(preds, key=lambda p: (p != _RDF_TYPE, p)):
                name = "a" if p == _RDF_TYPE else self.iri(p)
                lines.append(f"    {name} {', '.join(sorted(preds[p]))}")
            parts.append(self.iri(s) + "\n" + " ;\n".join(lines) + " .\n\n")
        return "".join(parts).rstrip("\n") + "\n"


def serialize_turtle(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Return deterministic Turtle text for ``triples``.

    >>> from xianjice.graph.rdf.vocab import SDO
    >>> print(serialize_turtle([(URIRef("https://example.org/e/1"), SDO.position, Literal(1)),
    ...                         (URIRef("https://example.org/e/1"), RDF.type, SDO.Article)]).split("\\n\\n")[1])
    <https://example.org/e/1>
        a schema:Article ;
        schema:position 1 .
    <BLANKLINE>
    """
    return TurtleWriter().serialize(triples)


def write_turtle(triples: Iterable[tuple[Node, Node, Node]], path: str | Path) -> int:
    """Write deterministic Turtle to ``path`` (UTF-8, ``\\n`` line ends); return the number of bytes."""
    data = serialize_turtle(triples).encode("utf-8")
    Path(path).write_bytes(data)
    return len(data)
