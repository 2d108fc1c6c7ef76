"""Input text reaching the terminal is shown as text: escape sequences and other controls never raw."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rdflib import Literal

from xianjice.graph.rdf.query import QueryResult, format_result
from xianjice.graph.writers.texttable import json_text, text_table, text_width, visible

RED, TITLE, CSI8 = "\x1b[31m", "\x1b]0;pwned\x07", "\x9b2J"


@pytest.mark.parametrize("text, shown", [
    ("海关" + RED + "红", "海关\\x1b[31m红"),
    (TITLE, "\\x1b]0;pwned\\x07"),
    (CSI8, "\\x9b2J"),
    ("a\nb\rc\td\x7f", "a\\x0ab\\x0dc\\x09d\\x7f"),
    ("abc\u202edcba", "abc\\u202edcba"),
    ("\u2066x\u2069", "\\u2066x\\u2069"),
    ("caf\udce9", "caf\\xe9"),
    ("拱北海关 — «a» ü 𠮷", "拱北海关 — «a» ü 𠮷"),  # printable text unchanged
])
def test_visible(text, shown):
    assert visible(text) == shown


def test_table_cells_are_shown_as_text_and_stay_aligned():
    out = text_table(["unit", "n"], [["拱北" + RED, "1"], ["b", "10"]], right=[1])
    assert "\x1b" not in out
    lines = out.split("\n")
    assert lines[1] == "拱北\\x1b[31m   1"
    assert len({text_width(line) for line in lines}) == 1


def test_query_table():
    r = QueryResult("SELECT", ("t",), ((Literal("x" + TITLE),),))
    assert format_result(r).split("\n")[2] == "x\\x1b]0;pwned\\x07"


def test_json_text_is_the_same_data_and_prints_safely():
    value = {"t": "a" + RED + CSI8 + "\u202e\x7f", "n": [1, "海关"]}
    text = json_text(value, indent=2)
    assert json.loads(text) == value
    assert not any(c in text for c in "\x1b\x9b\u202e\x7f")


def _seed_with_escapes(seed_text: str) -> str:
    text = seed_text.replace("- 改革办案模式 防范两大风险\n..... 北京海关 王绍波 / 7",
                             f"- 改革办案模式{RED} 防范两大风险\n..... 北京海关{TITLE} 王绍波 / 7", 1)
    assert RED in text
    return text


def _run(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xianjice", *args], cwd=cwd, capture_output=True, timeout=300)


def test_extract_table_and_unplaced_lines_on_a_terminal(tmp_path, seed_text):
    (tmp_path / "book.txt").write_text(_seed_with_escapes(seed_text), encoding="utf-8")
    run = _run("extract", "--format", "table", "book.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr.decode()
    out, err = run.stdout.decode("utf-8"), run.stderr.decode("utf-8")
    for text in (out, err):
        assert not any(c in text for c in "\x1b\x9b\x07")
    row = next(line for line in out.splitlines() if "王绍波" in line)
    assert "\\x1b]0;pwned\\x07" in row and "改革办案模式\\x1b[31m 防范两大风险" in row
    run = _run("extract", "--format", "json", "book.txt", cwd=tmp_path)
    doc = json.loads(run.stdout.decode("utf-8"))
    assert doc["essays"][1]["title"] == f"改革办案模式{RED} 防范两大风险"  # the data itself is kept
    assert b"\x1b" not in run.stdout and b"\xc2\x9b" not in run.stdout


def test_unplaced_lines_and_file_names_on_stderr(capsys):
    from dataclasses import replace

    from graph_records import book_a

    from xianjice.commands_extract import report_to_stderr
    from xianjice.extract.records import Unplaced

    c = replace(book_a(), source=f"book{RED}\udce9.txt", unparsed=(Unplaced(12, f"{CSI8}\x1b[2J清屏", "front matter"),))
    report_to_stderr([c])
    err = capsys.readouterr().err
    assert err.startswith("book\\x1b[31m\\xe9.txt: 7 essays")
    assert "  unplaced line 12 (front matter): \\x9b2J\\x1b[2J清屏\n" in err
    assert not any(c in err for c in "\x1b\x9b")


def test_error_lines_show_input_as_text(tmp_path):
    run = _run("extract", f"missing{RED}\n.txt", cwd=tmp_path)
    err = run.stderr.decode("utf-8")
    assert run.returncode == 2 and "\x1b" not in err
    assert err.count("\n") == 1 and "missing\\x1b[31m\\x0a.txt" in err


def test_json_of_every_command_prints_safely():
    from xianjice.graph.analysis.themes import matrix_json

    matrix = {"themes": ["监管" + CSI8], "rows": [{"unit": "甲关\u202e", "essays": 2, "themes": {"监管" + CSI8: 1}}]}
    text = matrix_json(matrix)
    assert json.loads(text) == matrix and "\x9b" not in text and "\u202e" not in text
    r = QueryResult("SELECT", ("t",), ((Literal("x\x7f\x9b"),),))
    text = format_result(r, "json")
    assert json.loads(text)["results"]["bindings"][0]["t"]["value"] == "x\x7f\x9b"
    assert "\x7f" not in text and "\x9b" not in text
