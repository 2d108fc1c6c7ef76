"""The analysis of a knowledge graph, computed once: what every writer and the CLI format.

:func:`analyse_graph` walks the graph once for the essays' concepts (the
:class:`~xianjice.graph.analysis.cooccurrence.Incidence`) and once for their
units, then derives from those the concept network, the centrality rows, the
communities and the unit × theme matrices.  The writers (Turtle, CSV, HTML,
heatmap) and ``xianjice central`` / ``themes`` only format the graph and this
:class:`Analysis`; none of them computes a measure again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from xianjice.graph.analysis.centrality import DEFAULT_BY, MEASURES, SAMPLE_ABOVE, centrality_rows
from xianjice.graph.analysis.communities import RESOLUTION, network_communities
from xianjice.graph.analysis.cooccurrence import (
    BODY_WEIGHT, CONCENTRATION_LIMIT, CONCENTRATION_TOP, MIN_ESSAYS, TITLE_WEIGHT, eligible, incidence,
    network_from, pair_weights, weight_concentration,
)
from xianjice.graph.analysis.ranks import RESAMPLES
from xianjice.graph.analysis.themes import UNKNOWN_UNIT, essay_units
from xianjice.graph.analysis.toplevel import NO_THEME, theme_matrix


@dataclass(frozen=True)
class Analysis:
    """Everything a build or the CLI shows about a graph's concepts and units (see :func:`analyse_graph`).

    Attributes
    ----------
    options
        The options it was computed with (``by``, ``seed``, ``with_frame``,
        ``min_essays``, ``resamples``, ``title_weight``, ``body_weight``).
    network
        The concept co-occurrence network that is ranked
        (:func:`~xianjice.graph.analysis.cooccurrence.concept_network`).
    display_network
        The same counting over every concept some essay discusses (frame
        layer and concepts of one essay included): what the explorer draws.
    centrality
        Rows of :func:`~xianjice.graph.analysis.centrality.concept_centrality`,
        with their communities; ranked concepts first.
    communities
        :func:`~xianjice.graph.analysis.communities.network_communities` of the network.
    unit_matrix, top_matrix
        The unit × theme matrix at ``level="unit"`` and ``"top"``
        (:func:`~xianjice.graph.analysis.themes.unit_theme_matrix`).
    essay_concepts, essay_themes
        Essay id → sorted concept ids / theme labels it discusses.
    essay_units, essay_top_units
        Essay id → sorted unit labels (paths) / top-level unit labels
        (``(unknown unit)`` when there is none).
    concentration
        Share of the network's link weight carried by the top 10% of essays
        (``None`` without links).
    warnings
        Sentences a reader should see (a few essays carrying most of the weight).
    """

    options: Mapping[str, object]
    network: nx.Graph
    display_network: nx.Graph
    centrality: tuple[dict, ...]
    communities: tuple[dict, ...]
    unit_matrix: dict
    top_matrix: dict
    essay_concepts: Mapping[str, tuple[str, ...]]
    essay_themes: Mapping[str, tuple[str, ...]]
    essay_units: Mapping[str, tuple[str, ...]]
    essay_top_units: Mapping[str, tuple[str, ...]]
    concentration: float | None
    warnings: tuple[str, ...] = field(default=())

    def community_of(self) -> dict[str, int]:
        """Concept id → community number."""
        return {c: com["community"] for com in self.communities for c in com["ids"]}

    def ranked(self) -> list[dict]:
        """The centrality rows with a rank, best first."""
        return [r for r in self.centrality if r["rank"] is not None]


def analyse_graph(
    G: nx.MultiDiGraph,
    *,
    by: str = DEFAULT_BY,
    seed: int = 0,
    with_frame: bool = False,
    min_essays: int = MIN_ESSAYS,
    resamples: int = RESAMPLES,
    title_weight: float = TITLE_WEIGHT,
    body_weight: float = BODY_WEIGHT,
    resolution: float = RESOLUTION,
    sample_betweenness_above: int = SAMPLE_ABOVE,
) -> Analysis:
    """Analyse the concepts and units of ``G`` once.

    Parameters
    ----------
    G
        The knowledge graph (:func:`xianjice.graph.build.build_graph`).
    by
        Measure of the ranking (one of
        :data:`~xianjice.graph.analysis.centrality.MEASURES`).
    seed
        Seed of Louvain, of sampled betweenness and of the bootstrap.
    with_frame
        Put the frame layer (concepts with ``frame=True``) into the network.
    min_essays
        The network keeps concepts at least this many essays discuss.
    resamples
        Bootstrap draws for the rank intervals (0 for none).
    title_weight, body_weight
        Weight of a co-occurrence in a title and in a body.
    resolution
        Louvain resolution.
    sample_betweenness_above
        Beyond this many nodes betweenness is sampled.

    Returns
    -------
    Analysis

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for e, cs in {"e1": "ab", "e2": "ab", "e3": "abc"}.items():
    ...     G.add_node(e, kind="essay")
    ...     for c in cs:
    ...         G.add_node(c, kind="concept", label=c, theme="监管")
    ...         _ = G.add_edge(e, c, key="about")
    >>> a = analyse_graph(G, resamples=20)
    >>> [(r["concept"], r["rank"], r["community_name"]) for r in a.centrality]  # a and b tie: one rank
    [('a', 1, '监管'), ('b', 1, '监管'), ('c', None, '')]
    >>> a.top_matrix["totals"]
    {'essays': 3, 'themes': {'监管': 3}}
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; use one of {', '.join(MEASURES)}")
    inc = incidence(G)
    keep = eligible(inc, min_essays=min_essays, with_frame=with_frame)
    pw = pair_weights(inc, keep, title_weight=title_weight, body_weight=body_weight)
    N = network_from(inc, pw)
    everything = np.arange(len(inc.concepts))
    display = N if len(keep) == len(everything) else network_from(
        inc, pair_weights(inc, everything, title_weight=title_weight, body_weight=body_weight))
    communities = network_communities(N, seed=seed, resolution=resolution)

    units = {e: essay_units(G, e) for e in inc.essays}
    tops = {e: essay_units(G, e, level="top") for e in inc.essays}
    known = {e: frozenset(u) - {UNKNOWN_UNIT} for e, u in units.items()}
    known_tops = {e: frozenset(u) - {UNKNOWN_UNIT} for e, u in tops.items()}
    rows = centrality_rows(G, inc, pw, units=known, tops=known_tops, by=by, seed=seed, communities=communities,
                           sample_betweenness_above=sample_betweenness_above, resamples=resamples, network=N)

    present = inc.present
    concepts = {e: tuple(inc.concepts[j] for j in np.sort(present.indices[present.indptr[i]:present.indptr[i + 1]]))
                for i, e in enumerate(inc.essays)}
    theme_of = dict(zip(inc.concepts, inc.themes))
    themes = {e: tuple(sorted({theme_of[c] or NO_THEME for c in cs})) for e, cs in concepts.items()}
    unit_matrix = theme_matrix(((units[e], themes[e]) for e in inc.essays), level="unit")
    top_matrix = theme_matrix(((tops[e], themes[e]) for e in inc.essays), level="top")

    concentration = weight_concentration(pw)
    warnings = []
    if concentration is not None and concentration > CONCENTRATION_LIMIT:
        warnings.append(
            f"{100 * concentration:.0f}% of the co-occurrence weight comes from the top "
            f"{100 * CONCENTRATION_TOP:.0f}% of essays: a few essays decide the ranking; read the rank intervals")
    options = {"by": by, "seed": seed, "with_frame": with_frame, "min_essays": min_essays, "resamples": resamples,
               "title_weight": title_weight, "body_weight": body_weight}
    return Analysis(options=options, network=N, display_network=display, centrality=tuple(rows), communities=tuple(communities),
                    unit_matrix=unit_matrix, top_matrix=top_matrix, essay_concepts=concepts, essay_themes=themes,
                    essay_units=units, essay_top_units=tops, concentration=concentration, warnings=tuple(warnings))
