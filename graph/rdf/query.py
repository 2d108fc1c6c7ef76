"""Run SPARQL on a build's graph.ttl: Oxigraph (an embedded, cached store) or rdflib.

:func:`run_query` returns a :class:`QueryResult`; :func:`format_result`
turns it into a text table, TSV, CSV, SPARQL JSON results, or Turtle (for
CONSTRUCT/DESCRIBE).
"""

from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from xianjice.errors import QueryError, XianjiceError
from xianjice.graph.rdf.prefixes import PREFIXES
from xianjice.graph.writers.texttable import json_text, text_table

if TYPE_CHECKING:  # rdflib is imported only where it is used: it takes longer to import than most queries to run
    from rdflib import Graph
    from rdflib.term import Node

FORMATS = ("table", "tsv", "csv", "json")


class QueryResult:
    """What a query gave: ``kind`` is "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE".

    ``rows`` are rdflib terms (None where a variable is unbound).  A result
    of the embedded store keeps Oxigraph's own terms (``terms``) and makes
    the rdflib ones only when ``rows`` is read: :func:`format_result` and
    :meth:`records` work from either, so ``xianjice query`` never imports rdflib.

    >>> from rdflib import Literal
    >>> r = QueryResult("SELECT", ("t",), ((Literal("一"),),))
    >>> r.records(), r == QueryResult("SELECT", ("t",), terms=((ox.Literal("一"),),))
    ([{'t': '一'}], True)
    """

    __slots__ = ("kind", "variables", "boolean", "graph", "terms", "_rows")

    def __init__(self, kind: str, variables: tuple[str, ...] = (), rows: tuple[tuple[Node | None, ...], ...] = (),
                 boolean: bool | None = None, graph: Graph | None = None, *,
                 terms: tuple[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...], ...] | None = None):
        self.kind = kind
        self.variables = tuple(variables)
        self.boolean = boolean
        self.graph = graph
        self.terms = terms
        self._rows = None if terms is not None else tuple(rows)

    @property
    def rows(self) -> tuple[tuple[Node | None, ...], ...]:
        """The rows as rdflib terms (converted from :attr:`terms` on first use)."""
        if self._rows is None:
            convert = _memo(to_rdflib)
            self._rows = tuple(tuple(convert(t) for t in row) for row in self.terms)
        return self._rows

    def cells(self) -> list[list[str | None]]:
        """The rows as plain strings (IRI, literal value, blank node id; None when unbound)."""
        if self.terms is not None:
            plain = _memo(lambda t: t.value)
            return [[plain(t) for t in row] for row in self.terms]
        return [[None if t is None else str(t) for t in row] for row in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        """The rows as dicts of plain strings (IRI or literal value; None when unbound)."""
        return [dict(zip(self.variables, row)) for row in self.cells()]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QueryResult):
            return NotImplemented
        return ((self.kind, self.variables, self.boolean, self.cells())
                == (other.kind, other.variables, other.boolean, other.cells()))

    __hash__ = None

    def __repr__(self) -> str:
        size = f"{len(self.terms if self.terms is not None else self._rows)} rows" if self.kind == "SELECT" else ""
        return f"QueryResult({self.kind!r}, {self.variables!r}{', ' + size if size else ''})"


def _memo(convert):
    """``convert`` of a term, once per distinct term (labels, units, tiers repeat from row to row); None stays None."""
    seen: dict = {}

    def once(t):
        if t is None:
            return None
        found = seen.get(t)
        if found is None:
            found = seen[t] = convert(t)
        return found

    return once


ENGINES = ("oxigraph", "rdflib")
#: A bare name of a shipped query (``essays-by-tier``), as opposed to a path or query text.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def shipped_queries() -> dict[str, str]:
    """The queries shipped in the package ``xianjice.queries``: name (file stem) → SPARQL text.

    >>> "essays-by-tier" in shipped_queries()
    True
    """
    folder = resources.files("xianjice.queries")
    return {Path(f.name).stem: f.read_text(encoding="utf-8")
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".rq")}


