"""write_build / xianjice build: every export, deterministic, atomic; exports/ is up to date."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner
from graph_records import compilations
from picture_content import png_size, svg_content
from rdflib import Graph

import xianjice.graph.writers.export as export
from xianjice.graph.writers.export import ExportError, write_build
from xianjice.graph.ids import BaseIRIError
from xianjice.cli import cli

REPO_EXPORTS = Path(__file__).parent.parent / "exports"
OUTPUTS = {"graph.ttl", "graph.graphml", "graph.html", "nodes.csv", "edges.csv", "report.json"}


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("b") / "out"
    return out, write_build(compilations(), out)


def test_all_outputs_written(built):
    out, report = built
    assert OUTPUTS <= set(snapshot(out))
    assert set(report["files"]) | {"report.json"} == set(snapshot(out))
    assert json.loads((out / "report.json").read_text("utf-8")) == report


def test_report_says_what_was_found(built):
    _, report = built
    a = next(b for b in report["books"] if b["isbn"] == "ISBN 978-7-80165-649-0")
    assert (a["source"], a["essays"], a["essays_with_body"], a["truncated_bodies"]) == ("book-a.txt", 7, 2, [2])
    assert a["essays_without_tier"] == [6]
    assert a["units_not_in_gazetteer"] == ["某某海关"]
    assert report["graph"]["nodes_by_kind"]["essay"] == 8
    assert report["graph"]["edges_by_rel"]["author"] == 7


def test_turtle_parses_in_two_engines_to_the_reported_count(built):
    out, report = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) == report["rdf"]["triples"]


def test_graphml_and_csv_read_back_with_chinese_intact(built):
    out, report = built
    raw = (out / "graph.graphml").read_text("utf-8")
    assert "海关总署" in raw and "&#" not in raw
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (report["graph"]["nodes"], report["graph"]["edges"])
    assert H.nodes["org/hai-guan-zong-shu/gong-bei-hai-guan"]["pinyin"] == "Gǒngběi Hǎiguān"
    with open(out / "nodes.csv", encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(out / "edges.csv", encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == report["graph"]["nodes"] and len(edges) == report["graph"]["edges"]
    assert {"id", "kind", "label", "label_en", "pinyin"} <= set(nodes[0])
    assert {r["rel"] for r in edges} == set(report["graph"]["edges_by_rel"])


def test_builds_are_byte_identical_whatever_the_input_order(built, tmp_path):
    out, _ = built
    expected = snapshot(out)
    rng = random.Random(11)
    for i in range(2):
        cs = compilations()
        rng.shuffle(cs)
        cs = [replace(c, essays=tuple(rng.sample(c.essays, len(c.essays)))) for c in cs]
        assert snapshot(write_build(cs, tmp_path / f"o{i}") and tmp_path / f"o{i}") == expected


@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt()])
def test_failed_build_leaves_previous_output(tmp_path, monkeypatch, exc):
    out = tmp_path / "out"
    write_build(compilations()[:1], out)
    before = snapshot(out)

    def fail(*args, **kwargs):
        raise exc

    monkeypatch.setattr(export, "write_graphml", fail)
    with pytest.raises(type(exc)):
        write_build(compilations(), out)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary directory left


def test_rebuild_replaces_and_keeps_readme(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("about these files\n", encoding="utf-8")
    write_build(compilations()[:1], out)
    (out / "graph.ttl").write_text("stale", encoding="utf-8")
    write_build(compilations(), out)
    assert (out / "README.md").read_text(encoding="utf-8") == "about these files\n"
    assert (out / "graph.ttl").read_text(encoding="utf-8") != "stale"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_refuses_to_replace_other_directories(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match="refusing to replace"):
        write_build(compilations(), tmp_path)
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a directory"):
        write_build(compilations(), target)


def test_bad_base_writes_nothing(tmp_path):
    with pytest.raises(BaseIRIError):
        write_build(compilations(), tmp_path / "out", base="no-scheme/")
    assert not (tmp_path / "out").exists()


def test_base_is_used(tmp_path):
    write_build(compilations(), tmp_path / "out", base="https://data.example.net/xj/")
    text = (tmp_path / "out" / "graph.ttl").read_text("utf-8")
    assert "<https://data.example.net/xj/essay/9787801656490/01>" in text
    assert "xianjice.example.org/id/" not in text


def test_cli_build(tmp_path, seed_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(seed_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "triples" in result.output and "60 essays" in result.output
    quiet = runner.invoke(cli, ["build", str(seed_path), "-o", str(tmp_path / "o"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/book.txt"], "Error: "),
        (["--base", "relative/"], "not absolute"),
    ],
)
def test_cli_build_errors(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["build", *args, "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    last = result.output.splitlines()[-1]
    assert last.startswith("Error: ") and message in last
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


#: Files drawn by matplotlib: their bytes change with matplotlib's and FreeType's versions, so the
#: committed exports/ is compared with a fresh build by what they show (tests/picture_content.py).
PICTURES = ("units-themes.png", "units-themes.svg")


def _comparable(files: dict[str, bytes]) -> dict[str, object]:
    """The build's files, with the pictures as what they show and report.json without their sizes."""
    out: dict[str, object] = dict(files)
    out["units-themes.png"] = png_size(files["units-themes.png"])
    out["units-themes.svg"] = svg_content(files["units-themes.svg"])
    report = json.loads(files["report.json"])
    report["files"] = {k: (None if k in PICTURES else v) for k, v in report["files"].items()}
    out["report.json"] = report
    return out


def test_repository_exports_are_up_to_date(tmp_path, seed_path):
    """exports/ holds the build of the bundled seed: rebuild with `xianjice build` when this fails.

    Every file is compared byte for byte except the two pictures, compared by what they show
    (texts, cell and colour-bar colours, size in pixels), and their sizes in report.json.
    Byte-identical rebuilds within one environment are tested by
    ``test_builds_are_byte_identical_whatever_the_input_order``.
    """
    from xianjice.extract.pipeline import extract_files

    write_build(extract_files([seed_path]), tmp_path / "exports")
    fresh = snapshot(tmp_path / "exports")
    committed = {k: v for k, v in snapshot(REPO_EXPORTS).items() if k != "README.md"}
    assert sorted(committed) == sorted(fresh), "exports/ is out of date: run `xianjice build`"
    fresh, committed = _comparable(fresh), _comparable(committed)
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert not stale, f"exports/ is out of date ({', '.join(stale)}): run `xianjice build`"
