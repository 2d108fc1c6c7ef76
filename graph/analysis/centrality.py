"""Which concepts are central: several measures side by side, stable and sorted.

The measures (explained for readers in the README, "How centrality is
measured") are computed on the concept co-occurrence network of
:func:`xianjice.graph.analysis.cooccurrence.concept_network` (a node per concept, an edge
between two concepts some essay discusses together, weighted by the number
of such essays):

``degree``
    weighted degree (strength), an integer: the sum of its edge weights,
    i.e. the number of (essay, other concept) pairs it is discussed with;
``pagerank``
    PageRank with damping 0.85 over the weighted edges (sums to 1);
``betweenness``
    the share of shortest paths between two other concepts that pass
    through the concept, with edge length ``1 / weight`` (normalised to
    0…1).  Beyond ``sample_betweenness_above`` (:data:`SAMPLE_ABOVE`)
    concepts it is estimated from that many source concepts drawn with a
    fixed seed;
``eigenvector``
    the leading eigenvector of the weighted adjacency matrix (Euclidean norm
    1).  It is only defined on a connected network, so it is computed on the
    largest connected component (most concepts, then largest eigenvalue,
    then smallest concept id) and is 0 outside it; exactly (dense symmetric
    solver) up to :data:`DENSE_EIGEN_LIMIT` concepts, with a sparse solver
    from a fixed start vector beyond;

and on the bipartite essay–concept graph of
:func:`xianjice.graph.analysis.cooccurrence.essay_concept_graph`:

``essay_share``
    bipartite degree centrality: the share of all essays that discuss it;
``bridging``
    bipartite betweenness centrality (Borgatti & Halgin normalisation)
    among the essays that discuss some concept: how much the concept lies
    on the paths joining essays to each other (sampled like betweenness
    beyond ``sample_betweenness_above`` essays and concepts).

Counts come alongside: ``essays``, ``units`` and ``top_units`` using the
concept (units not known are not counted), and ``first_prize_share`` / ``other_share``, the share of the
first-prize essays (tier 1) and of all other essays that discuss it
(``None`` when there is no such essay).

Every measure is rounded to :data:`DECIMALS` places, and the ranking sorts
the rounded values, so the table is the same on every platform.  Ties are
broken by the number of essays (more first), then by the concept label in
Unicode code point order.
"""

from __future__ import annotations


import networkx as nx
import numpy as np

from xianjice.graph.analysis.cooccurrence import concept_network, essay_concept_graph, essay_concepts
from xianjice.graph.analysis.themes import UNKNOWN_UNIT, essay_units
from xianjice.graph.writers.tables import csv_text
from xianjice.graph.writers.texttable import json_text

#: Decimal places kept for every measure.
DECIMALS = 6

#: Beyond this many nodes, betweenness is estimated from this many sources (drawn with a fixed seed).
SAMPLE_ABOVE = 500

#: Sources drawn for the bipartite betweenness (``bridging``) of a large essay–concept graph …
BRIDGING_PIVOTS = 100
#: … fewer on a very large one, so that the sampled searches visit about this many edges in all.
BRIDGING_EDGE_VISITS = 2_000_000


