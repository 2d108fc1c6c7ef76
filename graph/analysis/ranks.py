"""Ranks from a weight matrix and how far they can be trusted: PageRank, eigenvector, a bootstrap over essays.

The bootstrap (Efron 1979, "Bootstrap methods: another look at the
jackknife", *Annals of Statistics* 7(1); Efron & Tibshirani 1993) draws the
essays with replacement, as many as there are, :data:`RESAMPLES` times with
a fixed seed; each draw gives a co-occurrence network over the concepts of
the ranking (the essays' fractional pair weights, see
:func:`xianjice.graph.analysis.cooccurrence.pair_weights`, summed with the
number of times each essay was drawn: the sparse essay × pair matrix
is resampled, not the graph) and a ranking by the same measure and tie rules.
A concept's interval is the 2.5th to 97.5th percentile of its ranks.  The
work is bounded: fewer draws (down to :data:`MIN_RESAMPLES`) when one draw
costs more than :data:`WORK_BUDGET` / :data:`RESAMPLES` steps.
"""

from __future__ import annotations

import numpy as np

#: Draws of the essays (with replacement) for the rank intervals.
RESAMPLES = 200
#: Fewest draws when the corpus is large.
MIN_RESAMPLES = 50
#: Steps (stored pair contributions summed + 60 × concepts² for the ranking) allowed over all draws.
WORK_BUDGET = 60_000_000
#: PageRank damping factor (Brin & Page 1998).
ALPHA = 0.85
#: Convergence: stop when the L1 change is below ``n × TOL`` (as networkx).
TOL = 1e-12
#: Decimal places the ranking compares (the published values' precision).
DECIMALS = 6
#: Beyond this many nodes PageRank iterates and the leading eigenvector comes from a sparse solver.
DENSE_EIGEN_LIMIT = 1000
#: Draws summed together (one sparse product each batch).
BATCH = 50
#: Bootstrap rank measures (betweenness is too costly to recompute for every draw).
BOOTSTRAP_MEASURES = ("essays", "pagerank", "degree", "eigenvector")


def pagerank_matrix(W: np.ndarray, *, alpha: float = ALPHA, tol: float = TOL, max_iter: int = 10_000) -> np.ndarray:
    """PageRank of a non-negative weight matrix, as :func:`networkx.pagerank` computes it.

    A row without weight (a concept linked to none) spreads its rank
    uniformly, as does the random jump.  Up to :data:`DENSE_EIGEN_LIMIT`
    nodes the stationary vector is solved for exactly (a linear system);
    beyond, power iteration from the uniform vector stops when the L1
    change is below ``n × tol``.  Sums to 1.

    Examples
    --------
    >>> W = np.array([[0, 1.0, 1.0], [1.0, 0, 0], [1.0, 0, 0]])  # a star: hub 0
    >>> pagerank_matrix(W).round(6).tolist()
    [0.486486, 0.256757, 0.256757]
    """
    n = W.shape[0]
    if n == 0:
        return np.zeros(0)
    strength = W.sum(axis=1)
    dangling = strength == 0
    Q = np.divide(W, strength[:, None], out=np.zeros_like(W, dtype=float), where=~dangling[:, None])
    p = np.full(n, 1.0 / n)
    if n <= DENSE_EIGEN_LIMIT:
        # x = αxM + (1-α)p with M = Q + (dangling rows → p): solve (I - αM)ᵀ x = (1-α)p
        M = Q + np.outer(dangling, p)
        x = np.linalg.solve((np.eye(n) - alpha * M).T, (1 - alpha) * p)
        return x / x.sum()
    x = p.copy()
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ Q + x[dangling].sum() * p) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            return x
    return x


def eigenvector_matrix(W: np.ndarray, order: list[str]) -> np.ndarray:
    """Leading eigenvector (norm 1, non-negative) on the largest connected component, 0 elsewhere.

    Eigenvector centrality is only defined on a connected network.  The
    largest component is the one with the most nodes, then the largest
    leading eigenvalue, then the smallest node id (``order`` names the
    nodes).  Computed exactly with a symmetric eigensolver (no power
    iteration that could fail to converge) up to :data:`DENSE_EIGEN_LIMIT`
    nodes, with a sparse solver from a fixed start vector beyond; signs made
    positive.  A network without edges gives 0 everywhere.

    >>> W = np.array([[0, 1.0, 0], [1.0, 0, 0], [0, 0, 0]])
    >>> eigenvector_matrix(W, ["a", "b", "c"]).round(4).tolist()
    [0.7071, 0.7071, 0.0]
    """
    from scipy.sparse.csgraph import connected_components

    out = np.zeros(W.shape[0])
    if not W.shape[0]:
        return out
    _, labels = connected_components(W > 0, directed=False)
    groups = [np.flatnonzero(labels == c) for c in np.unique(labels)]
    groups = [g for g in groups if len(g) > 1]
    if not groups:
        return out
    size = max(len(g) for g in groups)
    best = None
    for g in sorted((g for g in groups if len(g) == size), key=lambda g: min(order[i] for i in g)):
        value, vector = _perron(W[np.ix_(g, g)])
        if best is None or round(value, 9) > round(best[0], 9):
            best = (value, g, vector)
    _, g, vector = best
    out[g] = vector
    return out


def _perron(A: np.ndarray) -> tuple[float, np.ndarray]:
    """Leading eigenvalue and non-negative unit eigenvector of a connected symmetric block."""
    if len(A) <= DENSE_EIGEN_LIMIT:
        values, vectors = np.linalg.eigh(A)
        value, vector = float(values[-1]), vectors[:, -1]
    else:
        from scipy.sparse import csr_matrix
        from scipy.sparse.linalg import eigsh

        values, vectors = eigsh(csr_matrix(A), k=1, which="LA", v0=np.ones(len(A)), tol=1e-12)
        value, vector = float(values[0]), vectors[:, 0]
    vector = np.abs(vector)
    return value, vector / np.linalg.norm(vector)


