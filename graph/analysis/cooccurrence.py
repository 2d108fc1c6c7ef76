"""Derived views of who discusses what: the essay × concept incidence, the
concept co-occurrence network and the essay–concept graph.

All are built from the ``essay -about-> concept`` edges of the knowledge
graph (see the graph model); ``proposal -about-> concept`` edges are not
used, since a proposal's concepts are already its essay's.  Each ``about``
edge says ``where`` the concept was found: ``title``, ``body`` or
``title+body``.  The two layers are kept apart:

* a concept counts as *present* in a layer of an essay (once, however often
  it occurs there), so one long body cannot outweigh thirty titles by
  repeating its words;
* co-occurrence is counted per layer with **fractional counting**
  (Perianes-Rodriguez, Waltman & van Eck 2016, "Constructing bibliometric
  networks: A comparison between full and fractional counting", *Journal of
  Informetrics* 10(4)): a layer holding ``n`` concepts adds
  ``w / (n - 1)`` to the link of each of its concept pairs, so each of its
  concepts gains ``w`` in strength whatever ``n`` is, and a layer of ``n``
  concepts adds ``w·n/2`` to the network rather than ``n(n-1)/2``.  The layer
  weight ``w`` is :data:`TITLE_WEIGHT` for a title and :data:`BODY_WEIGHT` for
  a body (a title names what the essay is about; a body discusses much in
  passing);
* links are also given in **association strength** (van Eck & Waltman 2009,
  "How to normalize cooccurrence data? An analysis of some well-known
  similarity measures", *JASIST* 60(8); the normalisation of VOSviewer):
  ``a_ij = 2m·c_ij / (k_i·k_j)``, the observed link weight over the one
  expected if the concepts co-occurred at random given their strengths
  ``k`` (``m`` the network's total link weight).

The network keeps the concepts discussed in at least ``min_essays`` essays
(:data:`MIN_ESSAYS`) and, unless ``with_frame``, leaves out the *frame
layer*: concepts whose node has ``frame=True`` (the campaign's slogans,
科学发展观, 解放思想 …, which every essay of a campaign invokes); those are
removed from every essay before the counting.  Nodes and edges are inserted
in sorted order, so every measure computed on these views is independent
of the order of the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np
from scipy import sparse

#: Weight of a co-occurrence in an essay's title …
TITLE_WEIGHT = 1.0
#: … and in its body.
BODY_WEIGHT = 0.5
#: A concept enters the network when at least this many essays discuss it.
MIN_ESSAYS = 2
#: Warn when the top :data:`CONCENTRATION_TOP` share of essays carry more than this share of the link weight.
CONCENTRATION_LIMIT = 0.5
CONCENTRATION_TOP = 0.1


def essay_layers(G: nx.MultiDiGraph) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Return, for every essay node, the sorted concept ids found in its title and in its body.

    An ``about`` edge without ``where`` counts for the title.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("e1", kind="essay"); G.add_node("e2", kind="essay")
    >>> for c in "xy": G.add_node(c, kind="concept")
    >>> _ = G.add_edge("e1", "x", key="about", where="title+body")
    >>> _ = G.add_edge("e1", "y", key="about", where="body")
    >>> essay_layers(G)
    {'e1': (('x',), ('x', 'y')), 'e2': ((), ())}
    """
    out = {}
    for n in sorted(G.nodes):
        if G.nodes[n].get("kind") != "essay":
            continue
        title, body = set(), set()
        for _, v, k, d in G.out_edges(n, keys=True, data=True):
            if k != "about" or G.nodes[v].get("kind") != "concept":
                continue
            where = str(d.get("where") or "title")
            if "title" in where:
                title.add(v)
            if "body" in where:
                body.add(v)
        out[n] = (tuple(sorted(title)), tuple(sorted(body)))
    return out


