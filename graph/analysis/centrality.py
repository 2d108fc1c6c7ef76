"""Which concepts are central: several measures side by side, with rank intervals, stable and sorted.

The measures (explained for readers in the README, "How centrality is
measured") are computed on the concept co-occurrence network of
:func:`xianjice.graph.analysis.cooccurrence.concept_network`: the concepts
discussed in at least ``min_essays`` essays, the frame layer (campaign
slogans, ``frame=True``) left out unless ``with_frame``, linked by the
fractional counts of their co-occurrences in titles and in bodies:

``degree``
    weighted degree (strength): the sum of its link weights.  With
    fractional counting it is, for each title or body it shares with at
    least one other concept, the layer's weight (1 a title, 0.5 a body);
``pagerank``
    PageRank (Brin & Page 1998) with damping 0.85 over the weighted links
    (sums to 1 over the ranked concepts), :func:`xianjice.graph.analysis.ranks.pagerank_matrix`;
``betweenness``
    the share of shortest paths between two other concepts that pass
    through the concept (Brandes 2001), with link length ``1 / weight``
    (normalised to 0…1).  Beyond ``sample_betweenness_above``
    (:data:`SAMPLE_ABOVE`) concepts it is estimated from that many source
    concepts drawn with a fixed seed;
``eigenvector``
    the leading eigenvector of the weighted adjacency matrix (Euclidean norm
    1) on the largest connected component, 0 outside it
    (:func:`xianjice.graph.analysis.ranks.eigenvector_matrix`);

and on the bipartite essay–concept graph (the same concepts):

``essay_share``
    bipartite degree centrality: the share of all essays that discuss it;
``bridging``
    bipartite betweenness centrality (Borgatti & Halgin normalisation)
    among the essays that discuss some concept: how much the concept lies
    on the paths joining essays to each other (sampled like betweenness
    beyond ``sample_betweenness_above`` essays and concepts).

``rank_low`` and ``rank_high`` bound the concept's rank by ``by`` in 95% of
bootstrap draws of the essays (:mod:`xianjice.graph.analysis.ranks`; not for
betweenness, too costly to recompute for every draw).

Counts come alongside: ``essays`` (and ``title_essays``, ``body_essays``:
essays with it in that layer), ``units`` and ``top_units`` using the concept
(units not known are not counted), and ``first_prize_share`` /
``other_share``, the share of the first-prize essays (tier 1) and of all
other essays that discuss it (``None`` when there is no such essay).

Every concept some essay discusses gets a row; those outside the network
(too few essays, or frame layer) come after the ranking with ``rank``
``None`` and no measures.  Every measure is rounded to :data:`DECIMALS`
places, and the ranking sorts the rounded values, so the table is the same
on every platform.

The default ranking (:data:`DEFAULT_BY`, ``by="essays"``) is by the number
of essays that discuss the concept, PageRank breaking its ties: removing one
essay changes an essay count by at most one, where it can reorder the
network measures of a small corpus wholesale (Borgatti, Carley & Krackhardt
2006, "On the robustness of centrality measures under conditions of
imperfect data", *Social Networks* 28(2):124–136); PageRank then orders the
concepts discussed equally often by the company they keep.  By a network
measure, ties go to the concept of more essays.  Concepts still tied on both
share the better rank (standard competition ranking, "1224"); the label, in
Unicode code point order, only orders the rows.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np

from xianjice.graph.analysis.cooccurrence import (
    BODY_WEIGHT, MIN_ESSAYS, TITLE_WEIGHT, Incidence, PairWeights, eligible, incidence, network_from, pair_weights,
)
from xianjice.graph.analysis.ranks import (
    BOOTSTRAP_MEASURES, RESAMPLES, bootstrap_ranks, eigenvector_matrix, pagerank_matrix, rank_interval,
)
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
MEASURES = ("essays", "pagerank", "betweenness", "degree", "eigenvector")

#: The default ranking: essay count, PageRank breaking its ties (see the module docstring).
DEFAULT_BY = "essays"

#: Output columns, in order.
COLUMNS = (
    "rank", "rank_low", "rank_high", "concept", "theme", "frame", "community", "community_name",
    "degree", "pagerank", "betweenness", "eigenvector", "essay_share", "bridging",
    "essays", "title_essays", "body_essays", "units", "top_units", "first_prize_share", "other_share", "id",
)

#: Columns that are ``None`` for a concept outside the network.
RANKED_ONLY = ("rank", "rank_low", "rank_high", "community", "degree", "pagerank", "betweenness", "eigenvector",
               "bridging")


def _round(value: float) -> float:
    value = round(float(value), DECIMALS)
    return 0.0 if value == 0 else value  # no "-0.0"


def leading_eigenvector(N: nx.Graph, *, weight: str = "weight") -> dict[str, float]:
    """Eigenvector centrality on the largest connected component, 0 elsewhere (:func:`~xianjice.graph.analysis.ranks.eigenvector_matrix`).

    Examples
    --------
    >>> P = nx.path_graph(["a", "b", "c"])
    >>> {k: round(v, 4) for k, v in leading_eigenvector(P).items()}
    {'a': 0.5, 'b': 0.7071, 'c': 0.5}
    >>> P.add_node("z")
    >>> leading_eigenvector(P)["z"]
    0.0
    """
    nodes = sorted(N)
    W = nx.to_numpy_array(N, nodelist=nodes, weight=weight)
    return dict(zip(nodes, (float(x) for x in eigenvector_matrix(W, nodes))))


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
    if any(d == 0 for _, d in B.degree()):  # a copy: traversing a view is 4x slower
        B = nx.Graph(B.subgraph(n for n in B if B.degree(n) > 0))
    n, m = len(concepts), len(B) - len(concepts)
    if n == 0 or m == 0:
        return {c: 0.0 for c in concepts}
    s, t = divmod(n - 1, m)
    most = ((m**2) * ((s + 1) ** 2) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2.0
    k = _bridging_pivots(B) if len(B) > sample_above else None
    raw = nx.betweenness_centrality(B, k=k, normalized=False, weight=None, seed=seed)
    return {c: (raw[c] / most if most else 0.0) for c in concepts}


def _bipartite(inc: Incidence, keep: np.ndarray) -> nx.Graph:
    """Essays × the network's concepts, an edge where the essay discusses the concept (sorted insertion).

    Essays that discuss none of the concepts are left out: the graph is the
    one :func:`_bridging` would otherwise copy without them (same nodes, same
    order, same neighbour order), made once.
    """
    B = nx.Graph()
    present = inc.present[:, keep].tocsr()
    names = [inc.concepts[j] for j in keep]
    rows = [(essay, present.indices[present.indptr[e]:present.indptr[e + 1]]) for e, essay in enumerate(inc.essays)]
    B.add_nodes_from(essay for essay, columns in rows if len(columns))
    B.add_nodes_from(sorted(names))
    for essay, columns in rows:
        for j in columns:
            B.add_edge(essay, names[j])
    return B


def _share(part: int, whole: int) -> float | None:
    return _round(part / whole) if whole else None


def _community_maps(communities) -> tuple[dict[str, int], dict[str, str]]:
    """(concept id → community number, concept id → community name) of communities given either way."""
    if communities is None:
        return {}, {}
    if isinstance(communities, Mapping):
        return dict(communities), {}
    number = {c: com["community"] for com in communities for c in com["ids"]}
    name = {c: com.get("name", "") for com in communities for c in com["ids"]}
    return number, name


def essay_unit_sets(G: nx.MultiDiGraph, essays) -> tuple[dict[str, frozenset], dict[str, frozenset]]:
    """The known units and known top-level units of each essay (labels), for the counts."""
    units = {e: frozenset(essay_units(G, e)) - {UNKNOWN_UNIT} for e in essays}
    tops = {e: frozenset(essay_units(G, e, level="top")) - {UNKNOWN_UNIT} for e in essays}
    return units, tops


def concept_centrality(
    G: nx.MultiDiGraph,
    *,
    by: str = DEFAULT_BY,
    sample_betweenness_above: int = SAMPLE_ABOVE,
    seed: int = 0,
    communities: list[dict] | Mapping[str, int] | None = None,
    with_frame: bool = False,
    min_essays: int = MIN_ESSAYS,
    resamples: int = RESAMPLES,
    title_weight: float = TITLE_WEIGHT,
    body_weight: float = BODY_WEIGHT,
) -> list[dict]:
    """Return every concept some essay is about, with its measures and counts, the ranked ones first.

    Parameters
    ----------
    G
        The knowledge graph (:func:`xianjice.graph.build.build_graph`).
    by
        The measure to rank by: one of :data:`MEASURES` (``essays``: the
        number of essays, PageRank breaking ties; the default).
    sample_betweenness_above
        Beyond this many concepts, betweenness is estimated from this many
        source concepts drawn with ``seed``.
    seed
        Seed for the betweenness sample and the bootstrap.
    communities
        :func:`xianjice.graph.analysis.communities.concept_communities` of
        ``G`` (or a mapping concept id → community number); ``community``
        and ``community_name`` are ``None`` / ``""`` when not given.
    with_frame
        Rank the frame layer (concepts with ``frame=True``) too.
    min_essays
        Rank only the concepts at least this many essays discuss.
    resamples
        Bootstrap draws for ``rank_low`` / ``rank_high`` (0: none, the
        columns are ``None``); bounded on large corpora
        (:func:`xianjice.graph.analysis.ranks.resample_count`).
    title_weight, body_weight
        Weight of a co-occurrence in a title and in a body.

    Returns
    -------
    list of dict
        One dict per concept with the keys of :data:`COLUMNS` (``concept``
        is the label, ``id`` the node id).  The network's concepts come
        first, sorted by ``by`` descending, then ``essays`` descending
        (``pagerank`` when ``by`` is ``essays``), then ``concept`` by
        Unicode code point, ``rank`` counting from 1 (concepts tied on the
        first two keys share the better rank); then
        the others (``rank`` ``None``, columns of :data:`RANKED_ONLY`
        ``None``), by essays descending then label.

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
    >>> rows = concept_centrality(G, min_essays=1, resamples=0)
    >>> [(r["concept"], r["degree"], r["betweenness"], r["essays"]) for r in rows]
    [('h', 2.0, 1.0, 2), ('a', 1.0, 0.0, 1), ('b', 1.0, 0.0, 1)]
    >>> rows[1]["first_prize_share"], rows[1]["other_share"]
    (1.0, 0.0)
    >>> [(r["concept"], r["rank"]) for r in concept_centrality(G, resamples=0)]  # a and b: one essay each
    [('h', 1), ('a', None), ('b', None)]
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; use one of {', '.join(MEASURES)}")
    inc = incidence(G)
    keep = eligible(inc, min_essays=min_essays, with_frame=with_frame)
    pw = pair_weights(inc, keep, title_weight=title_weight, body_weight=body_weight)
    units, tops = essay_unit_sets(G, inc.essays)
    return centrality_rows(G, inc, pw, units=units, tops=tops, by=by, seed=seed, communities=communities,
                           sample_betweenness_above=sample_betweenness_above, resamples=resamples)


