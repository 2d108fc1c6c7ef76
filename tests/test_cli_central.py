"""`xianjice central` and `xianjice themes` on the bundled seed: the three formats, options, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from xianjice.graph.analysis.centrality import COLUMNS
from xianjice.cli import cli


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result


@pytest.fixture(scope="module")
def central_json():
    return json.loads(run("central", "--format", "json", "--top", "0").stdout)


@pytest.fixture(scope="module")
def central_table():
    return run("central", "--top", "10").stdout


def test_json_is_a_list_of_objects_best_first(central_json):
    assert isinstance(central_json, list) and len(central_json) >= 10
    assert [list(r) for r in central_json] == [list(COLUMNS)] * len(central_json)
    assert [r["rank"] for r in central_json] == list(range(1, len(central_json) + 1))
    keys = [(-r["pagerank"], -r["essays"], r["concept"]) for r in central_json]
    assert keys == sorted(keys)
    assert all(r["concept"] and r["theme"] and r["community"] >= 1 for r in central_json)


def test_top_limits_and_by_changes_the_order(central_json):
    top = json.loads(run("central", "--format", "json", "--top", "5", "--by", "betweenness").stdout)
    assert len(top) == 5
    assert top[0]["betweenness"] == max(r["betweenness"] for r in central_json)
    assert [r["betweenness"] for r in top] == sorted((r["betweenness"] for r in top), reverse=True)


def test_csv(central_json):
    out = run("central", "--format", "csv", "--top", "0").stdout
    table = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert [r["concept"] for r in table] == [r["concept"] for r in central_json]
    assert float(table[0]["pagerank"]) == central_json[0]["pagerank"]


def test_table_has_the_top_concepts_and_the_communities(central_json, central_table):
    lines = central_table.splitlines()
    assert lines[0] == f"Concepts by pagerank (10 of {len(central_json)}):"
    assert lines[1].split()[:3] == ["#", "concept", "theme"]
    assert lines[2].split()[:3] == ["1", central_json[0]["concept"], central_json[0]["theme"]]
    assert any(line.startswith("Communities (Louvain, seed 0) against the lexicon's themes") for line in lines)
    for r in central_json[:10]:
        assert r["concept"] in central_table


def test_same_input_same_output(central_table):
    assert run("central", "--top", "10").stdout == central_table


def test_themes_three_formats():
    matrix = json.loads(run("themes", "--format", "json").stdout)
    top = json.loads(run("themes", "--format", "json", "--level", "top").stdout)
    assert matrix["level"] == "unit" and top["level"] == "top"
    assert len(top["rows"]) < len(matrix["rows"])
    assert sum(r["essays"] for r in top["rows"]) >= top["totals"]["essays"] == 60
    out = run("themes", "--format", "csv", "--level", "top").stdout
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["unit", "essays", *top["themes"]]
    assert len(table) == len(top["rows"]) + 1
    text = run("themes", "--level", "top").stdout.splitlines()
    assert text[0].split() == ["unit", "essays", *top["themes"]]
    assert text[-1].split()[:2] == ["total", "60"]


@pytest.mark.parametrize("command", ["central", "themes"])
def test_missing_file_is_one_line_error(command, tmp_path):
    result = run(command, str(tmp_path / "missing.txt"), code=2)
    assert result.stderr.startswith("Error:") and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["central", "--by", "closeness"], ["themes", "--level", "province"],
                                  ["central", "--top", "-1"]])
def test_bad_options(args):
    assert run(*args, code=2).exit_code == 2


@pytest.mark.parametrize("command", ["central", "themes"])
def test_help_has_examples(command):
    out = run(command, "--help").stdout
    assert "Examples:" in out and f"xianjice {command}" in out


def test_by_choices_are_the_library_measures():
    from xianjice.graph.analysis.centrality import MEASURES
    from xianjice.commands_analysis import central

    by = next(p for p in central.params if p.name == "by")
    assert tuple(by.type.choices) == MEASURES
