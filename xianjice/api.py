"""The Python API of the main job: read files, build the graph, write the exports, run a query.

Each function is a thin door onto the library module that does the work, so
a script needs to know these four names only::

    import xianjice

    books = xianjice.read_files()                      # the bundled seed
    G = xianjice.build_graph(books)                    # a networkx MultiDiGraph
    report = xianjice.write_exports(books, "exports")  # graph.ttl, graph.html … and report.json
    result = xianjice.query("SELECT ?t WHERE { ?e a schema:Article ; schema:name ?t }", "exports")

They are re-exported by :mod:`xianjice` lazily: ``import xianjice`` loads none
of the heavy libraries (networkx, rdflib, matplotlib) until one is called.
Errors are :class:`xianjice.errors.XianjiceError` subclasses, as in the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

    from xianjice.extract.records import Compilation
    from xianjice.graph.rdf.query import QueryResult

__all__ = ["read_files", "build_graph", "write_exports", "query"]


def read_files(paths: Sequence[str | Path] | str | Path | None = None, *, lexicon: str | Path | None = None,
               gazetteer: str | Path | None = None) -> list[Compilation]:
    """Read, extract and analyse compilations or results lists, one per file.

    Parameters
    ----------
    paths
        One path or several (UTF-8, UTF-16 or GB18030 text); ``None`` reads
        the bundled seed (:func:`xianjice.bundled_seed`).
    lexicon, gazetteer
        CSV files to use instead of the bundled lexicon and gazetteer (see
        the README, “Lexicon and gazetteer”).

    Returns
    -------
    list of xianjice.extract.records.Compilation
        In the order of ``paths``: the book, its essays (with units, authors,
        tier, concepts, documents, mentions, proposals), the unplaced lines.

    Raises
    ------
    xianjice.errors.InputError
        A file is missing, unreadable or not text.
    xianjice.errors.LexiconError
        A lexicon or gazetteer file is malformed.
    """
    from xianjice import bundled_seed
    from xianjice.extract.pipeline import extract_files

    if paths is None:
        paths = [bundled_seed()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    return extract_files(list(paths), lexicon_path=lexicon, gazetteer_path=gazetteer)


def build_graph(compilations: Sequence[Compilation]) -> nx.MultiDiGraph:
    """The knowledge graph of one or more compilations (see :func:`xianjice.graph.build.build_graph`).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by stable local ids (``essay/9787801656490/01``, ``org/…``),
        each with ``kind``, ``label``, ``label_en``, ``pinyin``; edges keyed by
        their relation (``author``, ``unit``, ``award``, ``about`` …).
    """
    from xianjice.graph.build import build_graph as build

    return build(compilations)


def write_exports(compilations: Sequence[Compilation], out_dir: str | Path = "exports", *,
                  base: str | None = None) -> dict:
    """Write every export of ``xianjice build`` into ``out_dir`` and return the report.

    ``out_dir`` is replaced as a whole, atomically; only an empty directory
    or an earlier build is ever replaced (see
    :func:`xianjice.graph.writers.export.write_build`).  ``base`` is the
    base IRI of every resource (``https://xianjice.example.org/id/`` when
    None), as ``xianjice build --base``.

    Returns
    -------
    dict
        The contents of ``report.json``: per book what was found and not
        placed, node and edge counts, the top concepts, the file sizes.

    Raises
    ------
    xianjice.errors.ExportError
        ``out_dir`` cannot be written or holds something other than a build.
    xianjice.errors.BaseIRIError
        ``base`` is not an absolute IRI ending in ``/`` or ``#``.
    """
    from xianjice.graph.writers.export import write_build

    return write_build(compilations, out_dir) if base is None else write_build(compilations, out_dir, base=base)


def query(sparql: str, build: str | Path | Graph = "exports") -> QueryResult:
    """Run SPARQL on a build (its directory or graph.ttl) or on an rdflib ``Graph``.

    The prefixes of graph.ttl (``schema:``, ``org:``, ``skos:``, ``xj:`` …)
    are predeclared.  ``result.records()`` gives the rows as dicts of strings.

    Raises
    ------
    xianjice.errors.QueryError
        No build there, or the query cannot be parsed or run.
    """
    from xianjice.graph.rdf.query import run_query

    return run_query(build, sparql)
