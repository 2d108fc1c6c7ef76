"""Time every shipped query on the seed, 600 and 5,000 essays, in rdflib and in Oxigraph, side by side.

For each book it writes graph.ttl the way ``xianjice build`` does (graph and
centrality triples; the other exports are not needed), then runs every query
of ``queries/`` through ``xianjice query`` in a fresh process, as a user
would:

- ``rdflib``: ``--engine rdflib``, which parses graph.ttl on every run;
- ``oxigraph``: the default engine, a second run (the first loads graph.ttl
  into the cached store; its time is shown as ``load``);
- ``in-process``: the same in this process (open the cached store, run,
  format): the engine's share, without Python's start and the CLI's imports
  (``startup``: ``xianjice --version``).

A query that does not finish within ``--limit`` seconds is shown as
``>LIMIT``.  The target (issue 15) is every query under 1 s in Oxigraph on
5,000 essays.

Usage::

    python bench/bench_query.py                 # seed, 600 and 5,000 essays
    python bench/bench_query.py --sizes 600     # seed and 600 only
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402

XIANJICE = [sys.executable, "-m", "xianjice"]


def write_graph(book: Path, out: Path) -> int:
    """graph.ttl of a book as ``xianjice build`` writes it; returns the number of triples."""
    from xianjice.extract.pipeline import extract_files
    from xianjice.graph.analysis.centrality import concept_centrality, rows_triples
    from xianjice.graph.analysis.communities import community_of, concept_communities
    from xianjice.graph.build import build_graph
    from xianjice.graph.ids import DEFAULT_BASE
    from xianjice.graph.rdf.triples import graph_triples
    from xianjice.graph.rdf.turtle import write_turtle

    G = build_graph(extract_files([str(book)]))
    rows = concept_centrality(G, communities=community_of(concept_communities(G)))
    triples = set(graph_triples(G, base=DEFAULT_BASE))
    triples.update(rows_triples(rows, base=DEFAULT_BASE))
    out.mkdir(parents=True, exist_ok=True)
    write_turtle(triples, out / "graph.ttl")
    return len(triples)


def run(args: list[str], env: dict, limit: float) -> float | None:
    """Seconds one ``xianjice query`` took (None past ``limit``); fails loudly on an error."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([*XIANJICE, "query", *args], env=env, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode:
        raise SystemExit(f"xianjice query {' '.join(args)} failed: {proc.stderr.decode(errors='replace')}")
    return time.perf_counter() - start


def in_process(name: str, build: Path, env: dict) -> float:
    """Seconds to open the cached store, run a shipped query and format it, in this process."""
    from xianjice.graph.rdf.query import format_result, read_query, run_query

    old = os.environ.get("XIANJICE_CACHE")
    os.environ["XIANJICE_CACHE"] = env["XIANJICE_CACHE"]
    try:
        start = time.perf_counter()
        format_result(run_query(build, read_query(name)))
        return time.perf_counter() - start
    finally:
        if old is None:
            del os.environ["XIANJICE_CACHE"]
        else:
            os.environ["XIANJICE_CACHE"] = old


def cell(seconds: float | None, limit: float) -> str:
    return f">{limit:g}" if seconds is None else f"{seconds:.2f}"


def run_startup(env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([*XIANJICE, "--version"], env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[600, 5000], help="synthetic book sizes (essays)")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a query is given up")
    args = parser.parse_args(argv)
    from xianjice import bundled_seed
    from xianjice.graph.rdf.query import shipped_queries

    names = list(shipped_queries())
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        work = Path(tmp)
        env = os.environ | {"XIANJICE_CACHE": str(work / "cache")}
        books = [("seed", bundled_seed())]
        for n in args.sizes:
            path = work / f"corpus-{n}.txt"
            path.write_text(make_corpus(n), encoding="utf-8")
            books.append((f"{n} essays", path))
        startup = run_startup(env)
        header = (f"{'book':<12} {'query':<27} {'rdflib s':>9} {'oxigraph s':>10} {'ratio':>7} "
                  f"{'in-process s':>12}")
        lines = [f"startup of `xianjice --version`: {startup:.2f} s; load average {os.getloadavg()[0]:.1f}",
                 header, "-" * len(header)]
        for label, book in books:
            build = work / label.replace(" ", "-")
            triples = write_graph(book, build)
            size = (build / "graph.ttl").stat().st_size
            load = run(["ASK {}", "-d", str(build)], env, args.limit)
            lines.append(f"{label:<12} ({triples} triples, {size / 1e6:.1f} MB; first oxigraph run loads "
                         f"the store: {cell(load, args.limit)} s)")
            for name in names:
                slow = run([name, "-d", str(build), "--engine", "rdflib"], env, args.limit)
                fast = run([name, "-d", str(build)], env, args.limit)
                ratio = f"{slow / fast:.0f}x" if slow is not None and fast else "-"
                engine = in_process(name, build, env)
                lines.append(f"{'':<12} {name:<27} {cell(slow, args.limit):>9} {cell(fast, args.limit):>10} "
                             f"{ratio:>7} {engine:>12.2f}")
                print(lines[-1], file=sys.stderr, flush=True)
    lines.append(f"load average at the end: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