def centrality_rows(G: nx.MultiDiGraph, inc: Incidence, pw: PairWeights, *, units: Mapping[str, frozenset],
                    tops: Mapping[str, frozenset], by: str = DEFAULT_BY, seed: int = 0, communities=None,
                    sample_betweenness_above: int = SAMPLE_ABOVE, resamples: int = RESAMPLES,
                    network: nx.Graph | None = None) -> list[dict]:
    """:func:`concept_centrality` from parts already computed (:func:`xianjice.graph.analysis.result.analyse_graph`).

    ``network`` is :func:`~xianjice.graph.analysis.cooccurrence.network_from` of ``inc`` and ``pw``
    (made here when not given); ``units`` and ``tops`` are :func:`essay_unit_sets`.
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; use one of {', '.join(MEASURES)}")
    N = network_from(inc, pw) if network is None else network
    keep = pw.concepts
    names = [inc.concepts[j] for j in keep]
    labels = [inc.labels[j] for j in keep]
    W = pw.weights()
    strength = W.sum(axis=1)
    pagerank = pagerank_matrix(W)
    eigenvector = eigenvector_matrix(W, names)
    betweenness = _betweenness(N, sample_above=sample_betweenness_above, seed=seed)
    bridging = _bridging(_bipartite(inc, keep), names, sample_above=sample_betweenness_above, seed=seed)
    present = inc.present.tocsc()
    counts = np.asarray(present.sum(axis=0)).ravel()
    title_counts = np.asarray(inc.title.sum(axis=0)).ravel()
    body_counts = np.asarray(inc.body.sum(axis=0)).ravel()
    n_essays = len(inc.essays)
    tier = {e: G.nodes[e].get("tier") for e in inc.essays}
    first = {e for e in inc.essays if tier[e] == 1}
    number, name = _community_maps(communities)
    position = {c: i for i, c in enumerate(names)}

    low = high = None
    if by in BOOTSTRAP_MEASURES and resamples > 0 and len(keep):
        draws = bootstrap_ranks(pw, inc.present[:, keep], labels, names, measure=by, resamples=resamples, seed=seed)
        if len(draws):
            low, high = rank_interval(draws)

    rows = []
    for j, c in enumerate(inc.concepts):
        es = [inc.essays[e] for e in present.indices[present.indptr[j]:present.indptr[j + 1]]]
        n_first = sum(e in first for e in es)
        row = {
            "rank": None, "rank_low": None, "rank_high": None,
            "concept": inc.labels[j],
            "theme": inc.themes[j],
            "frame": inc.frame[j],
            "community": number.get(c),
            "community_name": name.get(c, ""),
            "degree": None, "pagerank": None, "betweenness": None, "eigenvector": None,
            "essay_share": _share(len(es), n_essays),
            "bridging": None,
            "essays": int(counts[j]),
            "title_essays": int(title_counts[j]),
            "body_essays": int(body_counts[j]),
            "units": len({u for e in es for u in units[e]}),
            "top_units": len({u for e in es for u in tops[e]}),
            "first_prize_share": _share(n_first, len(first)),
            "other_share": _share(len(es) - n_first, n_essays - len(first)),
            "id": c,
        }
        if c in position:
            i = position[c]
            row.update(degree=_round(strength[i]), pagerank=_round(pagerank[i]), betweenness=_round(betweenness[c]),
                       eigenvector=_round(eigenvector[i]), bridging=_round(bridging[c]))
            if low is not None:
                row.update(rank_low=int(low[i]), rank_high=int(high[i]))
        rows.append(row)
    ranked = sorted((r for r in rows if r["id"] in position), key=lambda r: (*_rank_key(r, by), r["concept"], r["id"]))
    rest = sorted((r for r in rows if r["id"] not in position), key=lambda r: (-r["essays"], r["concept"], r["id"]))
    for i, r in enumerate(ranked, 1):  # standard competition ranking: ties share the better rank ("1224")
        r["rank"] = ranked[i - 2]["rank"] if i > 1 and _rank_key(ranked[i - 2], by) == _rank_key(r, by) else i
    return ranked + rest


def _rank_key(row: dict, by: str) -> tuple:
    """What the rank compares: ``by``, then essays (PageRank when ``by`` is ``essays``); the label only orders ties."""
    second = "pagerank" if by == "essays" else "essays"
    return (-row[by], -row[second])


# --- rendering --------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
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
    >>> rows = concept_centrality(G, communities={"concept/a": 1}, min_essays=1, resamples=10)
    >>> centrality_csv(rows).splitlines()[1].split(",")[:8]
    ['1', '1', '1', 'a', 'T', 'false', '1', '']
    """
    return csv_text(COLUMNS, ([_cell(r[c]) for c in COLUMNS] for r in rows))


