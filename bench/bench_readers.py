"""Benchmark: reading the seed as each kind of file, against reading it as text, side by side in one run.

The seed is written as Word, web page, spreadsheet, CSV and typeset PDF
(with the test suite's writers, tests/input_files.py) and read back with
:func:`xianjice.extract.readers.read_document`; each kind is read
``--repeat`` times and the best time kept.  The table shows each kind's
time, its ratio to plain text, its lines and, for the PDF, the time per
page.  No target: it says what a format costs.

Usage::

    python bench/bench_readers.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from input_files import write_csv, write_docx, write_html, write_typeset_pdf, write_xlsx  # noqa: E402

from xianjice import bundled_seed  # noqa: E402
from xianjice.extract.book import read_compilation  # noqa: E402
from xianjice.extract.readers import read_document  # noqa: E402
from xianjice.extract.text import key  # noqa: E402


def best(path: Path, repeat: int) -> tuple[float, int]:
    times, lines = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        lines = len(read_document(path).lines)
        times.append(time.perf_counter() - t0)
    return min(times), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed = bundled_seed()
    lines = seed.read_text(encoding="utf-8").split("\n")
    c = read_compilation(seed)
    titles = {key(e.entry.title) for e in c.essays} | {key(a.title) for a in c.appendix}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = {
            "text": seed,
            "docx": write_docx(lines, d / "seed.docx"),
            "html": write_html(lines, d / "seed.html"),
            "xlsx": write_xlsx(lines, d / "seed.xlsx"),
            "csv": write_csv(lines, d / "seed.csv"),
            "pdf": write_typeset_pdf(lines, d / "seed.pdf", contents_start=min(e.entry.lines.start for e in c.essays) - 1,
                                     bodies_start=min(e.body.lines.start for e in c.essays if e.body) - 1,
                                     body_titles=titles),
        }
        base, _ = best(seed, args.repeat)
        print(f"{'kind':6} {'seconds':>8} {'x text':>8} {'lines':>6}")
        for kind, path in files.items():
            seconds, n = best(path, args.repeat)
            extra = ""
            if kind == "pdf":
                pages = len({line.location.page for line in read_document(path).lines})
                extra = f"  ({pages} pages, {seconds / pages * 1000:.0f} ms a page)"
            print(f"{kind:6} {seconds:8.3f} {seconds / base:8.1f} {n:6}{extra}")


if __name__ == "__main__":
    main()
