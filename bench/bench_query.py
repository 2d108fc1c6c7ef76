"""Time every shipped query through ``xianjice query`` on real builds, rdflib and Oxigraph side by side.

For each book (the bundled seed and generated books of ``--sizes`` essays,
or builds given with ``--build``) the script

1. makes the build with ``xianjice build`` (as a user would; reused builds
   are taken as they are, read-only);
2. loads the build into a fresh store cache with one ``xianjice query 'ASK {}'``
   and reports its time as ``first load`` (paid once per graph.ttl);
3. runs every query of ``queries/`` ``--repeat`` times (rdflib
   ``--rdflib-repeat`` times), each in a fresh
   process as a user would (``xianjice query NAME -d BUILD``), alternating
   the engines: ``oxigraph`` (the default, on the store cached in step 2) and
   ``rdflib`` (``--engine rdflib``, which parses graph.ttl on every run).

Each cell is the median wall-clock time of the runs; ``cpu`` is the median
of the Oxigraph runs' user + system CPU seconds, the time they would take on
an idle machine (the runs are single-threaded), shown because a shared
machine stretches wall-clock times.  With ``--before PYTHON`` the default
engine of another install (the main branch, say) runs interleaved with
ours, on its own store cache: ``before s`` and its ``cpu s``.  An rdflib run past ``--limit`` seconds
is stopped and shown as ``>LIMIT``; when rdflib cannot even parse a build
within the limit (``ASK {}``), its queries on that build are not run.

The target (issue 15): every shipped query under 1 s through ``xianjice
query`` on a 5,000-essay build, on an idle machine.

Usage::

    python bench/bench_query.py                          # seed, 600 and 5,000 essays (~10 min)
    python bench/bench_query.py --sizes 600              # seed and 600 only
    python bench/bench_query.py --sizes 600 --build /tmp/b5000   # reuse an existing 5,000-essay build
    python bench/bench_query.py --before ../main/.venv/bin/python  # and the main branch's times beside ours
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402

XIANJICE = [sys.executable, "-m", "xianjice"]


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` shows them, with the number of cores."""
    return f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores"