def measure_values(W: np.ndarray, measure: str, order: list[str]) -> np.ndarray:
    """The values of ``measure`` (one of :data:`BOOTSTRAP_MEASURES`) for the nodes of ``W``."""
    if measure == "pagerank":
        return pagerank_matrix(W)
    if measure == "degree":
        return W.sum(axis=1)
    if measure == "eigenvector":
        return eigenvector_matrix(W, order)
    raise ValueError(f"no bootstrap for {measure!r}; one of {', '.join(BOOTSTRAP_MEASURES)}")


def ranks(values: np.ndarray, essays: np.ndarray, labels: list[str], ids: list[str]) -> np.ndarray:
    """Rank (from 1) of each node: value (rounded to :data:`DECIMALS`) descending, more essays, label, id.

    >>> ranks(np.array([0.2, 0.5, 0.2]), np.array([1, 1, 2]), ["b", "c", "a"], ["1", "2", "3"]).tolist()
    [3, 1, 2]
    """
    rounded = np.round(values, DECIMALS)
    order = sorted(range(len(values)), key=lambda i: (-rounded[i], -essays[i], labels[i], ids[i]))
    out = np.empty(len(values), dtype=int)
    out[order] = np.arange(1, len(values) + 1)
    return out


def resample_count(pair_cost: int, nodes: int, *, resamples: int = RESAMPLES) -> int:
    """Draws to make within :data:`WORK_BUDGET`: ``resamples``, down to :data:`MIN_RESAMPLES` on large corpora.

    >>> resample_count(1_000, 30), resample_count(2_000_000, 30), resample_count(10, 30, resamples=0)
    (200, 50, 0)
    """
    if resamples <= 0:
        return 0
    per_draw = pair_cost + 60 * nodes * nodes + 1
    return int(min(resamples, max(MIN_RESAMPLES, WORK_BUDGET // per_draw)))


def bootstrap_ranks(pw, present: np.ndarray, labels: list[str], ids: list[str], *, measure: str = "pagerank",
                    resamples: int = RESAMPLES, seed: int = 0) -> np.ndarray:
    """Ranks of the network's nodes in each bootstrap draw: an array ``(draws, nodes)``.

    Parameters
    ----------
    pw
        :class:`xianjice.graph.analysis.cooccurrence.PairWeights` of the network.
    present
        ``(essays, nodes)`` 0/1 matrix (sparse or dense): the essays that
        discuss each node (the tie rule's essay count).
    labels, ids
        The nodes' labels and ids (tie rules).
    measure
        One of :data:`BOOTSTRAP_MEASURES`.
    resamples
        Draws wanted (bounded by :func:`resample_count`); 0 for none.
    seed
        Seed of :func:`numpy.random.default_rng`.

    Examples
    --------
    >>> import networkx as nx
    >>> from xianjice.graph.analysis.cooccurrence import incidence, pair_weights
    >>> G = nx.MultiDiGraph()
    >>> for e, cs in {"e1": "ab", "e2": "ab", "e3": "bc", "e4": "bc"}.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs: G.add_node(c, kind="concept"); _ = G.add_edge(e, c, key="about")
    >>> inc = incidence(G); keep = np.arange(3)
    >>> r = bootstrap_ranks(pair_weights(inc, keep), inc.present[:, keep], ["a", "b", "c"], ["a", "b", "c"], resamples=20)
    >>> r.shape, bool((r[:, 1] == 1).mean() > 0.8)  # b, the hub, is first in most draws
    ((20, 3), True)
    """
    k = len(pw.concepts)
    n_essays = pw.matrix.shape[0]
    draws = resample_count(pw.cost(), k, resamples=resamples)
    if not (draws and k and n_essays):
        return np.zeros((0, k), dtype=int)
    out = np.zeros((draws, k), dtype=int)
    rng = np.random.default_rng(seed)
    presentT = present.T.tocsr() if hasattr(present, "tocsr") else np.asarray(present).T
    for start in range(0, draws, BATCH):
        size = min(BATCH, draws - start)
        m = np.stack([np.bincount(rng.integers(0, n_essays, n_essays), minlength=n_essays)
                      for _ in range(size)], axis=1).astype(float)  # (essays, size)
        totals = np.asarray(pw.pair_totals(m)).reshape(len(pw.pairs), size)
        essays = np.asarray(presentT @ m).reshape(k, size)
        for b in range(size):
            W = pw.square(totals[:, b])
            if measure == "essays":  # essay count first, PageRank breaking its ties
                out[start + b] = ranks(essays[:, b], np.round(pagerank_matrix(W), DECIMALS), labels, ids)
            else:
                out[start + b] = ranks(measure_values(W, measure, ids), essays[:, b], labels, ids)
    return out


def rank_interval(draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 2.5th (lower) and 97.5th (higher) percentile of each column of :func:`bootstrap_ranks`.

    >>> low, high = rank_interval(np.array([[1, 2], [1, 3], [2, 1]]))
    >>> low.tolist(), high.tolist()
    ([1, 1], [2, 3])
    """
    if not len(draws):
        return np.zeros(draws.shape[1], dtype=int), np.zeros(draws.shape[1], dtype=int)
    low = np.percentile(draws, 2.5, axis=0, method="lower")
    high = np.percentile(draws, 97.5, axis=0, method="higher")
    return low.astype(int), high.astype(int)
