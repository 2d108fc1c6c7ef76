"""Benchmark the HTML explorer: generation time, file sizes, first draw, settle and redraw times in headless Chromium.

Not a test: it prints a table.  For the seed and for synthetic books made
by ``bench/make_corpus.py`` it builds the graph, writes the pages, opens each
in Debian's Chromium (``/usr/bin/chromium``; run ``tests/prepare.py`` first)
and reports

- ``write s``: time of :func:`xianjice.graph.explorer.pages.write_html` (all three pages);
- ``MB``: size of the page;
- ``nodes shown / total``: the default view (the most central part of a
  large graph) against all nodes;
- ``first draw ms``: from navigation start until vis-network has drawn the
  canvas for the first time (median of ``--runs`` loads; target for 5,000
  essays: 2,000 ms);
- ``settle ms``: from navigation start until the page is settled (labels
  sized, physics off, address read);
- ``redraw ms``: median time of one synchronous ``network.redraw()`` after a
  small pan, over 30 pans of the settled page (target: 33 ms, i.e. 30 frames
  a second);
- ``filter ms`` / ``search ms``: one tier filter and one search on the
  settled page, to show it stays responsive.

Usage::

    python bench/bench_html.py --essays 600 5000   # seed, 600 and 5,000 essays side by side
    python bench/bench_html.py                # seed only
    python bench/bench_html.py --build /tmp/b5000 --no-seed   # the pages of a finished build
    python bench/bench_html.py --synthetic 5000 --no-seed     # tests/browser.py's synthetic graph

``--build`` measures the pages an ``xianjice build`` wrote (no write time);
``--synthetic`` writes the pages of a generated graph of that many essays
(the proportions of a generated book, without running the extraction).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import PageWatch, browser, synthetic_graph  # noqa: E402
from xianjice.extract.pipeline import extract_files  # noqa: E402
from xianjice.graph.build import build_graph  # noqa: E402
from xianjice.graph.explorer.pages import view_paths, write_html  # noqa: E402
from xianjice import bundled_seed  # noqa: E402


def corpus(essays: int, out: Path) -> Path:
    path = out / f"corpus-{essays}.txt"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--essays", str(essays), "-o", str(path)],
                   check=True, capture_output=True)
    return path


REDRAW_JS = """() => { const n = xj.network, times = [], s = n.getScale(), at = n.getViewPosition();
    for (let k = 0; k < 30; k++) {
        n.moveTo({position: {x: at.x + (k % 5) * 7, y: at.y + (k % 3) * 5}, scale: s, animation: false});
        const t0 = performance.now(); n.redraw(); times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b); return times[15]; }"""


def measure_page(b, page_path: Path, runs: int) -> dict:
    settle, first, redraw = [], [], []
    for _ in range(runs):
        w = PageWatch(b, page_path)
        page = w.open(settle_timeout=300_000)
        settle.append(page.evaluate("xj.settleMs"))
        first.append(page.evaluate("xj.firstDrawMs"))
        if page.evaluate("!document.getElementById('matrix').hidden"):
            page.click("#tab-graph")  # the drawing is the second view of the units × themes page
        redraw.append(page.evaluate(REDRAW_JS))
        if w.errors or w.outside:
            raise SystemExit(f"{page_path.name}: errors {w.errors} outside requests {w.outside}")
        shown = page.evaluate("xj.network.body.data.nodes.getIds().length")
        shown_edges = page.evaluate("xj.network.body.data.edges.getIds().length")
        total = page.evaluate("xj.data.total")
        tiers = page.evaluate("xj.data.tiers.map(t => String(t[0]))")
        filter_ms = search_ms = None
        if tiers:
            t0 = time.perf_counter()
            page.select_option("#f-tier", tiers[0])
            page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
            filter_ms = (time.perf_counter() - t0) * 1000
            page.click("#reset")
        # a word of the label of a node that is not shown by default (else of any node)
        query = page.evaluate("(() => { const d = xj.data, i = d.order[Math.min(d.order.length - 1, d.limit + 5)];"
                              " return i === undefined ? '' : d.l[i].slice(0, 4); })()")
        if query:
            t0 = time.perf_counter()
            page.fill("#search", query)
            page.locator("#results button").first.wait_for()
            search_ms = (time.perf_counter() - t0) * 1000
        w.close()
    return {"edges": shown_edges, "settle": statistics.median(settle), "first": statistics.median(first),
            "redraw": statistics.median(redraw), "shown": shown, "total": total, "filter": filter_ms,
            "search": search_ms}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--essays", type=int, nargs="*", default=[], help="also synthetic books of these sizes")
    ap.add_argument("--build", type=Path, nargs="*", default=[], help="also the pages of these build directories")
    ap.add_argument("--synthetic", type=int, nargs="*", default=[], help="also synthetic graphs of these many essays")
    ap.add_argument("--no-seed", action="store_true", help="leave out the bundled seed")
    ap.add_argument("--runs", type=int, default=3, help="page loads per page (median reported)")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        tmp = Path(tmp)

        def measured(name, pages, write_s):
            for p in pages:
                m = measure_page(b, p, args.runs)
                rows.append([name, p.name, f"{write_s:.2f}" if write_s is not None else "-",
                             f"{p.stat().st_size / 1e6:.2f}", f"{m['shown']} / {m['total']}", str(m["edges"]),
                             f"{m['first']:.0f}", f"{m['settle']:.0f}", f"{m['redraw']:.1f}",
                             f"{m['filter']:.0f}" if m["filter"] is not None else "-",
                             f"{m['search']:.0f}" if m["search"] is not None else "-"])

        graphs = [] if args.no_seed else [("seed", lambda: build_graph(extract_files([bundled_seed()])))]
        graphs += [(f"{n} essays", lambda n=n: build_graph(extract_files([corpus(n, tmp)]))) for n in args.essays]
        graphs += [(f"synthetic {n}", lambda n=n: synthetic_graph(n)) for n in args.synthetic]
        for name, make in graphs:
            G = make()
            t0 = time.perf_counter()
            pages = write_html(G, tmp / name.replace(" ", "-") / "graph.html")
            measured(name, pages, time.perf_counter() - t0)
        for build in args.build:
            pages = [p for p in view_paths(build / "graph.html") if p.exists()]
            if not pages:
                raise SystemExit(f"{build}: no graph.html (not a build directory?)")
            measured(str(build), pages, None)
    header = ["input", "page", "write s", "MB", "nodes shown / total", "edges", "first draw ms", "settle ms",
              "redraw ms", "filter ms", "search ms"]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