def centrality_json(rows: list[dict]) -> str:
    """Render rows as an indented JSON list of objects (keys in :data:`COLUMNS` order)."""
    return json_text([{c: r[c] for c in COLUMNS} for r in rows], indent=2)


def rank_interval_text(row: dict) -> str:
    """``3–7`` (the bootstrap interval), ``3`` when it is one rank, ``-`` when there is none.

    >>> rank_interval_text({"rank_low": 3, "rank_high": 7}), rank_interval_text({"rank_low": None, "rank_high": None})
    ('3–7', '-')
    """
    low, high = row.get("rank_low"), row.get("rank_high")
    if low is None or high is None:
        return "-"
    return str(low) if low == high else f"{low}–{high}"


#: Columns of the text table: (header, key).
TABLE_COLUMNS = (
    ("#", "rank"), ("95% rank", "interval"), ("concept", "concept"), ("theme", "theme"), ("com", "community"),
    ("degree", "degree"), ("pagerank", "pagerank"), ("betweenness", "betweenness"),
    ("eigenvector", "eigenvector"), ("essays", "essays"), ("titles", "title_essays"), ("bodies", "body_essays"),
    ("units", "units"), ("top units", "top_units"), ("1st prize", "first_prize_share"), ("others", "other_share"),
)


def centrality_table(rows: list[dict], *, decimals: int = 4) -> str:
    """Render rows as a plain text table (measures to ``decimals`` places, shares as percentages).

    >>> row = dict.fromkeys(COLUMNS, 0.0) | {"rank": 1, "rank_low": 1, "rank_high": 2, "essays": 2, "title_essays": 2,
    ...     "body_essays": 0, "units": 0, "top_units": 0, "concept": "通关", "theme": "监管", "community": 1,
    ...     "pagerank": 0.5, "first_prize_share": 0.25, "other_share": None}
    >>> print(centrality_table([row]))
    #  95% rank  concept  theme  com  degree  pagerank  betweenness  eigenvector  essays  titles  bodies  units  top units  1st prize  others
    1       1–2  通关     监管     1  0.0000    0.5000       0.0000       0.0000       2       2       0      0          0      25.0%       -
    """
    from xianjice.graph.writers.texttable import text_table

    def cell(key: str, r: dict) -> str:
        if key == "interval":
            return rank_interval_text(r)
        value = r[key]
        if value is None:
            return "-"
        if key.endswith("_share"):
            return f"{100 * value:.1f}%"
        if isinstance(value, float):
            return f"{value:.{decimals}f}"
        return str(value)

    body = [[cell(key, r) for _, key in TABLE_COLUMNS] for r in rows]
    right = [i for i, (_, key) in enumerate(TABLE_COLUMNS) if key not in ("concept", "theme")]
    return text_table([h for h, _ in TABLE_COLUMNS], body, right=right)