def read_query(text_or_path: str) -> str:
    """Return the SPARQL text: a shipped query by name, the contents of a ``.rq`` file, or the argument itself.

    >>> read_query("SELECT * WHERE { ?s ?p ?o }")
    'SELECT * WHERE { ?s ?p ?o }'
    >>> read_query("essays-by-tier").startswith("# Essays per award tier")
    True
    >>> read_query("missing.rq")
    Traceback (most recent call last):
    ...
    xianjice.errors.QueryError: missing.rq: no such query file
    """
    stripped = text_or_path.strip()
    looks_like_file = stripped.endswith((".rq", ".sparql")) and "\n" not in stripped and "{" not in stripped
    path = Path(stripped)
    if looks_like_file or (len(stripped) < 4096 and "{" not in stripped and _is_file(path)):
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise QueryError(f"{stripped}: no such query file") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{stripped}: cannot read the query file: {exc}") from exc
    if _NAME.fullmatch(stripped):
        shipped = shipped_queries()
        if stripped in shipped:
            return shipped[stripped]
        raise QueryError(f"{stripped!r} is no shipped query, query file or SPARQL text; "
                         f"shipped: {', '.join(shipped)}")
    return text_or_path


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


#: Spans of a query that cannot hold the keyword SERVICE: strings, IRIs, comments.
_INERT = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U(000[0-9A-Fa-f]{5}|0010[0-9A-Fa-f]{4})")
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(sparql: str) -> bool:
    """True when a query holds a ``SERVICE`` clause (a federated call to another endpoint).

    Strings, IRIs and comments are not looked into.

    >>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <urn:p> "SERVICE" } # SERVICE')
    False
    """
    unescaped = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)  # SPARQL 1.1 §19.2
    return bool(_SERVICE.search(_INERT.sub(" ", unescaped)))


def check_service(sparql: str, *, allow_service: bool) -> None:
    """Refuse a query with SERVICE unless allowed: it would send requests from a query on a local file."""
    if not allow_service and uses_service(sparql):
        raise QueryError("the query calls another endpoint (SERVICE), which sends requests over the network; "
                         "give --allow-service to allow it")


def graph_file(build: str | Path) -> Path:
    """The graph.ttl of a build directory (or the file itself)."""
    path = Path(build)
    ttl = path / "graph.ttl" if path.is_dir() else path
    if not ttl.is_file():
        raise QueryError(f"{ttl}: no graph.ttl here; run `xianjice build -o {path}` first")
    return ttl


def load_graph(build: str | Path) -> Graph:
    """Parse a build's graph.ttl into an ``rdflib.Graph``."""
    from rdflib import Graph

    ttl = graph_file(build)
    g = Graph(bind_namespaces="none")
    try:
        g.parse(ttl, format="turtle")
    except Exception as exc:  # rdflib raises many kinds for bad Turtle
        raise QueryError(f"{ttl}: not readable Turtle: {' '.join(str(exc).split())}") from exc
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns)
    return g


def load_store(build: str | Path, *, writable: bool = False) -> ox.Store:
    """Open a build's graph.ttl as an Oxigraph store (cached; see :mod:`xianjice.graph.rdf.store`)."""
    from xianjice.graph.rdf.store import open_store

    return open_store(graph_file(build), writable=writable)


