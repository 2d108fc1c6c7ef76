"""``xianjice build``, ``query``, ``serve`` and ``push``: the graph, SPARQL on it, an endpoint, and uploading it."""

from __future__ import annotations

import time

import click

from xianjice.graph.ids import DEFAULT_BASE
from xianjice.graph.writers.texttable import visible
from xianjice.common import clean_errors, data_options, input_files, progress_bars, stderr_progress

DEFAULT_OUT = "exports"


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("-o", "--out", "out", default=DEFAULT_OUT, show_default=True, type=click.Path(file_okay=False),
              help="Directory to write (replaced as a whole, atomically; only an empty one or an earlier build).")
@click.option("--base", default=DEFAULT_BASE, show_default=True,
              help="Base IRI of every resource: absolute, ending in / or #.")
@data_options
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.option("--timings", type=click.Path(dir_okay=False), help="Write the seconds each stage took to this JSON file.")
@clean_errors
def build(files: tuple[str, ...], out: str, base: str, lexicon: str | None, gazetteer: str | None, quiet: bool,
          timings: str | None) -> None:
    """Extract, build the knowledge graph and write every export into DIR.

    Writes graph.ttl (RDF Turtle), graph.graphml (Gephi, Cytoscape),
    nodes.csv and edges.csv, central.csv (concept centrality), themes.csv
    (unit × theme), graph.html and two more views (interactive maps), the
    units-themes heatmap (PNG, SVG) and report.json (what was found and what
    was not placed).  Several FILEs make one graph.
    With no FILE, builds the bundled seed.  Two builds of the same input are
    byte-identical; a failed build leaves DIR as it was.

    \b
    Examples:
        xianjice build                              # the bundled seed → exports/
        xianjice build book1.txt book2.txt -o out/
        xianjice build book.txt --base https://data.example.org/xianjice/
    """
    from xianjice.graph.ids import check_base
    from xianjice.graph.writers.heatmap_worker import start_worker

    progress = stderr_progress(quiet)
    check_base(base)
    started = time.perf_counter()
    stages: dict[str, float] = {}
    with start_worker() as worker:  # loads matplotlib while the input is read and analysed
        from xianjice.extract.pipeline import extract_files
        from xianjice.graph.writers.export import write_build

        compilations = extract_files(input_files(files), lexicon_path=lexicon, gazetteer_path=gazetteer,
                                     progress=progress, timings=stages,
                                     bar=progress_bars(quiet))
        report = write_build(compilations, out, base=base, progress=progress, timings=stages, heatmap_worker=worker)
    if timings:
        write_timings(timings, stages, time.perf_counter() - started)
    if not quiet:
        g = report["graph"]
        kinds = ", ".join(f"{n} {k}" for k, n in g["nodes_by_kind"].items())
        click.echo(f"{g['nodes']} nodes ({kinds}), {g['edges']} edges, {report['rdf']['triples']} triples "
                   f"in {time.perf_counter() - started:.1f} s", err=True)
        for b in report["books"]:
            unplaced = len(b["unplaced"])
            click.echo(visible(f"  {b['source']}: {b['essays']} essays, {b['essays_with_body']} with body, "
                               f"{unplaced} unplaced line{'s' if unplaced != 1 else ''}"), err=True)


def write_timings(path: str, stages: dict[str, float], total: float) -> None:
    """Stage times as JSON (for bench/bench_build.py); never part of a build."""
    import json
    from pathlib import Path

    data = {name: round(seconds, 4) for name, seconds in stages.items()} | {"total": round(total, 4)}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


class _QueryCommand(click.Command):
    """``query --help`` lists the shipped queries by name."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from xianjice.graph.rdf.query import shipped_queries

        with formatter.section("Shipped queries (run one by its name)"):
            formatter.write_dl([(name, _first_comment(text)) for name, text in shipped_queries().items()])


def _first_comment(sparql: str) -> str:
    """The first sentence of a query's leading comment."""
    words = []
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        words.append(line.lstrip("# ").strip())
    text = " ".join(w for w in words if w)
    end = text.find(". ")
    return text[: end + 1] if end >= 0 else text


