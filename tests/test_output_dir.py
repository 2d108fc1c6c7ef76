"""-o given a symlink, and symlinks among the files a rebuild carries over (README.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from graph_records import compilations
from no_heatmap import NoHeatmap

import xianjice.graph.writers.export as export
from xianjice.errors import ExportError


@pytest.fixture(autouse=True)
def no_heatmap(monkeypatch):
    monkeypatch.setattr(export, "start_worker", NoHeatmap)  # the heatmap is not what is tested here


def _is_build(directory: Path) -> bool:
    return json.loads((directory / "report.json").read_text("utf-8"))["generator"] == "xianjice"


def _siblings(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("target_exists", [True, False])
def test_out_as_a_symlink_writes_where_it_points_and_stays_a_link(tmp_path, target_exists):
    target = tmp_path / "data" / "exports"
    if target_exists:
        export.write_build(compilations(), target)
        (target / "README.md").write_text("说明\n", encoding="utf-8")
    link = tmp_path / "work" / "out"
    link.parent.mkdir()
    link.symlink_to(target)
    report = export.write_build(compilations(), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert _is_build(target) and report["graph"]["nodes"] > 0
    assert _siblings(link.parent) == ["out"]  # no directory in the link's place, no temporary left
    assert _siblings(target.parent) == ["exports"]
    if target_exists:
        assert (target / "README.md").read_text("utf-8") == "说明\n"


def test_relative_symlink(tmp_path, monkeypatch):
    (tmp_path / "real").mkdir()
    (tmp_path / "out").symlink_to("real")
    monkeypatch.chdir(tmp_path)
    export.write_build(compilations(), "out")
    assert os.readlink(tmp_path / "out") == "real" and _is_build(tmp_path / "real")
    assert _siblings(tmp_path) == ["out", "real"]


@pytest.mark.parametrize("out", ["loop", "loop/out"])
def test_symlink_loop_is_one_error_and_left_alone(tmp_path, out):
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    with pytest.raises(ExportError, match="loop"):
        export.write_build(compilations(), tmp_path / out)
    assert loop.is_symlink() and os.readlink(loop) == "loop"
    assert _siblings(tmp_path) == ["loop"]


def test_symlink_to_a_file_is_refused_and_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("keep\n", encoding="utf-8")
    link = tmp_path / "out"
    link.symlink_to("notes.txt")
    with pytest.raises(ExportError, match="not a directory"):
        export.write_build(compilations(), link)
    assert link.is_symlink() and (tmp_path / "notes.txt").read_text("utf-8") == "keep\n"
    assert _siblings(tmp_path) == ["notes.txt", "out"]


def test_symlink_to_a_directory_that_is_not_a_build_is_refused(tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.docx").write_bytes(b"x")
    (tmp_path / "out").symlink_to("home")
    with pytest.raises(ExportError, match="refusing"):
        export.write_build(compilations(), tmp_path / "out")
    assert _siblings(tmp_path / "home") == ["thesis.docx"] and (tmp_path / "out").is_symlink()


def test_readme_symlink_is_kept_as_a_link(tmp_path):
    shared = tmp_path / "shared-README.md"
    shared.write_text("# 共享说明\n", encoding="utf-8")
    out = tmp_path / "out"
    export.write_build(compilations(), out)
    (out / "README.md").symlink_to("../shared-README.md")
    (out / ".gitignore").symlink_to(tmp_path / "missing")  # a dangling link is the user's too
    export.write_build(compilations(), out)
    assert (out / "README.md").is_symlink() and os.readlink(out / "README.md") == "../shared-README.md"
    assert (out / "README.md").read_text("utf-8") == "# 共享说明\n"
    assert os.readlink(out / ".gitignore") == str(tmp_path / "missing")
    assert shared.read_text("utf-8") == "# 共享说明\n"
    assert _is_build(out) and not out.is_symlink()


def test_cli_symlink_loop_is_one_error_line(tmp_path):
    import subprocess
    import sys

    (tmp_path / "loop").symlink_to("loop")
    run = subprocess.run([sys.executable, "-m", "xianjice", "build", "-q", "-o", "loop"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert run.stderr == "Error: loop: is a symlink that leads nowhere (a loop); give the directory itself with -o\n"
    assert os.readlink(tmp_path / "loop") == "loop" and _siblings(tmp_path) == ["loop"]
