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


def ranked(rows):
    return [r for r in rows if r["rank"] is not None]


def test_json_is_a_list_of_objects_best_first(central_json):
    rows = ranked(central_json)
    assert isinstance(central_json, list) and len(rows) >= 10
    assert [list(r) for r in central_json] == [list(COLUMNS)] * len(central_json)
    assert central_json[: len(rows)] == rows  # the ranking first, then the concepts not ranked
    keys = [(-r["essays"], -r["pagerank"]) for r in rows]  # the default: essays, PageRank breaking ties
    assert keys == sorted(keys)
    assert [r["rank"] for r in rows] == [1 + sum(k < key for k in keys) for key in keys]  # ties share a rank
    assert len({r["rank"] for r in rows}) > len(rows) // 2
    assert all(r["concept"] and r["theme"] and r["community"] >= 1 and r["community_name"] for r in rows)
    assert all(1 <= r["rank_low"] <= r["rank_high"] <= len(rows) for r in rows)
    unranked = central_json[len(rows):]
    assert unranked and all((r["essays"] < 2 or r["frame"]) and r["pagerank"] is None for r in unranked)
    assert all(r["essays"] >= 2 and not r["frame"] for r in rows)


def test_top_limits_and_by_changes_the_order(central_json):
    top = json.loads(run("central", "--format", "json", "--top", "5", "--by", "betweenness").stdout)
    assert len(top) == 5
    assert top[0]["betweenness"] == max(r["betweenness"] for r in ranked(central_json))
    assert [r["betweenness"] for r in top] == sorted((r["betweenness"] for r in top), reverse=True)


def test_csv(central_json):
    out = run("central", "--format", "csv", "--top", "0").stdout
    table = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert [r["concept"] for r in table] == [r["concept"] for r in central_json]
    assert float(table[0]["pagerank"]) == central_json[0]["pagerank"]
    assert (int(table[0]["rank_low"]), int(table[0]["rank_high"])) == (central_json[0]["rank_low"],
                                                                       central_json[0]["rank_high"])
    assert table[-1]["rank"] == "" and table[-1]["frame"] == "false"


def test_table_has_the_top_concepts_rank_intervals_and_the_communities(central_json, central_table):
    rows = ranked(central_json)
    lines = central_table.splitlines()
    assert lines[0].startswith(f"Concepts by essays (10 of {len(rows)} ranked; 95% rank: bootstrap")
    assert lines[1].split()[:5] == ["#", "95%", "rank", "concept", "theme"]
    first = rows[0]
    interval = f"{first['rank_low']}–{first['rank_high']}" if first["rank_low"] != first["rank_high"] \
        else str(first["rank_low"])
    assert lines[2].split()[:4] == ["1", interval, first["concept"], first["theme"]]
    assert any(line.startswith("Communities (Louvain on association strength, seed 0)") for line in lines)
    frame = [r for r in central_json if r["frame"]]
    assert f"Not ranked: {len(central_json) - len(rows) - len(frame)} concepts discussed in fewer than 2 essays." \
        in lines
    assert any(line.startswith("Frame layer (campaign slogans, not ranked") for line in lines) == bool(frame)
    for r in rows[:10]:
        assert r["concept"] in central_table


def test_options_change_what_is_ranked(central_json):
    everything = json.loads(run("central", "--format", "json", "--top", "0", "--min-essays", "1").stdout)
    frame = sum(r["frame"] for r in central_json)
    assert len(ranked(everything)) == len(everything) - frame and len(everything) == len(central_json)
    framed = json.loads(run("central", "--format", "json", "--top", "0", "--min-essays", "1", "--with-frame").stdout)
    assert len(ranked(framed)) == len(central_json)
    plain = json.loads(run("central", "--format", "json", "--resamples", "0").stdout)
    assert {r["rank_low"] for r in plain} == {None}


@pytest.fixture
def framed_seed(monkeypatch):
    """The seed with its campaign slogans flagged as the lexicon flags them (``frame=True``)."""
    import xianjice.commands_analysis as commands

    real = commands._graph
    slogans = {"科学发展观", "科学发展", "解放思想", "改革创新", "以人为本"}

    def graph(*args):
        G = real(*args)
        for _, d in G.nodes(data=True):
            if d.get("kind") == "concept":
                d["frame"] = d.get("label") in slogans
        return G

    monkeypatch.setattr(commands, "_graph", graph)
    return slogans


def test_the_frame_layer_is_shown_apart_and_ranked_on_request(framed_seed):
    table = run("central", "--top", "10").stdout
    frame_line = next(line for line in table.splitlines() if line.startswith("Frame layer"))
    assert "科学发展观 (10 essays)" in frame_line and "--with-frame" in frame_line
    rows = json.loads(run("central", "--format", "json", "--top", "0").stdout)
    assert not {r["concept"] for r in ranked(rows)} & framed_seed
    assert {r["concept"] for r in rows if r["frame"]} <= framed_seed
    with_frame = json.loads(run("central", "--format", "json", "--top", "5", "--with-frame").stdout)
    assert {r["concept"] for r in with_frame} & framed_seed
    assert "Frame layer" not in run("central", "--top", "10", "--with-frame").stdout


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