def essay_concepts(G: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Return, for every essay node, the sorted ids of the concepts it is about (either layer).

    Essays that discuss no concept map to an empty tuple.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("essay/b/01", kind="essay")
    >>> G.add_node("essay/b/02", kind="essay")
    >>> G.add_node("concept/x", kind="concept")
    >>> _ = G.add_edge("essay/b/01", "concept/x", key="about", rel="about")
    >>> essay_concepts(G)
    {'essay/b/01': ('concept/x',), 'essay/b/02': ()}
    """
    return {e: tuple(sorted(set(t) | set(b))) for e, (t, b) in essay_layers(G).items()}


@dataclass(frozen=True)
class Incidence:
    """The essay × concept incidence of a graph, one 0/1 matrix per layer.

    ``essays`` and ``concepts`` are sorted node ids (every essay; every
    concept some essay is about); ``title`` and ``body`` are CSR matrices of
    shape ``(len(essays), len(concepts))`` with 1 where the concept is found
    in that layer of the essay; ``labels``, ``themes`` and ``frame`` follow
    ``concepts``.
    """

    essays: tuple[str, ...]
    concepts: tuple[str, ...]
    labels: tuple[str, ...]
    themes: tuple[str, ...]
    frame: tuple[bool, ...]
    title: sparse.csr_matrix
    body: sparse.csr_matrix

    @property
    def present(self) -> sparse.csr_matrix:
        """0/1 matrix: the concept is found somewhere in the essay."""
        return ((self.title + self.body) > 0).astype(np.float64).tocsr()

    def essay_counts(self) -> np.ndarray:
        """Number of essays discussing each concept (either layer)."""
        return np.asarray(self.present.sum(axis=0)).ravel()


def incidence(G: nx.MultiDiGraph) -> Incidence:
    """Return the :class:`Incidence` of ``G`` (one walk over the ``about`` edges).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("e1", kind="essay"); G.add_node("c", kind="concept", label="C", theme="T", frame=True)
    >>> _ = G.add_edge("e1", "c", key="about", where="body")
    >>> inc = incidence(G)
    >>> inc.concepts, inc.frame, inc.title.toarray().tolist(), inc.body.toarray().tolist()
    (('c',), (True,), [[0.0]], [[1.0]])
    """
    layers = essay_layers(G)
    essays = tuple(layers)
    concepts = tuple(sorted({c for t, b in layers.values() for c in (*t, *b)}))
    col = {c: j for j, c in enumerate(concepts)}
    mats = []
    for k in (0, 1):
        rows = [i for i, e in enumerate(essays) for _ in layers[e][k]]
        cols = [col[c] for e in essays for c in layers[e][k]]
        mats.append(sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(essays), len(concepts))))
    data = [G.nodes[c] for c in concepts]
    return Incidence(
        essays=essays,
        concepts=concepts,
        labels=tuple(str(d.get("label", c)) for c, d in zip(concepts, data)),
        themes=tuple(str(d.get("theme") or "") for d in data),
        frame=tuple(bool(d.get("frame", False)) for d in data),
        title=mats[0],
        body=mats[1],
    )


def eligible(inc: Incidence, *, min_essays: int = MIN_ESSAYS, with_frame: bool = False) -> np.ndarray:
    """Indices (into ``inc.concepts``) of the concepts the network keeps: enough essays, frame layer optional.

    >>> G = nx.MultiDiGraph()
    >>> for e, cs in {"e1": "ab", "e2": "ab", "e3": "c"}.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs:
    ...         G.add_node(c, kind="concept", frame=c == "b"); _ = G.add_edge(e, c, key="about")
    >>> eligible(incidence(G)).tolist(), eligible(incidence(G), with_frame=True, min_essays=1).tolist()
    ([0], [0, 1, 2])
    """
    counts = inc.essay_counts()
    keep = counts >= min_essays
    if not with_frame:
        keep &= ~np.array(inc.frame, dtype=bool)
    return np.flatnonzero(keep)


@dataclass(frozen=True)
class PairWeights:
    """Each essay's fractional contribution to each concept pair of the network.

    ``concepts`` are indices into the incidence's concepts (the network's
    nodes, in order); ``pairs`` a ``(P, 2)`` array of node positions
    ``i < j`` (the pairs some essay holds); ``matrix`` a CSR ``(essays, P)``
    matrix, title and body layers summed.  The co-occurrence weights of a
    sample of essays taken ``m`` times each are ``m @ matrix``: the sparse
    essay × pair matrix is resampled, never the graph.
    """

    concepts: np.ndarray
    pairs: np.ndarray
    matrix: sparse.csr_matrix

    def pair_totals(self, multiplicity: np.ndarray | None = None) -> np.ndarray:
        """Weight of each pair in the sample ``multiplicity`` (every essay once when ``None``);
        ``multiplicity`` may also be ``(essays, draws)``, giving ``(P, draws)``."""
        if multiplicity is None:
            return np.asarray(self.matrix.sum(axis=0)).ravel()
        return self.matrix.T @ multiplicity  # scipy's own loop: no BLAS threads

    def weights(self, multiplicity: np.ndarray | None = None) -> np.ndarray:
        """The symmetric ``K × K`` co-occurrence matrix (zero diagonal) of the sample ``multiplicity``."""
        return self.square(self.pair_totals(multiplicity))

    def square(self, totals: np.ndarray) -> np.ndarray:
        """The ``K × K`` matrix of pair weights ``totals``."""
        k = len(self.concepts)
        W = np.zeros((k, k))
        if len(self.pairs):
            W[self.pairs[:, 0], self.pairs[:, 1]] = totals
            W[self.pairs[:, 1], self.pairs[:, 0]] = totals
        return W

    def essay_totals(self) -> np.ndarray:
        """Total link weight each essay adds to the network (``w·n/2`` per layer of ``n ≥ 2`` concepts)."""
        return np.asarray(self.matrix.sum(axis=1)).ravel()

    def cost(self) -> int:
        """Stored contributions: the work of one sum over a sample."""
        return int(self.matrix.nnz)


def _layer_pairs(X: sparse.csr_matrix, factor: np.ndarray):
    """(essay, i, j, value) of every pair i < j of concepts in each row of ``X``, vectorised."""
    n = np.diff(X.indptr)
    owner = np.repeat(np.arange(len(n)), n)  # the essay of each stored entry
    width = n[owner]  # each entry pairs with the n entries of its essay
    a = np.repeat(np.arange(X.nnz), width)
    first = np.repeat(X.indptr[:-1][owner], width)
    offset = np.arange(len(a)) - np.repeat(np.cumsum(width) - width, width)
    b = first + offset
    i, j = X.indices[a], X.indices[b]
    keep = i < j
    e = owner[a[keep]]
    return e, i[keep], j[keep], factor[e]


def pair_weights(inc: Incidence, concepts: np.ndarray, *, title_weight: float = TITLE_WEIGHT,
                 body_weight: float = BODY_WEIGHT) -> PairWeights:
    """Fractional co-occurrence counts per essay over the concepts ``concepts`` (see the module docstring).

    Concepts outside ``concepts`` are removed from the essays before the
    counting.  Work and memory grow with ``Σ n²`` over the essays' layers.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("e1", kind="essay")
    >>> for c in "abc": G.add_node(c, kind="concept"); _ = G.add_edge("e1", c, key="about", where="title")
    >>> inc = incidence(G)
    >>> pw = pair_weights(inc, np.arange(3))
    >>> pw.weights().tolist()  # three concepts in one title: 1/(3-1) to each pair
    [[0.0, 0.5, 0.5], [0.5, 0.0, 0.5], [0.5, 0.5, 0.0]]
    """
    concepts = np.asarray(concepts, dtype=int)
    k = len(concepts)
    parts = []
    for X, w in ((inc.title, title_weight), (inc.body, body_weight)):
        X = X[:, concepts].tocsr()
        X.sort_indices()
        n = np.diff(X.indptr)
        f = np.divide(w, n - 1, out=np.zeros(len(n)), where=n >= 2)
        parts.append(_layer_pairs(X, f))
    e, i, j, v = (np.concatenate(x) for x in zip(*parts))
    codes, column = np.unique(i * max(k, 1) + j, return_inverse=True)
    pairs = np.stack([codes // max(k, 1), codes % max(k, 1)], axis=1).astype(int) if len(codes) else \
        np.zeros((0, 2), dtype=int)
    matrix = sparse.csr_matrix((v, (e, column.ravel())), shape=(inc.title.shape[0], len(codes)))
    matrix.sum_duplicates()
    return PairWeights(concepts=concepts, pairs=pairs, matrix=matrix)


def association_strength(W: np.ndarray) -> np.ndarray:
    """Association strength ``2m·c_ij / (k_i·k_j)`` of a symmetric weight matrix (0 where a strength is 0).

    van Eck & Waltman (2009); 1 means the pair co-occurs as often as
    expected from the concepts' strengths.

    >>> association_strength(np.array([[0, 1.0, 1.0], [1.0, 0, 0], [1.0, 0, 0]])).tolist()  # a star
    [[0.0, 2.0, 2.0], [2.0, 0.0, 0.0], [2.0, 0.0, 0.0]]
    """
    k = W.sum(axis=1)
    total = k.sum()  # = 2m
    with np.errstate(divide="ignore", invalid="ignore"):
        A = np.where(np.outer(k, k) > 0, total * W / np.outer(k, k), 0.0)
    return A


def network_from(inc: Incidence, pw: PairWeights, counts: np.ndarray | None = None) -> nx.Graph:
    """The co-occurrence network of :func:`pair_weights` as a networkx graph (see :func:`concept_network`)."""
    W = pw.weights()
    A = association_strength(W)
    i_up, j_up = np.nonzero(np.triu(W, 1))
    counts = inc.essay_counts() if counts is None else counts
    title_counts = np.asarray(inc.title.sum(axis=0)).ravel()
    body_counts = np.asarray(inc.body.sum(axis=0)).ravel()
    both = np.asarray((inc.title[:, pw.concepts].T @ inc.body[:, pw.concepts]).diagonal()).ravel() \
        if len(pw.concepts) else np.zeros(0)
    shared = (inc.present[:, pw.concepts].T @ inc.present[:, pw.concepts]).toarray() if len(pw.concepts) else None
    N = nx.Graph()
    for pos, j in enumerate(pw.concepts):
        N.add_node(inc.concepts[j], label=inc.labels[j], theme=inc.themes[j], frame=inc.frame[j],
                   essays=int(counts[j]), title_essays=int(title_counts[j]), body_essays=int(body_counts[j]),
                   both_essays=int(both[pos]))
    for i, j in sorted(zip(i_up.tolist(), j_up.tolist()), key=lambda ij: (inc.concepts[pw.concepts[ij[0]]],
                                                                          inc.concepts[pw.concepts[ij[1]]])):
        w = float(W[i, j])
        N.add_edge(inc.concepts[pw.concepts[i]], inc.concepts[pw.concepts[j]], weight=w, distance=1.0 / w,
                   association=float(A[i, j]), essays=int(shared[i, j]))
    return N


def concept_network(G: nx.MultiDiGraph, *, min_essays: int = MIN_ESSAYS, with_frame: bool = False,
                    title_weight: float = TITLE_WEIGHT, body_weight: float = BODY_WEIGHT) -> nx.Graph:
    """Return the concept co-occurrence network.

    Parameters
    ----------
    G
        The knowledge graph (:func:`xianjice.graph.build.build_graph`).
    min_essays
        Keep the concepts at least this many essays discuss (1 keeps all).
    with_frame
        Keep the frame layer (concepts with ``frame=True``).
    title_weight, body_weight
        Weight of a co-occurrence in a title and in a body.

    Returns
    -------
    networkx.Graph
        One node per concept kept, with ``label``, ``theme``, ``frame``,
        ``essays`` (essays discussing it), ``title_essays``, ``body_essays``
        (essays with it in that layer) and ``both_essays``.  Two concepts are
        linked when a title or a body holds both; ``weight`` is the
        fractional count (float), ``association`` the association strength,
        ``distance`` is ``1 / weight`` (stronger ties are shorter, for
        path-based measures) and ``essays`` the number of essays discussing
        both (in any layers).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for c in "abc":
    ...     G.add_node(f"concept/{c}", kind="concept", label=c, theme="T")
    >>> for e, cs in {"e1": "ab", "e2": "ab", "e3": "abc"}.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs:
    ...         _ = G.add_edge(e, f"concept/{c}", key="about", rel="about", where="title")
    >>> N = concept_network(G, min_essays=1)
    >>> sorted((u[-1], v[-1], w) for u, v, w in N.edges(data="weight"))
    [('a', 'b', 2.5), ('a', 'c', 0.5), ('b', 'c', 0.5)]
    >>> N.nodes["concept/b"]["essays"], N.edges["concept/a", "concept/b"]["essays"]
    (3, 3)
    >>> sorted(concept_network(G))  # c is discussed in one essay only
    ['concept/a', 'concept/b']
    """
    inc = incidence(G)
    keep = eligible(inc, min_essays=min_essays, with_frame=with_frame)
    return network_from(inc, pair_weights(inc, keep, title_weight=title_weight, body_weight=body_weight))


def weight_concentration(pw: PairWeights, *, top: float = CONCENTRATION_TOP) -> float | None:
    """Share of the network's link weight carried by the top ``top`` share of essays (at least one essay).

    ``None`` when the network has no link.

    >>> G = nx.MultiDiGraph()
    >>> for e, cs in {"e1": "abcdef", "e2": "ab", "e3": "cd"}.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs: G.add_node(c, kind="concept"); _ = G.add_edge(e, c, key="about")
    >>> inc = incidence(G)
    >>> weight_concentration(pair_weights(inc, np.arange(6)))  # e1 adds 6/2 = 3 of 3 + 1 + 1
    0.6
    """
    totals = np.sort(pw.essay_totals())[::-1]
    whole = totals.sum()
    if whole <= 0:
        return None
    n = max(1, int(np.ceil(top * len(totals))))
    return round(float(totals[:n].sum() / whole), 6)


def essay_concept_graph(G: nx.MultiDiGraph, *, concepts: list[str] | None = None) -> nx.Graph:
    """Return the bipartite essay–concept graph.

    Every essay node (``bipartite=0``) and every concept some essay is about
    (``bipartite=1``; only those of ``concepts`` when given) is a node; an
    edge joins an essay to each such concept it is about, with ``weight`` the
    number of times the concept occurs in it (the ``count`` of the ``about``
    edge, 1 when absent).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("e1", kind="essay", label="t")
    >>> G.add_node("concept/a", kind="concept", label="a", theme="T")
    >>> _ = G.add_edge("e1", "concept/a", key="about", rel="about", count=3)
    >>> B = essay_concept_graph(G)
    >>> B.nodes["e1"]["bipartite"], B.nodes["concept/a"]["bipartite"], B.edges["e1", "concept/a"]["weight"]
    (0, 1, 3)
    """
    by_essay = essay_concepts(G)
    keep = None if concepts is None else set(concepts)
    B = nx.Graph()
    for e in by_essay:
        B.add_node(e, bipartite=0, label=G.nodes[e].get("label", e))
    for c in sorted({c for cs in by_essay.values() for c in cs if keep is None or c in keep}):
        B.add_node(c, bipartite=1, label=G.nodes[c].get("label", c), theme=G.nodes[c].get("theme", ""))
    for e, cs in by_essay.items():
        for c in cs:
            if keep is None or c in keep:
                count = G.edges[e, c, "about"].get("count", 1) or 1
                B.add_edge(e, c, weight=count)
    return B