def _bridging_pivots(B: nx.Graph) -> int:
    """Sources for the sampled bipartite betweenness: 100, down to 20 on graphs with over 20,000 edges.

    >>> _bridging_pivots(nx.path_graph(600)), _bridging_pivots(nx.complete_graph(600))
    (100, 20)
    """
    edges = max(1, B.number_of_edges())
    return max(20, min(BRIDGING_PIVOTS, BRIDGING_EDGE_VISITS // edges, len(B)))

#: The measures ``--by`` may sort on.
MEASURES = ("pagerank", "betweenness", "degree", "eigenvector")

#: Output columns, in order.
COLUMNS = (
    "rank", "concept", "theme", "community", "degree", "pagerank", "betweenness", "eigenvector",
    "essay_share", "bridging", "essays", "units", "top_units", "first_prize_share", "other_share", "id",
)


def _round(value: float) -> float:
    value = round(float(value), DECIMALS)
    return 0.0 if value == 0 else value  # no "-0.0"


def leading_eigenvector(N: nx.Graph, *, weight: str = "weight") -> dict[str, float]:
    """Eigenvector centrality on the largest connected component, 0 elsewhere.

    Computed exactly with a symmetric eigensolver (no power iteration that
    could fail to converge), signs made positive, Euclidean norm 1.  The
    largest component is the one with the most nodes, then the largest
    leading eigenvalue, then the smallest node id.  A network without edges
    gives 0 everywhere.

    Examples
    --------
    >>> P = nx.path_graph(["a", "b", "c"])
    >>> {k: round(v, 4) for k, v in leading_eigenvector(P).items()}
    {'a': 0.5, 'b': 0.7071, 'c': 0.5}
    >>> P.add_node("z")
    >>> leading_eigenvector(P)["z"]
    0.0
    """
    out = {n: 0.0 for n in N}
    components = [sorted(c) for c in nx.connected_components(N) if len(c) > 1]
    if not components:
        return out
    size = max(len(c) for c in components)
    best = None
    for nodes in sorted(c for c in components if len(c) == size):
        value, vector = _perron(N, nodes, weight)
        if best is None or round(value, 9) > round(best[0], 9):
            best = (value, nodes, vector)
    _, nodes, vector = best
    out.update(zip(nodes, (float(x) for x in vector)))
    return out


#: Beyond this many nodes the leading eigenvector comes from a sparse solver.
DENSE_EIGEN_LIMIT = 1000


def _perron(N: nx.Graph, nodes: list[str], weight: str) -> tuple[float, np.ndarray]:
    """Leading eigenvalue and non-negative unit eigenvector of a connected component."""
    if len(nodes) <= DENSE_EIGEN_LIMIT:
        values, vectors = np.linalg.eigh(nx.to_numpy_array(N, nodelist=nodes, weight=weight))
        value, vector = float(values[-1]), vectors[:, -1]
    else:
        from scipy.sparse.linalg import eigsh

        A = nx.to_scipy_sparse_array(N, nodelist=nodes, weight=weight, dtype=float)
        values, vectors = eigsh(A, k=1, which="LA", v0=np.ones(len(nodes)), tol=1e-12)
        value, vector = float(values[0]), vectors[:, 0]
    vector = np.abs(vector)
    return value, vector / np.linalg.norm(vector)


def _pivots(G: nx.Graph, sample_above: int) -> int | None:
    return sample_above if len(G) > sample_above else None


def _betweenness(N: nx.Graph, *, sample_above: int, seed: int) -> dict[str, float]:
    return nx.betweenness_centrality(N, k=_pivots(N, sample_above), normalized=True, weight="distance", seed=seed)


def _bridging(B: nx.Graph, concepts: list[str], *, sample_above: int = SAMPLE_ABOVE, seed: int = 0) -> dict[str, float]:
    """Bipartite betweenness of the concepts among the essays that discuss one.

    The normalisation of Borgatti & Halgin (as in
    :func:`networkx.algorithms.bipartite.betweenness_centrality`), computed
    here so that graphs too small to have any bridge give 0 instead of a
    division by zero.  Beyond ``sample_above`` nodes (essays and concepts)
    it is estimated from that many source nodes drawn with ``seed``.

    >>> B = nx.Graph([("e1", "a"), ("e1", "b"), ("e2", "b")])
    >>> _bridging(B, ["a", "b"])
    {'a': 0.0, 'b': 1.0}
    """
    B = nx.Graph(B.subgraph(n for n in B if B.degree(n) > 0))  # a copy: traversing a view is 4x slower
    n, m = len(concepts), len(B) - len(concepts)
    if n == 0 or m == 0:
        return {c: 0.0 for c in concepts}
    s, t = divmod(n - 1, m)
    most = ((m**2) * ((s + 1) ** 2) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2.0
    k = _bridging_pivots(B) if len(B) > sample_above else None
    raw = nx.betweenness_centrality(B, k=k, normalized=False, weight=None, seed=seed)
    return {c: (raw[c] / most if most else 0.0) for c in concepts}


def _pagerank(N: nx.Graph) -> dict[str, float]:
    if len(N) == 0:
        return {}
    return nx.pagerank(N, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000)


def _share(part: int, whole: int) -> float | None:
    return _round(part / whole) if whole else None


def concept_centrality(
    G: nx.MultiDiGraph,
    *,
    by: str = "pagerank",
    sample_betweenness_above: int = SAMPLE_ABOVE,
    seed: int = 0,
    communities: dict[str, int] | None = None,
) -> list[dict]:
    """Return every concept some essay is about, with its measures and counts, best first.

    Parameters
    ----------
    G
        The knowledge graph (:func:`xianjice.graph.build.build_graph`).
    by
        The measure to rank by: one of :data:`MEASURES`.
    sample_betweenness_above
        Beyond this many concepts, betweenness is estimated from this many
        source concepts drawn with ``seed``.
    seed
        Seed for the betweenness sample.
    communities
        Concept id → community number (from
        :func:`xianjice.graph.analysis.communities.concept_communities`); the ``community``
        field is ``None`` when not given.

    Returns
    -------
    list of dict
        One dict per concept with the keys of :data:`COLUMNS` (``concept``
        is the label, ``id`` the node id), sorted by ``by`` descending, then
        ``essays`` descending, then ``concept`` by Unicode code point;
        ``rank`` counts from 1.

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    A star: the hub is central by every measure.

    >>> G = nx.MultiDiGraph()
    >>> for c in "hab":
    ...     G.add_node(f"concept/{c}", kind="concept", label=c, theme="T")
    >>> for i, leaf in enumerate("ab"):
    ...     G.add_node(f"essay/{i}", kind="essay", tier=1 if i == 0 else 2)
    ...     _ = G.add_edge(f"essay/{i}", "concept/h", key="about")
    ...     _ = G.add_edge(f"essay/{i}", f"concept/{leaf}", key="about")
    >>> rows = concept_centrality(G)
    >>> [(r["concept"], r["degree"], r["betweenness"], r["essays"]) for r in rows]
    [('h', 2, 1.0, 2), ('a', 1, 0.0, 1), ('b', 1, 0.0, 1)]
    >>> rows[1]["first_prize_share"], rows[1]["other_share"]
    (1.0, 0.0)
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; use one of {', '.join(MEASURES)}")
    N = concept_network(G)
    B = essay_concept_graph(G)
    strength = dict(N.degree(weight="weight"))
    pagerank = _pagerank(N)
    betweenness = _betweenness(N, sample_above=sample_betweenness_above, seed=seed)
    eigenvector = leading_eigenvector(N)
    concepts = sorted(N)
    essays_all = [n for n, d in B.nodes(data="bipartite") if d == 0]
    bridging = _bridging(B, concepts, sample_above=sample_betweenness_above, seed=seed)
    n_essays = len(essays_all)

    first = {e for e in essays_all if G.nodes[e].get("tier") == 1}
    users: dict[str, list[str]] = {c: [] for c in concepts}
    for e, cs in essay_concepts(G).items():
        for c in cs:
            users[c].append(e)
    units = {e: set(essay_units(G, e)) - {UNKNOWN_UNIT} for e in essays_all}
    tops = {e: set(essay_units(G, e, level="top")) - {UNKNOWN_UNIT} for e in essays_all}

    rows = []
    for c in concepts:
        es = users[c]
        n_first = sum(e in first for e in es)
        rows.append({
            "rank": 0,
            "concept": N.nodes[c]["label"],
            "theme": N.nodes[c]["theme"],
            "community": communities.get(c) if communities is not None else None,
            "degree": strength[c],
            "pagerank": _round(pagerank[c]),
            "betweenness": _round(betweenness[c]),
            "eigenvector": _round(eigenvector[c]),
            "essay_share": _share(len(es), n_essays),
            "bridging": _round(bridging[c]),
            "essays": len(es),
            "units": len({u for e in es for u in units[e]}),
            "top_units": len({u for e in es for u in tops[e]}),
            "first_prize_share": _share(n_first, len(first)),
            "other_share": _share(len(es) - n_first, n_essays - len(first)),
            "id": c,
        })
    rows.sort(key=lambda r: (-r[by], -r["essays"], r["concept"], r["id"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows


# --- rendering --------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{DECIMALS}f}"
    return str(value)


def centrality_csv(rows: list[dict]) -> str:
    """Render rows as CSV with the header :data:`COLUMNS` (empty cells for ``None``): ``central.csv``.

    >>> centrality_csv([]).strip() == ",".join(COLUMNS)
    True
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("concept/a", kind="concept", label="a", theme="T"); G.add_node("e", kind="essay")
    >>> _ = G.add_edge("e", "concept/a", key="about")
    >>> centrality_csv(concept_centrality(G, communities={"concept/a": 1})).splitlines()[1].split(",")[:4]
    ['1', 'a', 'T', '1']
    """
    return csv_text(COLUMNS, ([_cell(r[c]) for c in COLUMNS] for r in rows))


def centrality_json(rows: list[dict]) -> str:
    """Render rows as an indented JSON list of objects (keys in :data:`COLUMNS` order)."""
    return json_text([{c: r[c] for c in COLUMNS} for r in rows], indent=2)


#: Columns of the text table: (header, key).
TABLE_COLUMNS = (
    ("#", "rank"), ("concept", "concept"), ("theme", "theme"), ("com", "community"),
    ("degree", "degree"), ("pagerank", "pagerank"), ("betweenness", "betweenness"),
    ("eigenvector", "eigenvector"), ("essays", "essays"), ("units", "units"), ("top units", "top_units"),
    ("1st prize", "first_prize_share"), ("others", "other_share"),
)


def centrality_table(rows: list[dict], *, decimals: int = 4) -> str:
    """Render rows as a plain text table (measures to ``decimals`` places, shares as percentages).

    >>> row = dict.fromkeys(COLUMNS, 0.0) | {"rank": 1, "essays": 0, "units": 0, "top_units": 0, "concept": "通关", "theme": "监管", "community": 1,
    ...                                     "pagerank": 0.5, "first_prize_share": 0.25, "other_share": None}
    >>> print(centrality_table([row]))
    #  concept  theme  com  degree  pagerank  betweenness  eigenvector  essays  units  top units  1st prize  others
    1  通关     监管     1  0.0000    0.5000       0.0000       0.0000       0      0          0      25.0%       -
    """
    from xianjice.graph.writers.texttable import text_table

    def cell(key: str, value) -> str:
        if value is None:
            return "-"
        if key.endswith("_share"):
            return f"{100 * value:.1f}%"
        if isinstance(value, float):
            return f"{value:.{decimals}f}"
        return str(value)

    body = [[cell(key, r[key]) for _, key in TABLE_COLUMNS] for r in rows]
    right = [i for i, (_, key) in enumerate(TABLE_COLUMNS) if key not in ("concept", "theme")]
    return text_table([h for h, _ in TABLE_COLUMNS], body, right=right)


# --- RDF --------------------------------------------------------------------

#: Measure → (local name of its ``xj:`` term, XSD datatype local name); both must be
#: declared in :mod:`xianjice.graph.rdf.vocab` (``XJ``, ``XSD``), which :func:`rows_triples` checks.
RDF_TERMS = {
    "degree": ("weightedDegree", "integer"),
    "pagerank": ("pagerank", "decimal"),
    "betweenness": ("betweenness", "decimal"),
    "eigenvector": ("eigenvector", "decimal"),
    "essays": ("essayCount", "integer"),
}


def rows_triples(rows: list[dict], *, base: str | None = None):
    """Yield ``(concept IRI, xj:<measure>, literal)`` triples of rows from :func:`concept_centrality`.

    They let SPARQL users sort concepts by the measures.  The predicates are
    those of :data:`RDF_TERMS` in the ``xj:`` namespace; decimals keep
    :data:`DECIMALS` places in a fixed lexical form
    (``"0.102414"^^xsd:decimal``), counts are ``xsd:integer``.  Concept IRIs
    are ``base`` + node id, as in :mod:`xianjice.graph.rdf.triples`; rows come out by id.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("concept/a", kind="concept", label="a", theme="T"); G.add_node("e", kind="essay")
    >>> _ = G.add_edge("e", "concept/a", key="about")
    >>> for s, p, o in rows_triples(concept_centrality(G), base="https://example.org/"):
    ...     print(s.n3(), p.n3(), o.n3())  # doctest: +ELLIPSIS
    <https://example.org/concept/a> <https://xianjice.example.org/ns#betweenness> "0.000000"^^<...#decimal>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#eigenvector> "0.000000"^^<...#decimal>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#essayCount> "1"^^<...#integer>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#pagerank> "1.000000"^^<...#decimal>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#weightedDegree> "0"^^<...#integer>
    """
    from rdflib import Literal, URIRef

    from xianjice.graph.ids import DEFAULT_BASE, check_base
    from xianjice.graph.rdf.vocab import XJ, XSD

    base = check_base(base or DEFAULT_BASE)
    # XJ and XSD are closed namespaces: a term missing from graph/vocab.py raises here.
    terms = sorted((XJ[name], XSD[datatype], measure) for measure, (name, datatype) in RDF_TERMS.items())
    for r in sorted(rows, key=lambda r: r["id"]):
        subject = URIRef(base + r["id"])
        for predicate, datatype, measure in terms:
            value = r[measure]
            text = str(int(value)) if datatype == XSD.integer else f"{value:.{DECIMALS}f}"
            yield subject, predicate, Literal(text, datatype=datatype)
