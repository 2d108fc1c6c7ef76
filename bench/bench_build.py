"""Benchmark: the whole build against its floor, side by side in one run.

The floor is the slowest work any build must do: reading the file and
segmenting all of it with jieba (a fresh ``python`` process running
``jieba.Tokenizer().cut`` over the text, start-up and dictionary loading
included).  The build is ``xianjice build FILE`` in a fresh process too.
Both run here, alternately (floor, build, floor, build … ``--repeat`` times)
on the same file, so that a shared machine's load falls on both alike; the
table shows the median and the fastest of each, the ratio of the medians, the
1-minute load average before and after the runs, the stages of the median
build and the peak memory of each process (the build's largest run; its
heatmap worker, a separate process of about 100 MiB, is not counted).

Targets (issue "Scale and speed"): the seed within 2x its floor; generated
corpora of 600 and 5,000 essays within 1.2x; peak memory under 2 GiB.

Usage::

    python bench/bench_build.py              # seed, 600 and 5,000 essays
    python bench/bench_build.py --sizes 600  # seed and 600 only
    python bench/bench_build.py --sizes --repeat 5  # the seed alone, five times each
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # make_corpus; xianjice is the installed package

from make_corpus import make_corpus  # noqa: E402

from xianjice import bundled_seed  # noqa: E402

FLOOR = (
    "import sys, logging, jieba\n"
    "jieba.setLogLevel(logging.WARNING)\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "n = sum(1 for _ in jieba.Tokenizer().cut(text))\n"
)
STAGES = ("extract", "analyse", "graph", "centrality", "turtle", "tables", "html", "heatmap")
TARGETS = {"seed": 2.0}
DEFAULT_TARGET = 1.2


def run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])} … failed ({proc.returncode}):\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024


def load() -> float:
    """The 1-minute load average (0 where the system does not tell)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def measure(name: str, path: Path, work: Path, repeat: int = 3) -> dict:
    """Run floor and build alternately *repeat* times; medians, minima, the median build's stages."""
    load_before = load()
    floors, builds = [], []
    for i in range(repeat):
        floors.append(run([sys.executable, "-c", FLOOR, str(path)]))
        timings = work / f"{name}.{i}.timings.json"
        elapsed, mem = run([sys.executable, "-m", "xianjice", "build", str(path), "-o", str(work / f"out-{name}"),
                            "--quiet", "--timings", str(timings)])
        builds.append((elapsed, mem, json.loads(timings.read_text(encoding="utf-8"))))
    load_after = load()
    floor = statistics.median_low(t for t, _ in floors)
    build, _, stages = sorted(builds, key=lambda b: b[0])[(repeat - 1) // 2]  # the median (low) run, stages and all
    report = json.loads((work / f"out-{name}" / "report.json").read_text(encoding="utf-8"))
    book = report["books"][0]
    if name != "seed" and (book["essays"] != int(name) or book["essays_with_body"] != int(name) or book["unplaced"]):
        raise SystemExit(f"corpus {name}: found {book['essays']} essays, {book['essays_with_body']} bodies, "
                         f"{len(book['unplaced'])} unplaced lines")
    return {"input": name, "essays": book["essays"], "mb": path.stat().st_size / 1e6, "floor": floor, "build": build,
            "floor_min": min(t for t, _ in floors), "build_min": min(t for t, _, _ in builds),
            "ratio": build / floor, "target": TARGETS.get(name, DEFAULT_TARGET),
            "floor_mem": max(m for _, m in floors), "build_mem": max(m for _, m, _ in builds),
            "load": (load_before, load_after), "stages": stages}


def table(rows: list[dict]) -> str:
    """The results as an aligned text table: medians, (minima), ratio of the medians, load before→after, stages."""
    head = ["input", "essays", "MB", "floor s (min)", "build s (min)", "ratio", "target", "ok", "load", "floor MiB",
            "build MiB", *STAGES]
    lines = [head]
    for r in rows:
        ok = r["ratio"] <= r["target"] and r["build_mem"] < 2048
        lines.append([r["input"], str(r["essays"]), f"{r['mb']:.1f}", f"{r['floor']:.2f} ({r['floor_min']:.2f})",
                      f"{r['build']:.2f} ({r['build_min']:.2f})", f"{r['ratio']:.2f}",
                      f"≤{r['target']}", "yes" if ok else "NO", "{:.1f}→{:.1f}".format(*r["load"]),
                      f"{r['floor_mem']:.0f}", f"{r['build_mem']:.0f}",
                      *(f"{r['stages'].get(s, 0):.2f}" for s in STAGES)])
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.rjust(widths[i]) for i, cell in enumerate(row)) for row in lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[600, 5000], help="generated corpus sizes (essays)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of floor and of build per input, alternating (default 3); medians are reported")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    rows = []
    with tempfile.TemporaryDirectory(prefix="xianjice-bench-") as tmp:
        work = Path(tmp)
        inputs = [("seed", bundled_seed())]
        for n in args.sizes:
            path = work / f"corpus-{n}.txt"
            path.write_text(make_corpus(n), encoding="utf-8")
            inputs.append((str(n), path))
        for name, path in inputs:
            rows.append(measure(name, path, work, args.repeat))
            print(f"measured {name}", file=sys.stderr)
    print(table(rows))
    print(f"medians of {args.repeat} alternating runs (fastest in brackets); ratio = median build / median floor; "
          "stages: the median build's; load: 1-minute load average before→after")


if __name__ == "__main__":
    main()
