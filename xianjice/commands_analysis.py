"""``xianjice central`` and ``xianjice themes``: which concepts are central, which units discuss which themes."""

from __future__ import annotations

import click

from xianjice.common import clean_errors, data_options, input_files
from xianjice.graph.analysis.centrality import DEFAULT_BY, MEASURES

FORMATS = ("table", "json", "csv")


def _graph(files: tuple[str, ...], lexicon: str | None, gazetteer: str | None):
    from xianjice.extract.pipeline import extract_files
    from xianjice.graph.build import build_graph

    return build_graph(extract_files(input_files(files), lexicon_path=lexicon, gazetteer_path=gazetteer))


_files = click.argument("files", nargs=-1, type=click.Path())


@click.command()
@_files
@click.option("--by", type=click.Choice(MEASURES), default=DEFAULT_BY, show_default=True,
              help="The measure to rank by: essays (ties: PageRank) or a network measure (ties: more essays); "
                   "concepts still tied share a rank.")
@click.option("--top", type=click.IntRange(min=0), default=20, show_default=True,
              help="Show the N best; 0 for every concept (those not ranked last).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: ranking and communities; json: a list of objects, best first; csv: one row per concept.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of Louvain, of sampled betweenness and of the bootstrap.")
@click.option("--with-frame", is_flag=True, help="Rank the frame layer (campaign slogans) with the other concepts.")
@click.option("--min-essays", type=click.IntRange(min=1), default=2, show_default=True,
              help="Rank only concepts discussed in at least N essays.")
@click.option("--resamples", type=click.IntRange(min=0), default=200, show_default=True,
              help="Bootstrap draws of the essays for the 95% rank interval (0: none; fewer on large corpora).")
@data_options
@clean_errors
def central(files: tuple[str, ...], by: str, top: int, fmt: str, seed: int, with_frame: bool, min_essays: int,
            resamples: int, lexicon: str | None, gazetteer: str | None) -> None:
    """Rank the concepts by centrality in the concept co-occurrence network.

    Two concepts are linked when a title or a body discusses both, counted
    fractionally (each title or body adds the same weight to each of its
    concepts, a body half a title's) over the concepts at least
    --min-essays essays discuss; the frame layer (campaign slogans) is left
    out unless --with-frame.  Shows weighted degree, PageRank, betweenness
    and eigenvector centrality with a bootstrap 95% interval of each rank,
    the essays (titles, bodies), units and top-level units using each
    concept, its share among first-prize essays and the others, and the
    communities (Louvain on association strength) the concepts form, named
    by the lexicon's themes ("mixed" with the shares when none has a
    majority).  With no FILE, reads the bundled seed.

    \b
    Examples:
        xianjice central --top 10
        xianjice central --with-frame --min-essays 1
        xianjice central book.txt --by betweenness --format csv > central.csv
        xianjice central --format json | jq '.[0].concept'
    """
    from xianjice.graph.analysis.centrality import centrality_csv, centrality_json, centrality_table, frame_summary
    from xianjice.graph.analysis.communities import communities_table, overall_purity
    from xianjice.graph.analysis.result import analyse_graph

    analysis = analyse_graph(_graph(files, lexicon, gazetteer), by=by, seed=seed, with_frame=with_frame,
                             min_essays=min_essays, resamples=resamples)
    for warning in analysis.warnings:
        click.echo(f"Warning: {warning}", err=True)
    rows = list(analysis.centrality)
    ranked = analysis.ranked()
    shown = ranked[:top] if top else rows
    if fmt == "json":
        click.echo(centrality_json(shown))
    elif fmt == "csv":
        click.echo(centrality_csv(shown), nl=False)
    else:
        click.echo(f"Concepts by {by} ({min(len(shown), len(ranked))} of {len(ranked)} ranked; "
                   f"95% rank: bootstrap over essays, seed {seed}):")
        click.echo(centrality_table([r for r in shown if r["rank"] is not None]))
        frame = "" if with_frame else frame_summary(rows)
        rare = sum(1 for r in rows if r["rank"] is None and (with_frame or not r["frame"]))
        click.echo("")
        if frame:
            click.echo(frame)
        if rare:
            click.echo(f"Not ranked: {rare} concepts discussed in fewer than {min_essays} essays.")
        purity = overall_purity(list(analysis.communities))
        click.echo("")
        click.echo(f"Communities (Louvain on association strength, seed {seed}) against the lexicon's themes"
                   + (f"; overall purity {purity:.3f}:" if purity is not None else ":"))
        click.echo(communities_table(list(analysis.communities)))


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