def run_query(graph: Graph | ox.Store | str | Path, sparql: str, *, engine: str = "oxigraph",
              allow_service: bool = False) -> QueryResult:
    """Run ``sparql`` on a graph, a store, or the graph.ttl of a build directory.

    Parameters
    ----------
    graph
        An ``rdflib.Graph`` (run by rdflib), a ``pyoxigraph.Store`` (run by
        Oxigraph), or a build directory / graph.ttl (run by *engine*).
    sparql
        The query; the prefixes of graph.ttl (schema:, org:, skos: …) are predeclared.
    engine
        ``"oxigraph"`` (the cached embedded store) or ``"rdflib"`` (parses graph.ttl).
    allow_service
        Run ``SERVICE`` clauses (outbound HTTP requests); refused otherwise.

    Raises
    ------
    QueryError
        The query is not valid SPARQL, fails while it runs (a bad regular
        expression in rdflib, an endpoint a SERVICE calls), uses SERVICE
        without *allow_service*, or there is no readable graph.ttl.

    Notes
    -----
    The engines follow SPARQL where it leaves them no choice: an error inside
    a FILTER (an invalid regular expression in Oxigraph, say) makes the FILTER
    false.

    >>> from rdflib import Graph, Literal, URIRef
    >>> from xianjice.graph.rdf.vocab import SDO
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://example.org/e/1"), SDO.name, Literal("一")))
    >>> run_query(g, "SELECT ?n WHERE { ?e schema:name ?n }").records()
    [{'n': '一'}]
    >>> run_query(g, "ASK { ?e schema:name '二' }").boolean
    False
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    check_service(sparql, allow_service=allow_service)
    if isinstance(graph, (str, os.PathLike)):
        graph = load_graph(graph) if engine == "rdflib" else load_store(graph)
    try:
        if isinstance(graph, ox.Store):
            return _oxigraph_result(graph, sparql)
        return _rdflib_result(graph, sparql)  # an rdflib.Graph
    except QueryError:
        raise
    except Exception as exc:  # parser errors, re.error, network errors of SERVICE …
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(f"the query cannot be run: {message}") from exc


def _rdflib_result(graph: Graph, sparql: str) -> QueryResult:
    result = graph.query(sparql, initNs=dict(PREFIXES))
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(result.type, graph=result.graph)
    variables = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(row) for row in result)  # evaluation happens here
    return QueryResult("SELECT", variables, rows)


def _oxigraph_result(store: ox.Store, sparql: str) -> QueryResult:
    result = store.query(sparql, prefixes=dict(PREFIXES))
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        from rdflib import Graph

        g = Graph(bind_namespaces="none")
        for prefix, ns in PREFIXES:
            g.bind(prefix, ns)
        for t in result:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        kind = "DESCRIBE" if re.search(r"\bDESCRIBE\b", _INERT.sub(" ", sparql), re.IGNORECASE) else "CONSTRUCT"
        return QueryResult(kind, graph=g)
    variables = tuple(v.value for v in result.variables)
    return QueryResult("SELECT", variables, terms=tuple(map(tuple, result)))  # evaluation happens here


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """The rdflib term of a pyoxigraph term (None stays None: an unbound variable).

    >>> to_rdflib(ox.Literal("一", language="zh")).n3()
    '"一"@zh'
    >>> to_rdflib(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))).toPython()
    3
    """
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise QueryError(f"a result holds a term xianjice cannot show: {term!r}")


def _json_term(term) -> dict | None:
    """A term (rdflib's or Oxigraph's) as SPARQL 1.1 JSON results write it."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "bnode", "value": str(term)}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table``, ``tsv``, ``csv`` or ``json`` (SPARQL 1.1 JSON results).

    CONSTRUCT and DESCRIBE results are always Turtle; ASK gives true/false
    (or a JSON boolean).

    >>> from rdflib import Literal
    >>> r = QueryResult("SELECT", ("unit", "n"), ((Literal("拱北海关"), Literal(2)),))
    >>> print(format_result(r))
    unit      n
    --------  -
    拱北海关  2
    >>> print(format_result(r, "csv"), end="")
    unit,n
    拱北海关,2
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        from xianjice.graph.rdf.turtle import serialize_turtle

        return serialize_turtle(result.graph)
    if result.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if fmt == "json":
        rows = result.terms if result.terms is not None else result.rows
        term = _memo(_json_term)
        bindings = [{v: term(t) for v, t in zip(result.variables, row) if t is not None} for row in rows]
        return json_text({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}, indent=2)
    cells = [["" if c is None else c for c in row] for row in result.cells()]
    if fmt in ("csv", "tsv"):
        from xianjice.graph.writers.tables import csv_text  # imports networkx: only for csv and tsv

        if fmt == "tsv":
            cells = [[c.replace("\t", " ").replace("\n", " ") for c in r] for r in cells]
        return csv_text(result.variables, cells, delimiter="," if fmt == "csv" else "\t")
    one_line = _memo(lambda c: " ".join(c.split()))
    return text_table(result.variables, [[one_line(c) for c in r] for r in cells], rule=True)
