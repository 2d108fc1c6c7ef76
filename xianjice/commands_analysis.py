"""``xianjice central`` and ``xianjice themes``: which concepts are central, which units discuss which themes."""

from __future__ import annotations

import click

from xianjice.common import clean_errors, data_options, input_files

FORMATS = ("table", "json", "csv")


def _graph(files: tuple[str, ...], lexicon: str | None, gazetteer: str | None):
    from xianjice.extract.pipeline import extract_files
    from xianjice.graph.build import build_graph

    return build_graph(extract_files(input_files(files), lexicon_path=lexicon, gazetteer_path=gazetteer))


_files = click.argument("files", nargs=-1, type=click.Path())


@click.command()
@_files
@click.option("--by", type=click.Choice(["pagerank", "betweenness", "degree", "eigenvector"]), default="pagerank",
              show_default=True, help="The measure to rank by (ties: more essays first, then label).")
@click.option("--top", type=click.IntRange(min=0), default=20, show_default=True, help="Show the N best; 0 for all.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: ranking and communities; json: a list of objects, best first; csv: one row per concept.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of Louvain and of sampled betweenness.")
@data_options
@clean_errors
def central(files: tuple[str, ...], by: str, top: int, fmt: str, seed: int, lexicon: str | None,
            gazetteer: str | None) -> None:
    """Rank the concepts by centrality in the concept co-occurrence network.

    Two concepts are linked when an essay discusses both, weighted by the
    number of such essays.  Shows weighted degree, PageRank, betweenness and
    eigenvector centrality, the essays, units and top-level units using each
    concept, its share among first-prize essays and the others, and the
    communities (Louvain) the concepts form, compared with the lexicon's
    themes.  With no FILE, reads the bundled seed.

    \b
    Examples:
        xianjice central --top 10
        xianjice central book.txt --by betweenness --format csv > central.csv
        xianjice central --format json | jq '.[0].concept'
    """
    from xianjice.graph.analysis.centrality import centrality_csv, centrality_json, centrality_table, concept_centrality
    from xianjice.graph.analysis.communities import communities_table, community_of, concept_communities, overall_purity

    G = _graph(files, lexicon, gazetteer)
    communities = concept_communities(G, seed=seed)
    rows = concept_centrality(G, by=by, seed=seed, communities=community_of(communities))
    shown = rows[:top] if top else rows
    if fmt == "json":
        click.echo(centrality_json(shown))
    elif fmt == "csv":
        click.echo(centrality_csv(shown), nl=False)
    else:
        click.echo(f"Concepts by {by} ({len(shown)} of {len(rows)}):")
        click.echo(centrality_table(shown))
        purity = overall_purity(communities)
        click.echo("")
        click.echo(f"Communities (Louvain, seed {seed}) against the lexicon's themes"
                   + (f"; overall purity {purity:.3f}:" if purity is not None else ":"))
        click.echo(communities_table(communities))


@click.command()
@_files
@click.option("--level", type=click.Choice(["unit", "top"]), default="unit", show_default=True,
              help="unit: units as printed; top: rolled up to top-level units.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table, csv (unit,essays,<theme>…) or json.")
@data_options
@clean_errors
def themes(files: tuple[str, ...], level: str, fmt: str, lexicon: str | None, gazetteer: str | None) -> None:
    """Print the unit × theme matrix: how many essays of each unit discuss each theme.

    An essay counts once per theme, and for each of its units.  With no
    FILE, reads the bundled seed.

    \b
    Examples:
        xianjice themes --level top
        xianjice themes book.txt --format csv > themes.csv
        xianjice themes --format json | jq '.rows[0]'
    """
    from xianjice.graph.analysis.themes import matrix_csv, matrix_json, matrix_table, unit_theme_matrix

    matrix = unit_theme_matrix(_graph(files, lexicon, gazetteer), level=level)
    if fmt == "json":
        click.echo(matrix_json(matrix))
    elif fmt == "csv":
        click.echo(matrix_csv(matrix), nl=False)
    else:
        click.echo(matrix_table(matrix))
