"""The heatmap worker: the same pictures as drawn in the build's process; a failed worker costs only the pictures."""

from __future__ import annotations

import json
import subprocess
import sys

from browser import sample_graph
from graph_records import compilations
from picture_content import svg_content

from xianjice.graph.writers.export import write_build
from xianjice.graph.writers.heatmap import Matrix, heatmap_files, heatmap_matrix, heatmap_report
from xianjice.graph.writers.heatmap_worker import HeatmapWorker, start_worker

MONGOLIAN = "ᠮᠣᠩᠭᠣᠯ海关"


def _worker_running(code: str) -> HeatmapWorker:
    """A worker process that runs *code* instead of the real worker (to make it fail)."""
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    return HeatmapWorker(process)


def test_the_worker_draws_what_the_build_process_would():
    matrix = heatmap_matrix(sample_graph())
    with start_worker() as worker:
        drawn = worker.draw(matrix)
    assert drawn.error is None
    assert drawn.files == heatmap_files(matrix)  # same bytes, hence the same pictures
    assert drawn.report == heatmap_report(matrix)
    assert worker.process is None  # closed after drawing


def test_missing_glyphs_are_found_by_the_worker():
    matrix = Matrix([MONGOLIAN, "海关总署"], ["监管"], [[1], [2]], [1, 2])
    drawn = start_worker().draw(matrix)
    assert drawn.report["missing_glyphs"] == [MONGOLIAN]
    assert MONGOLIAN + " (1)" in svg_content(drawn.files["units-themes.svg"])["texts"]


def test_an_error_in_the_worker_is_reported_not_raised():
    ragged = Matrix(["甲关", "乙关"], ["监管"], [[1]], [1, 2])  # one row of counts for two units
    drawn = start_worker().draw(ragged)
    assert drawn.files == {}
    assert drawn.error.startswith("TypeError: Dimensions of C") and "\n" not in drawn.error
    assert drawn.report["error"] == drawn.error and drawn.report["units"] == 2
    assert "missing_glyphs" not in drawn.report


def test_a_crashed_worker_is_reported_not_raised():
    drawn = _worker_running("import os; os._exit(3)").draw(Matrix(["甲关"], ["监管"], [[1]], [1]))
    assert drawn.files == {} and drawn.error == "the heatmap worker exited with status 3"
    garbled = _worker_running("print('not json', flush=True); import sys; sys.stdin.read()")
    assert "unreadable" in garbled.draw(Matrix([], [], [], [])).error
    cut = _worker_running("import sys; sys.stdout.write('{\"ok\": true, \"files\": [[\"a.png\", 99]], "
                          "\"report\": {}}\\nshort'); sys.stdout.flush()")
    assert cut.draw(Matrix([], [], [], [])).error == "the heatmap worker exited with status 0 while sending a.png"


def test_a_build_whose_worker_fails_still_succeeds_without_pictures(tmp_path):
    messages = []
    report = write_build(compilations(), tmp_path / "out", progress=messages.append,
                         heatmap_worker=_worker_running("import os; os._exit(1)"))
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "units-themes.png" not in written and "units-themes.svg" not in written and "graph.ttl" in written
    assert report["heatmap"]["error"] == "the heatmap worker exited with status 1"
    assert json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))["heatmap"] == report["heatmap"]
    assert "units-themes.png" not in report["files"]
    assert "warning: no heatmap: the heatmap worker exited with status 1" in messages


def test_a_build_draws_the_pictures_in_its_worker(tmp_path):
    report = write_build(compilations(), tmp_path / "out")
    assert "error" not in report["heatmap"] and report["heatmap"]["missing_glyphs"] == []
    assert report["files"]["units-themes.png"] == (tmp_path / "out" / "units-themes.png").stat().st_size > 0


def test_a_worker_whose_build_is_gone_exits():
    worker = start_worker()
    process = worker.process
    process.stdin.close()  # what the kernel does when the build dies
    assert process.wait(timeout=30) == 0
    worker.process = None


def test_the_build_process_never_loads_matplotlib(tmp_path, seed_path):
    code = ("import sys\nfrom xianjice.cli import cli\n"
            f"cli.main(['build', {str(seed_path)!r}, '-o', {str(tmp_path / 'out')!r}, '--quiet'], standalone_mode=False)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'PIL')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"  # drawn by the worker: matplotlib's import is off the build's path
    assert (tmp_path / "out" / "units-themes.png").stat().st_size > 0
