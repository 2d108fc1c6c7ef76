"""Benchmark the HTML explorer: generation time, file sizes and time to settle in headless Chromium.

Not a test: it prints a table.  For the seed and for synthetic books made
by ``bench/make_corpus.py`` it builds the graph, writes the pages, opens each
in Debian's Chromium (``/usr/bin/chromium``; run ``tests/prepare.py`` first)
and reports

- ``write s``: time of :func:`graph.html.write_html` (all three pages);
- ``MB``: size of the page;
- ``nodes shown / total``: the default view (the most central part of a
  large graph) against all nodes;
- ``settle ms``: from navigation start until the layout has stabilised and
  physics is switched off (median of ``--runs`` loads);
- ``filter ms`` / ``search ms``: one tier filter and one search on the
  settled page, to show it stays responsive.

Usage::

    python bench/bench_html.py                # seed only
    python bench/bench_html.py --essays 600 2000
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

from browser import PageWatch, browser  # noqa: E402
from extract.pipeline import extract_files  # noqa: E402
from graph.build import build_graph  # noqa: E402
from graph.html import write_html  # noqa: E402
from xianjice import bundled_seed  # noqa: E402


def corpus(essays: int, out: Path) -> Path:
    path = out / f"corpus-{essays}.txt"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--essays", str(essays), "-o", str(path)],
                   check=True, capture_output=True)
    return path


def measure_page(b, page_path: Path, runs: int) -> dict:
    settle = []
    for _ in range(runs):
        w = PageWatch(b, page_path)
        page = w.open(settle_timeout=300_000)
        settle.append(page.evaluate("xj.settleMs"))
        if w.errors or w.outside:
            raise SystemExit(f"{page_path.name}: errors {w.errors} outside requests {w.outside}")
        shown = page.evaluate("xj.network.body.data.nodes.getIds().length")
        total = page.evaluate("xj.data.total")
        tiers = page.evaluate("xj.data.tiers.map(t => String(t[0]))")
        filter_ms = search_ms = None
        if tiers:
            t0 = time.perf_counter()
            page.select_option("#f-tier", tiers[0])
            page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
            filter_ms = (time.perf_counter() - t0) * 1000
            page.click("#reset")
        t0 = time.perf_counter()
        page.fill("#search", "监管")
        page.locator("#results button").first.wait_for()
        search_ms = (time.perf_counter() - t0) * 1000
        w.close()
    return {"settle": statistics.median(settle), "shown": shown, "total": total, "filter": filter_ms,
            "search": search_ms}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--essays", type=int, nargs="*", default=[], help="also synthetic books of these sizes")
    ap.add_argument("--runs", type=int, default=3, help="page loads per page (median reported)")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        tmp = Path(tmp)
        inputs = [("seed", bundled_seed())] + [(f"{n} essays", corpus(n, tmp)) for n in args.essays]
        for name, path in inputs:
            G = build_graph(extract_files([path]))
            out = tmp / name.replace(" ", "-")
            t0 = time.perf_counter()
            pages = write_html(G, out / "graph.html")
            write_s = time.perf_counter() - t0
            for p in pages:
                m = measure_page(b, p, args.runs)
                rows.append([name, p.name, f"{write_s:.2f}", f"{p.stat().st_size / 1e6:.2f}",
                             f"{m['shown']} / {m['total']}", f"{m['settle']:.0f}",
                             f"{m['filter']:.0f}" if m["filter"] is not None else "-", f"{m['search']:.0f}"])
    header = ["input", "page", "write s", "MB", "nodes shown / total", "settle ms", "filter ms", "search ms"]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