def timed(args: list[str], env: dict, *, limit: float | None = None,
          command: list[str] = XIANJICE) -> tuple[float, float] | None:
    """Run ``xianjice ARGS``; (wall-clock seconds, CPU seconds), or None past ``limit``. Fails loudly on an error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        proc = subprocess.run([*command, *args], env=env, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"xianjice {' '.join(args)} failed: {proc.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def triples(build: Path, env: dict) -> int:
    """The number of triples of a build (through the cached store)."""
    proc = subprocess.run([*XIANJICE, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-d", str(build),
                           "--format", "csv"], env=env, capture_output=True, check=True, text=True)
    return int(proc.stdout.split()[-1])


def make_build(label: str, book: Path, out: Path, env: dict) -> Path:
    """``xianjice build BOOK -o OUT``; prints how long it took."""
    result = timed(["build", str(book), "-o", str(out), "--quiet"], env)
    print(f"{label}: xianjice build took {result[0]:.0f} s", file=sys.stderr, flush=True)
    return out


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_build(label: str, build: Path, names: list[str], env: dict, *, repeat: int, rdflib_repeat: int,
                limit: float, before: tuple[list[str], dict] | None) -> list[str]:
    """The lines of one build's table."""
    load = timed(["query", "ASK {}", "-d", str(build)], env)  # fills the cache: not part of the query times
    size = (build / "graph.ttl").stat().st_size
    lines = [f"{label}: {triples(build, env):,} triples, graph.ttl {size / 1e6:.1f} MB; "
             f"first load into the store {load[0]:.1f} s (cpu {load[1]:.1f} s, once per graph.ttl)"]
    if before:
        old = timed(["query", "ASK {}", "-d", str(build)], before[1], command=before[0])
        lines[-1] += f"; before: {old[0]:.1f} s (cpu {old[1]:.1f} s)"
    parse = timed(["query", "ASK {}", "-d", str(build), "--engine", "rdflib"], env, limit=limit)
    for name in names:
        ox_runs, rdf_runs, old_runs = [], [], []
        rdflib_runs = rdflib_repeat if parse is not None else 0
        for i in range(repeat):
            ox_runs.append(timed(["query", name, "-d", str(build)], env))
            if before:
                old_runs.append(timed(["query", name, "-d", str(build)], before[1], command=before[0]))
            if i < rdflib_runs:
                rdf_runs.append(timed(["query", name, "-d", str(build), "--engine", "rdflib"], env, limit=limit))
                if rdf_runs[-1] is None:
                    rdflib_runs = 0  # one run past the limit is enough to know
        wall, cpu = median([r[0] for r in ox_runs]), median([r[1] for r in ox_runs])
        if rdf_runs and all(rdf_runs):
            slow = median([r[0] for r in rdf_runs])
            rdf_cell, ratio = f"{slow:.2f}", f"{slow / wall:.0f}x"
        else:
            rdf_cell, ratio = f">{limit:g}", "-"
        mark = "" if wall < 1 else "  (over 1 s)"
        old_cells = (f" {median([r[0] for r in old_runs]):>8.2f} {median([r[1] for r in old_runs]):>7.2f}"
                     if before else "")
        lines.append(f"  {name:<27} {wall:>10.2f} {cpu:>7.2f}{old_cells} {rdf_cell:>9} {ratio:>7}{mark}")
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=None,
                        help="generated book sizes in essays (default 600 5000; none when --build is given)")
    parser.add_argument("--build", action="append", default=[], type=Path, metavar="DIR",
                        help="also time this existing build (read-only; repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="Oxigraph runs per query (the median is shown)")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="rdflib runs per query (the median is shown)")
    parser.add_argument("--before", metavar="PYTHON",
                        help="also time the default engine of another install of xianjice (its interpreter, e.g. "
                             "a venv of the main branch), interleaved with ours, with its own store cache")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before an rdflib run is given up")
    args = parser.parse_args(argv)
    sizes = args.sizes if args.sizes is not None else ([] if args.build else [600, 5000])
    from xianjice import bundled_seed
    from xianjice.graph.rdf.query import shipped_queries

    names = list(shipped_queries())
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        work = Path(tmp)
        env = os.environ | {"XIANJICE_CACHE": str(work / "cache")}
        before = ([args.before, "-m", "xianjice"], os.environ | {"XIANJICE_CACHE": str(work / "cache-before")}
                  ) if args.before else None
        builds = [("seed", make_build("seed", bundled_seed(), work / "seed", env))]
        for n in sizes:
            book = work / f"corpus-{n}.txt"
            book.write_text(make_corpus(n), encoding="utf-8")
            builds.append((f"{n:,} essays", make_build(f"{n} essays", book, work / f"build-{n}", env)))
        builds += [(f"{d} (given)", d) for d in args.build]
        startup = median([timed(["--version"], env)[0] for _ in range(args.repeat)])
        lines = [f"at the start: {load_average()}",
                 f"start-up of `xianjice --version`: {startup:.2f} s (median of {args.repeat})",
                 f"medians of {args.repeat} runs of `xianjice query NAME -d BUILD`, each in a fresh process; "
                 f"oxigraph on the store cached by the first load",
                 f"  {'query':<27} {'oxigraph s':>10} {'cpu s':>7}"
                 + (f" {'before s':>8} {'cpu s':>7}" if before else "") + f" {'rdflib s':>9} {'ratio':>7}"]
        for label, build in builds:
            lines += bench_build(label, build, names, env, repeat=args.repeat, rdflib_repeat=args.rdflib_repeat,
                                 limit=args.limit, before=before)
    lines.append(f"at the end: {load_average()}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
