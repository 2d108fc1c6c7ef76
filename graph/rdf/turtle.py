"""Deterministic, fast Turtle: sorted subjects, predicates and objects.

rdflib's Turtle serializer is slow on large graphs and its output order is
not a documented contract, so graph.ttl is written here: one block per
subject (sorted by IRI), ``rdf:type`` first as ``a``, then the other
predicates sorted, objects sorted and joined with ``,``.  Only IRIs and
literals are supported (the graph has no blank nodes).  The tests check
that rdflib and pyoxigraph both parse the output to the same triples.

A build writes graph.ttl with :func:`write_turtle_text` from the string
triples of :func:`xianjice.graph.rdf.triples.turtle_triples` (no rdflib
object per term, the file written block by block); :func:`serialize_turtle`
and :func:`write_turtle` take rdflib triples (SPARQL CONSTRUCT results, the
tests) and write the same bytes for the same triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from xianjice.graph.ids import IRI_FORBIDDEN
from xianjice.graph.rdf.prefixes import PREFIXES, iri

if TYPE_CHECKING:  # rdflib is imported only to write rdflib terms: a build writes graph.ttl without it
    from rdflib.term import Node

_RDF_TYPE = iri("rdf:type")
_XSD_INTEGER = iri("xsd:integer")
_XSD_BOOLEAN = iri("xsd:boolean")
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
    """Write IRIs and literals in Turtle with a fixed set of prefixes (``xianjice.graph.rdf.vocab.PREFIXES``).

    The one place where graph.ttl's terms are written: :meth:`term` for an
    rdflib term; :meth:`ref`, :meth:`text`, :meth:`integer`, :meth:`typed`
    and :meth:`boolean` for the same terms made from plain values without
    an rdflib object (what :func:`xianjice.graph.rdf.triples.turtle_triples` uses).

    >>> from rdflib import RDF, URIRef
    >>> w = TurtleWriter()
    >>> w.term(RDF.type), w.term(URIRef("https://example.org/a b"))
    Traceback (most recent call last):
    ...
    ValueError: IRI cannot be written in Turtle: 'https://example.org/a b'
    """

    def __init__(self, prefixes: Sequence[tuple[str, str]] = PREFIXES):
        self.prefixes = tuple(prefixes)
        self._by_length = sorted(self.prefixes, key=lambda p: -len(p[1]))
        self._namespaces = tuple(ns for _, ns in self.prefixes)
        self._cache: dict[Node, str] = {}
        self._refs: dict[str, str] = {}
        self._true = self.typed("true", _XSD_BOOLEAN)

    def iri(self, value: str) -> str:
        """Return an IRI as ``prefix:local`` or ``<IRI>``; ``ValueError`` when Turtle cannot hold it."""
        if value.startswith(self._namespaces):
            for prefix, ns in self._by_length:
                if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns):]):
                    return f"{prefix}:{value[len(ns):]}"
        if IRI_FORBIDDEN.search(value):
            raise ValueError(f"IRI cannot be written in Turtle: {value!r}")
        return f"<{value}>"

    def ref(self, value: str) -> str:
        """:meth:`iri`, remembered (an object IRI comes back many times).

        >>> TurtleWriter().ref("https://schema.org/Article")
        'schema:Article'
        """
        out = self._refs.get(value)
        if out is None:
            out = self._refs[value] = self.iri(value)
        return out

    def text(self, text: str, lang: str | None = None) -> str:
        """A plain literal, or a language-tagged one.

        >>> TurtleWriter().text("海关", "zh")
        '"海关"@zh'
        """
        return f"{quote_string(text)}@{lang}" if lang else quote_string(text)

    def integer(self, value: int) -> str:
        """An ``xsd:integer`` literal (written bare).

        >>> TurtleWriter().integer(-7)
        '-7'
        """
        return str(int(value))

    def typed(self, lexical: str, datatype: str) -> str:
        """A literal with a datatype IRI, its lexical form written as given.

        rdflib would write some datatypes in their canonical form (``"007"^^xsd:integer``
        as ``7``): use :meth:`integer` for integers.  The mapping uses this for the
        date types, whose lexical forms rdflib keeps as they are.

        >>> w = TurtleWriter()
        >>> w.typed("2009", "http://www.w3.org/2001/XMLSchema#gYear"), w.typed("07", _XSD_INTEGER)
        ('"2009"^^xsd:gYear', '07')
        """
        if datatype == _XSD_INTEGER and _INTEGER.fullmatch(lexical):
            return lexical
        return f"{quote_string(lexical)}^^{self.ref(datatype)}"

    def boolean(self, value: bool) -> str:
        """An ``xsd:boolean`` literal.

        >>> TurtleWriter().boolean(False)
        '"false"^^xsd:boolean'
        """
        return self._true if value else self.typed("false", _XSD_BOOLEAN)

    def term(self, node: Node) -> str:
        """Return the Turtle form of an rdflib IRI or literal.

        >>> from rdflib import XSD, Literal
        >>> w = TurtleWriter()
        >>> w.term(Literal(3)), w.term(Literal("海关", lang="zh")), w.term(Literal("2009", datatype=XSD.gYear))
        ('3', '"海关"@zh', '"2009"^^xsd:gYear')
        """
        cached = self._cache.get(node)
        if cached is not None:
            return cached
        from rdflib import Literal, URIRef

        if isinstance(node, URIRef):
            out = self.iri(str(node))
        elif isinstance(node, Literal):
            lexical = str(node)
            if node.language:
                out = self.text(lexical, node.language)
            elif node.datatype:
                out = self.typed(lexical, str(node.datatype))
            else:
                out = self.text(lexical)
        else:
            raise ValueError(f"only IRIs and literals can be written, not {node!r}")
        self._cache[node] = out
        return out

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes) + "\n"

    def text_triples(self, triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[tuple[str, str, str]]:
        """rdflib triples as ``(subject IRI, predicate IRI, object in Turtle)`` strings."""
        from rdflib import URIRef

        term = self.term
        for s, p, o in triples:
            if not isinstance(s, URIRef):
                raise ValueError(f"only IRIs can be subjects, not {s!r}")
            yield str(s), str(p), term(o)

    def blocks(self, triples: Iterable[tuple[str, str, str]], counted: list[int] | None = None) -> Iterator[str]:
        """Yield the prefix lines, then one block per subject (sorted by IRI), for text triples.

        Triples are kept per subject as a flat list of predicate and object
        strings (no set of tuples, no rdflib objects), each subject's block is
        sorted, deduplicated and written, and its list let go.  The number of
        distinct triples is appended to ``counted``.
        """
        by_subject: dict[str, list[str]] = {}
        last, pairs = None, []
        for s, p, o in triples:
            if s != last:  # the triples of a subject mostly come in a row
                pairs = by_subject.get(s)
                if pairs is None:
                    pairs = by_subject[s] = []
                last = s
            pairs += (p, o)
        yield self.header()[:-1]
        iri, total = self.iri, 0
        predicates: dict[str, str] = {_RDF_TYPE: "a"}
        for s in sorted(by_subject):
            flat = by_subject.pop(s)
            pairs = sorted(set(zip(flat[::2], flat[1::2])))
            total += len(pairs)
            lines, prev = [], None
            for p, o in pairs:  # sorted by predicate IRI, then object; rdf:type goes first as "a"
                if p == prev:
                    lines[-1].append(o)
                else:
                    name = predicates.get(p)
                    if name is None:
                        name = predicates[p] = iri(p)
                    lines.append([name, o])
                    prev = p
            lines.sort(key=lambda line: line[0] != "a")  # stable: the rest stay sorted by IRI
            body = " ;\n".join(f"    {line[0]} {', '.join(line[1:])}" for line in lines)
            yield f"\n{iri(s)}\n{body} .\n"
        if counted is not None:
            counted.append(total)

    def serialize(self, triples: Iterable[tuple[Node, Node, Node]]) -> str:
        """Return sorted Turtle for rdflib ``triples`` (duplicates dropped)."""
        return "".join(self.blocks(self.text_triples(triples)))


def serialize_turtle(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Return deterministic Turtle text for rdflib ``triples``.

    >>> from rdflib import RDF, Literal, URIRef
    >>> from xianjice.graph.rdf.vocab import SDO
    >>> print(serialize_turtle([(URIRef("https://example.org/e/1"), SDO.position, Literal(1)),
    ...                         (URIRef("https://example.org/e/1"), RDF.type, SDO.Article)]).split("\\n\\n")[1])
    <https://example.org/e/1>
        a schema:Article ;
        schema:position 1 .
    <BLANKLINE>
    """
    return TurtleWriter().serialize(triples)


def write_turtle_text(triples: Iterable[tuple[str, str, str]], path: str | Path, *,
                      writer: TurtleWriter | None = None) -> int:
    """Write text triples (see :meth:`TurtleWriter.blocks`) as deterministic Turtle; return the number of triples.

    The file is written block by block (UTF-8, ``\\n`` line ends), never held whole in memory.
    """
    counted: list[int] = []
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines((writer or TurtleWriter()).blocks(triples, counted))
    return counted[0]


def write_turtle(triples: Iterable[tuple[Node, Node, Node]], path: str | Path) -> int:
    """Write deterministic Turtle for rdflib ``triples`` to ``path`` (UTF-8, ``\\n`` line ends); return the number of bytes."""
    data = serialize_turtle(triples).encode("utf-8")
    Path(path).write_bytes(data)
    return len(data)
