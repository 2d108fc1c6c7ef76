"""Run SPARQL on a build's graph.ttl with rdflib.

:func:`run_query` returns a :class:`QueryResult`; :func:`format_result`
turns it into a text table, TSV, CSV, SPARQL JSON results, or Turtle (for
CONSTRUCT/DESCRIBE).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from xianjice.errors import QueryError, XianjiceError
from xianjice.graph.writers.tables import csv_text
from xianjice.graph.writers.texttable import json_text, text_table
from xianjice.graph.rdf.vocab import PREFIXES

FORMATS = ("table", "tsv", "csv", "json")


@dataclass(frozen=True)
class QueryResult:
    """What a query gave: ``kind`` is "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, compare=False)

    def records(self) -> list[dict[str, str | None]]:
        """The rows as dicts of plain strings (IRI or literal value; None when unbound)."""
        return [{v: (None if t is None else str(t)) for v, t in zip(self.variables, row)} for row in self.rows]


def read_query(text_or_path: str) -> str:
    """Return the SPARQL text: the contents of a ``.rq`` file, or the argument itself.

    >>> read_query("SELECT * WHERE { ?s ?p ?o }")
    'SELECT * WHERE { ?s ?p ?o }'
    >>> read_query("missing.rq")
    Traceback (most recent call last):
    ...
    xianjice.errors.QueryError: missing.rq: no such query file
    """
    stripped = text_or_path.strip()
    looks_like_file = stripped.endswith((".rq", ".sparql")) and "\n" not in stripped and "{" not in stripped
    path = Path(stripped)
    if looks_like_file or (len(stripped) < 4096 and "{" not in stripped and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise QueryError(f"{stripped}: no such query file") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{stripped}: cannot read the query file: {exc}") from exc
    return text_or_path


def graph_file(build: str | Path) -> Path:
    """The graph.ttl of a build directory (or the file itself)."""
    path = Path(build)
    ttl = path / "graph.ttl" if path.is_dir() else path
    if not ttl.is_file():
        raise QueryError(f"{ttl}: no graph.ttl here; run `xianjice build -o {path}` first")
    return ttl


def load_graph(build: str | Path) -> Graph:
    """Parse a build's graph.ttl into an ``rdflib.Graph``."""
    ttl = graph_file(build)
    g = Graph(bind_namespaces="none")
    try:
        g.parse(ttl, format="turtle")
    except Exception as exc:  # rdflib raises many kinds for bad Turtle
        raise QueryError(f"{ttl}: not readable Turtle: {exc}") from exc
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns)
    return g


def run_query(graph: Graph | str | Path, sparql: str) -> QueryResult:
    """Run ``sparql`` on a graph (or on the graph.ttl of a build directory).

    The prefixes of graph.ttl (schema:, org:, skos: …) are predeclared.

    >>> from xianjice.graph.rdf.vocab import SDO
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://example.org/e/1"), SDO.name, Literal("一")))
    >>> run_query(g, "SELECT ?n WHERE { ?e schema:name ?n }").records()
    [{'n': '一'}]
    >>> run_query(g, "ASK { ?e schema:name '二' }").boolean
    False
    """
    if not isinstance(graph, Graph):
        graph = load_graph(graph)
    try:
        result = graph.query(sparql, initNs=dict(PREFIXES))
    except Exception as exc:  # pyparsing / rdflib errors
        message = " ".join(str(exc).split())
        raise QueryError(f"the query cannot be run: {message}") from exc
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(result.type, graph=result.graph)
    variables = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(row) for row in result)
    return QueryResult("SELECT", variables, rows)


def _plain(term: Node | None) -> str:
    return "" if term is None else str(term)


def _json_term(term: Node | None) -> dict | None:
    if term is None:
        return None
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
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
        return json_text({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}, indent=2)
    cells = [[_plain(t) for t in row] for row in result.rows]
    if fmt in ("csv", "tsv"):
        if fmt == "tsv":
            cells = [[c.replace("\t", " ").replace("\n", " ") for c in r] for r in cells]
        return csv_text(result.variables, cells, delimiter="," if fmt == "csv" else "\t")
    return text_table(result.variables, [[" ".join(c.split()) for c in r] for r in cells], rule=True)