def frame_summary(rows: list[dict]) -> str:
    """One line naming the frame-layer concepts and their essays (empty when there is none).

    >>> frame_summary([{"concept": "科学发展观", "frame": True, "essays": 10, "rank": None},
    ...                {"concept": "通关", "frame": False, "essays": 3, "rank": 1}])
    'Frame layer (campaign slogans, not ranked; --with-frame ranks them): 科学发展观 (10 essays)'
    """
    frame = [r for r in rows if r["frame"] and r["rank"] is None]
    if not frame:
        return ""
    names = ", ".join(f"{r['concept']} ({r['essays']} essay{'' if r['essays'] == 1 else 's'})" for r in frame)
    return f"Frame layer (campaign slogans, not ranked; --with-frame ranks them): {names}"


# --- RDF --------------------------------------------------------------------

#: Measure → (local name of its ``xj:`` term, XSD datatype local name); both must be
#: declared in :mod:`xianjice.graph.rdf.vocab` (``XJ``, ``XSD``), which :func:`rows_triples` checks.
RDF_TERMS = {
    "degree": ("weightedDegree", "decimal"),
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
    are ``base`` + node id, as in :mod:`xianjice.graph.rdf.triples`; rows come out by id.  Concepts
    outside the ranking (no ``pagerank``) get none.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("concept/a", kind="concept", label="a", theme="T"); G.add_node("e", kind="essay")
    >>> _ = G.add_edge("e", "concept/a", key="about")
    >>> for s, p, o in rows_triples(concept_centrality(G, min_essays=1), base="https://example.org/"):
    ...     print(s.n3(), p.n3(), o.n3())  # doctest: +ELLIPSIS
    <https://example.org/concept/a> <https://xianjice.example.org/ns#betweenness> "0.000000"^^<...#decimal>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#eigenvector> "0.000000"^^<...#decimal>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#essayCount> "1"^^<...#integer>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#pagerank> "1.000000"^^<...#decimal>
    <https://example.org/concept/a> <https://xianjice.example.org/ns#weightedDegree> "0.000000"^^<...#decimal>
    """
    from rdflib import Literal, URIRef

    from xianjice.graph.rdf.vocab import XJ, XSD

    # XJ and XSD are closed namespaces: a term missing from graph/vocab.py raises here.
    for name, datatype in RDF_TERMS.values():
        _ = XJ[name], XSD[datatype]
    for s, p, lexical, datatype in _row_values(rows, base=base):
        yield URIRef(s), URIRef(p), Literal(lexical, datatype=URIRef(datatype))


def rows_text_triples(rows: list[dict], *, base: str | None = None, writer=None):
    """The triples of :func:`rows_triples` as ``(subject IRI, predicate IRI, object in Turtle)`` strings.

    Written by ``writer`` (a :class:`~xianjice.graph.rdf.turtle.TurtleWriter`) exactly as it
    writes the rdflib triples, without rdflib (what a build uses).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("concept/a", kind="concept", label="a", theme="T"); G.add_node("e", kind="essay")
    >>> _ = G.add_edge("e", "concept/a", key="about")
    >>> [o for _, _, o in rows_text_triples(concept_centrality(G, min_essays=1), base="https://example.org/")]
    ['"0.000000"^^xsd:decimal', '"0.000000"^^xsd:decimal', '1', '"1.000000"^^xsd:decimal', '"0.000000"^^xsd:decimal']
    """
    from xianjice.graph.rdf.turtle import TurtleWriter

    writer = writer or TurtleWriter()
    for s, p, lexical, datatype in _row_values(rows, base=base):
        yield s, p, writer.typed(lexical, datatype)


def _row_values(rows: list[dict], *, base: str | None):
    """``(subject IRI, predicate IRI, lexical form, datatype IRI)`` strings of the rows, by id then predicate."""
    from xianjice.graph.ids import DEFAULT_BASE, check_base
    from xianjice.graph.rdf.prefixes import iri

    base = check_base(base or DEFAULT_BASE)
    terms = sorted((iri(f"xj:{name}"), iri(f"xsd:{datatype}"), measure) for measure, (name, datatype) in RDF_TERMS.items())
    integer = iri("xsd:integer")
    for r in sorted((r for r in rows if r.get("pagerank") is not None), key=lambda r: r["id"]):
        subject = base + r["id"]
        for predicate, datatype, measure in terms:
            value = r[measure]
            yield subject, predicate, str(int(value)) if datatype == integer else f"{value:.{DECIMALS}f}", datatype