@click.command(cls=_QueryCommand)
@click.argument("sparql")
@click.option("-d", "--build", "build_dir", default=DEFAULT_OUT, show_default=True, type=click.Path(),
              help="A build directory (or a graph.ttl) to query.")
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "csv", "json"]), default="table", show_default=True,
              help="SELECT output; json is SPARQL 1.1 JSON results. CONSTRUCT/DESCRIBE always give Turtle.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True,
              help="oxigraph: an embedded store loaded once and cached; rdflib: parse graph.ttl on every run.")
@click.option("--allow-service", is_flag=True,
              help="Run SERVICE clauses (they send requests to other endpoints); refused otherwise.")
@clean_errors
def query(sparql: str, build_dir: str, fmt: str, engine: str, allow_service: bool) -> None:
    """Run a SPARQL query on a build's graph.ttl: a shipped query's NAME, a .rq file or the query text.

    The prefixes of graph.ttl (schema:, org:, skos:, foaf:, prov:, dcterms:,
    xj:, xsd:, rdf:) are predeclared.  The first run loads graph.ttl into an
    Oxigraph store kept in ~/.cache/xianjice (or $XIANJICE_CACHE); later runs
    reuse it until graph.ttl changes.

    \b
    Examples:
        xianjice query essays-by-tier
        xianjice query units-on-risk-management --format csv
        xianjice query my-query.rq -d out/
        xianjice query 'SELECT ?t WHERE { ?e a schema:Article ; schema:name ?t }' -d out/
    """
    from xianjice.graph.rdf.query import format_result, read_query, run_query

    result = run_query(build_dir, read_query(sparql), engine=engine, allow_service=allow_service)
    text = format_result(result, fmt)
    click.echo(text, nl=not text.endswith("\n"))


@click.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/DATASET/data (Fuseki).")
@click.option("--graph", "graph_iri", metavar="IRI", help="Named graph to write; the default graph when omitted.")
@click.option("-d", "--build", "build_dir", default=DEFAULT_OUT, show_default=True, type=click.Path(),
              help="The build directory (or a Turtle file) to upload.")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help="Seconds to wait.")
@clean_errors
def push(endpoint: str, graph_iri: str | None, build_dir: str, append: bool, timeout: float) -> None:
    """Upload a build's graph.ttl to a triple store (SPARQL 1.1 Graph Store Protocol).

    Replaces the target graph unless --append is given.  A user and
    password may be put in the URL (http://user:pass@host/...).

    \b
    Examples:
        xianjice push --endpoint http://localhost:7878/store
        xianjice push --endpoint http://localhost:3030/xianjice/data --graph https://xianjice.example.org/graph/2009
        xianjice push --endpoint http://admin:pw@localhost:7200/repositories/xj/rdf-graphs/service --append
    """
    from xianjice.graph.rdf.push import push_file

    result = push_file(build_dir, endpoint, graph=graph_iri, replace=not append, timeout=timeout)
    click.echo(f"{result.method} {result.url}: HTTP {result.status}, {result.bytes} bytes", err=True)


@click.command()
@click.option("-d", "--build", "build_dir", default=DEFAULT_OUT, show_default=True, type=click.Path(),
              help="The build directory to serve.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="TCP port on 127.0.0.1 (0: any free port).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL updates (on an in-memory copy; graph.ttl never changes). Read-only otherwise.")
@click.option("--allow-service", is_flag=True, help="Run SERVICE clauses (requests to other endpoints).")
@clean_errors
def serve(build_dir: str, port: int, allow_update: bool, allow_service: bool) -> None:
    """Serve a build as a SPARQL 1.1 endpoint on 127.0.0.1, with its explorer pages beside it.

    Queries go to /sparql (GET ?query=… or POST), updates to /update (refused
    unless --allow-update).  Every other path is a file of the build
    (graph.html …).  Stop it with Ctrl-C.

    \b
    Examples:
        xianjice serve                       # exports/ on http://127.0.0.1:7878/sparql
        xianjice serve -d out/ --port 8000
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from xianjice.graph.rdf.serve import make_server, serve as run

    server = make_server(build_dir, port=port, allow_update=allow_update, allow_service=allow_service)
    mode = "read-write, in memory" if allow_update else "read-only"
    click.echo(f"SPARQL endpoint: {server.url}/sparql ({mode})")
    click.echo(f"Explorer pages:  {server.url}/graph.html")
    click.echo("Press Ctrl-C to stop.")
    run(server, say=click.echo)
