"""Write a whole build — graph.ttl, graph.graphml, CSV tables, graph.html, report.json — atomically.

Everything is written into a fresh directory next to the output directory,
which then takes the old one's place in one step (``renameat2`` with
``RENAME_EXCHANGE`` where the kernel has it, else two renames), so a build
that fails or is interrupted leaves the previous output as it was.  Only a
directory that is empty or holds an earlier build (a ``report.json`` from
xianjice) is ever replaced; ``README.md``, ``.gitignore`` and
``.gitattributes`` found in it are carried over.

No output holds a timestamp, an absolute path or a random id: two builds of
the same input are byte-identical.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain
from pathlib import Path

import networkx as nx

from xianjice.errors import ExportError, XianjiceError
from xianjice.extract.records import Compilation
from xianjice.extract.serialize import readable_source
from xianjice.graph.build import build_graph
from xianjice.graph.writers.graphml import write_graphml
from xianjice.graph.analysis.centrality import centrality_csv, rows_text_triples
from xianjice.graph.analysis.result import analyse_graph
from xianjice.graph.writers.heatmap import heatmap_table
from xianjice.graph.writers.heatmap_worker import HeatmapWorker, start_worker
from xianjice.graph.explorer.pages import write_html
from xianjice.graph.analysis.themes import matrix_csv
from xianjice.graph.ids import DEFAULT_BASE, check_base
from xianjice.graph.rdf.triples import turtle_triples
from xianjice.graph.writers.tables import write_csv, write_tables
from xianjice.graph.writers.tempdir import watched_tempdir
from xianjice.graph.writers.texttable import json_text
from xianjice.graph.rdf.turtle import TurtleWriter, write_turtle_text

#: Files kept from the directory a build replaces.
KEEP = ("README.md", ".gitignore", ".gitattributes")
GENERATOR = "xianjice"

Progress = Callable[[str], None] | None


def _say(progress: Progress, message: str) -> None:
    if progress is not None:
        progress(message)


def _count(values) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def book_report(c: Compilation, G: nx.MultiDiGraph) -> dict:
    """What was found in one compilation and what could not be placed.

    >>> from xianjice.extract.records import BookInfo, PrefaceStats
    >>> c = Compilation("dir/a.txt", BookInfo("书", None, None, None, None, (), PrefaceStats(None, None, ())), (), (), ())
    >>> book_report(c, nx.MultiDiGraph())["source"]
    'a.txt'
    """
    essays = sorted(c.essays, key=lambda e: e.seq)
    unknown_units = sorted(
        {u.name for e in essays for u in e.entry.units if not u.known}
    )
    concepts = {k.label for k in c.concepts}
    not_in_lexicon = sorted({k.concept for e in essays for k in e.concepts} - concepts) if concepts else []
    return {
        "source": readable_source(c.source.replace("\\", "/").rsplit("/", 1)[-1]),
        "format": c.file_format,
        "kind": c.kind,
        "title": c.book.title,
        "isbn": c.book.isbn,
        "lines": c.line_count,
        "essays": len(essays),
        "essays_with_body": sum(1 for e in essays if e.body is not None),
        "truncated_bodies": [e.seq for e in essays if e.body is not None and e.body.truncated],
        "tiers": _count(e.tier.label or "unknown" for e in essays),
        "essays_without_tier": [e.seq for e in essays if e.tier.rank is None],
        "essays_without_authors": [e.seq for e in essays if not e.entry.authors],
        "essays_without_concepts": [e.seq for e in essays if not e.concepts],
        "organisations": len(c.organisations),
        "units_not_in_gazetteer": unknown_units,
        "concepts_not_in_lexicon": not_in_lexicon,
        "citations": sum(len(e.documents) for e in essays),
        "proposals": sum(len(e.proposals) for e in essays),
        "mentions": sum(len(e.mentions) for e in essays),
        "appendix": [a.title for a in c.appendix],
        "unplaced": [{"line": u.line, "where": u.where, "text": u.text, "location": c.location(u.line).as_dict()}
                     for u in c.unparsed],
        "warnings": list(c.warnings),
    }


def graph_report(G: nx.MultiDiGraph) -> dict:
    """Node and edge counts of the graph, by kind and relation."""
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "nodes_by_kind": _count(d["kind"] for _, d in G.nodes(data=True)),
        "edges_by_rel": _count(k for _, _, k in G.edges(keys=True)),
    }


def _is_build_dir(path: Path) -> bool:
    entries = [p.name for p in path.iterdir()]
    if not [n for n in entries if n not in KEEP]:
        return True
    report = path / "report.json"
    try:
        return json.loads(report.read_text("utf-8")).get("generator") == GENERATOR
    except (OSError, ValueError, AttributeError):
        return False


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a directory")
    if out.is_dir() and not _is_build_dir(out):
        raise ExportError(
            f"{out}: refusing to replace a directory that does not hold a xianjice build "
            "(no report.json from xianjice); choose an empty or new directory with -o"
        )
    if out.resolve() == Path(out.resolve().anchor):
        raise ExportError(f"{out}: refusing to replace a filesystem root")


def _real_out_dir(out: Path) -> Path:
    """The directory a build replaces: ``out`` with every symlink followed.

    ``-o link`` writes the build where the link points (a missing target is
    created) and leaves the link a link: replacing the link itself would
    leave the old build where it was and the link gone.  A symlink loop is
    an error.
    """
    real = Path(os.path.realpath(out))
    try:
        real.stat()
    except OSError as exc:  # realpath stops at a link it cannot follow
        if exc.errno == errno.ELOOP:
            raise ExportError(f"{out}: is a symlink that leads nowhere (a loop); give the directory itself with -o") from exc
    return out if real == Path(os.path.abspath(out)) else real


def _carry_over(out: Path, tmp: Path) -> None:
    """Copy the files of :data:`KEEP` from the build being replaced into the new one; a symlink stays a symlink.

    A ``README.md`` that is a symlink (to a shared README, say) is made
    again as the same link, not replaced by a copy of what it points to.
    """
    if not out.is_dir():
        return
    for name in KEEP:
        src = out / name
        if src.is_symlink():
            os.symlink(os.readlink(src), tmp / name)
        elif src.is_file():
            shutil.copy2(src, tmp / name)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clean_stale(out: Path) -> None:
    """Remove temporary directories left by builds that were killed."""
    for p in out.parent.glob(f".{out.name}.*-*"):
        parts = p.name[len(out.name) + 2 :].split("-")
        if len(parts) >= 2 and parts[0] in ("tmp", "old") and parts[1].isdigit() and not _pid_alive(int(parts[1])):
            shutil.rmtree(p, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories with renameat2(RENAME_EXCHANGE); False when unsupported."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


def _swap_in(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.rename(tmp, out)
        return
    if _exchange(tmp, out):
        shutil.rmtree(tmp)  # tmp now holds the old build
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}-{tmp.name.rsplit('-', 1)[-1]}"
    os.rename(out, old)
    try:
        os.rename(tmp, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


class _Stages:
    """Times each stage of a build and says what it did."""

    def __init__(self, progress: Progress, timings: dict[str, float] | None):
        self.progress = progress
        self.timings = timings if timings is not None else {}
        self.t0 = time.perf_counter()

    def done(self, stage: str, message: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.t0
        _say(self.progress, f"{message} ({now - self.t0:.2f} s)")
        self.t0 = now


def _write_all(compilations: Sequence[Compilation], tmp: Path, base: str, progress: Progress,
               timings: dict[str, float] | None, worker: HeatmapWorker) -> dict:
    stages = _Stages(progress, timings)
    G = build_graph(compilations)
    stages.done("graph", f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    analysis = analyse_graph(G)  # computed once: the writers below only format G and it
    rows = list(analysis.centrality)
    for warning in analysis.warnings:
        _say(progress, f"warning: {warning}")
    worker.send(heatmap_table(analysis.top_matrix))  # the worker draws while the other files are written
    stages.done("centrality", f"centrality of {len(analysis.ranked())} of {len(rows)} concepts, "
                f"{len(analysis.communities)} communities")
    writer = TurtleWriter()
    triples = write_turtle_text(chain(turtle_triples(G, base=base, writer=writer),
                                      rows_text_triples(rows, base=base, writer=writer)),
                                tmp / "graph.ttl", writer=writer)
    stages.done("turtle", f"graph.ttl: {triples} triples")
    write_graphml(G, tmp / "graph.graphml")
    write_tables(G, tmp)
    write_csv(tmp / "central.csv", centrality_csv(rows))
    write_csv(tmp / "themes.csv", matrix_csv(analysis.unit_matrix))
    stages.done("tables", "graph.graphml, nodes.csv, edges.csv, central.csv, themes.csv")
    write_html(G, tmp / "graph.html", analysis=analysis)
    stages.done("html", "graph.html and its views")
    drawn = worker.receive()
    for name, data in drawn.files.items():
        (tmp / name).write_bytes(data)
    if drawn.error:
        _say(progress, f"warning: no heatmap: {drawn.error}")
    stages.done("heatmap", "unit × theme heatmap (PNG, SVG)" if not drawn.error else "no heatmap")
    files = {p.name: p.stat().st_size for p in tmp.iterdir() if p.is_file()}
    report = {
        "generator": GENERATOR,
        "base": base,
        "books": [book_report(c, G) for c in sorted(compilations, key=lambda c: (c.book.isbn or "", c.source))],
        "graph": graph_report(G),
        "rdf": {"triples": triples},
        "central": [{"rank": r["rank"], "rank_low": r["rank_low"], "rank_high": r["rank_high"], "concept": r["concept"],
                     "pagerank": r["pagerank"]} for r in analysis.ranked()[:10]],
        "analysis": {"ranked": len(analysis.ranked()), "concepts": len(rows),
                     "frame": sorted(r["concept"] for r in rows if r["frame"]),
                     "options": dict(analysis.options), "weight_top_essays": analysis.concentration,
                     "warnings": list(analysis.warnings)},
        "heatmap": drawn.report,
        "files": dict(sorted(files.items())),
    }
    text = json_text(report, indent=2) + "\n"  # always valid UTF-8, whatever a file name or line held
    (tmp / "report.json").write_text(text, encoding="utf-8", newline="\n")
    return report


def write_build(
    compilations: Sequence[Compilation],
    out_dir: str | Path,
    *,
    base: str = DEFAULT_BASE,
    progress: Progress = None,
    timings: dict[str, float] | None = None,
    heatmap_worker: HeatmapWorker | None = None,
) -> dict:
    """Build the graph of ``compilations`` and write every export into ``out_dir``.

    Parameters
    ----------
    compilations
        Extracted and analysed compilations (several books make one graph).
    out_dir
        The directory to create or replace (only an empty one or an earlier
        build is replaced).  A symlink is followed: the directory it points
        to is replaced and the link stays.
    base
        Base IRI of every resource; absolute, ending in ``/`` or ``#``.
    progress
        Called with one line of text per step.
    timings
        When given, filled with the seconds each stage took (graph,
        centrality, turtle, tables, html, heatmap: the wait for the heatmap
        worker's pictures); never written to the build.
    heatmap_worker
        A worker from :func:`xianjice.graph.writers.heatmap_worker.start_worker`
        started earlier (the CLI starts it before reading the input, so that
        it loads matplotlib meanwhile); it is closed here.  When ``None``,
        one is started now.  A heatmap the worker cannot draw leaves the
        build without the PNG and SVG; ``report.json`` says why
        (``heatmap.error``).

    Returns
    -------
    dict
        The report also written to ``report.json``.

    Raises
    ------
    ExportError
        When ``out_dir`` cannot be written or is not a build directory.
    xianjice.graph.ids.BaseIRIError
        When ``base`` is not usable.
    """
    worker = heatmap_worker if heatmap_worker is not None else start_worker()
    with worker:
        return _write_build(compilations, Path(out_dir), base=base, progress=progress, timings=timings, worker=worker)


def _write_build(compilations: Sequence[Compilation], out_dir: Path, *, base: str, progress: Progress,
                 timings: dict[str, float] | None, worker: HeatmapWorker) -> dict:
    base = check_base(base)
    out = _real_out_dir(out_dir)
    _check_out_dir(out)
    tmp: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _clean_stale(out)
        # kill -9 or SIGTERM run no finally: a watcher removes the temporary directory then
        with watched_tempdir(out.parent, prefix=f".{out.name}.tmp-{os.getpid()}-") as tmp:
            report = _write_all(compilations, tmp, base, progress, timings, worker)
            _carry_over(out, tmp)
            os.chmod(tmp, 0o755)
            _swap_in(tmp, out)
    except OSError as exc:
        if tmp is None:
            raise ExportError(f"{out}: cannot create the output directory: {exc.strerror or exc}") from exc
        shutil.rmtree(tmp, ignore_errors=True)
        where = f" ({exc.filename})" if exc.filename else ""
        raise ExportError(f"{out}: cannot write the build: {exc.strerror or exc}{where}") from exc
    except BaseException:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    _say(progress, f"wrote {out}: " + ", ".join(sorted(report["files"])) + ", report.json")
    return report
