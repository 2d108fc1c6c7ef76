"""`xianjice extract`: the stable JSON interface, jsonl and the table."""

import json

import pytest
from click.testing import CliRunner

from xianjice.cli import cli


@pytest.fixture(scope="module")
def seed_json():
    result = CliRunner().invoke(cli, ["extract", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_top_level(seed_json):
    assert list(seed_json) == ["schema", "source", "format", "kind", "book", "essays", "appendix", "lexicon", "headings",
                               "unparsed", "warnings"]
    assert seed_json["format"] == "text" and seed_json["kind"] == "book"
    assert seed_json["unparsed"] == []
    assert len(seed_json["essays"]) == 60 and len(seed_json["appendix"]) == 2


def test_json_book(seed_json):
    book = seed_json["book"]
    assert book["isbn"] == "978-7-80165-649-0" and book["date"] == "2009-08"
    assert book["stats"]["submitted"] == 397 and book["stats"]["units"] == 50
    assert book["stats"]["prizes"] == {"一等奖": 20, "二等奖": 40, "三等奖": 70}
    assert {"name": "黄华莉", "role": "责任编辑", "line": 50} in book["editors"]


def test_json_essay_fields(seed_json):
    essay = seed_json["essays"][7]
    for field in ("seq", "title", "subtitle", "page", "tier", "tier_label", "tier_source", "units", "authors",
                  "has_body", "truncated", "lines", "concepts", "documents", "mentions", "proposals"):
        assert field in essay
    assert essay["units"] == [{"name": "拱北海关综合统计处", "path": ["海关总署", "拱北海关", "综合统计处"], "known": True}]
    assert essay["tier"] == 1 and essay["tier_label"] == "一等奖"
    assert essay["lines"] == {"toc": [120, 121], "body": None}
    second = seed_json["essays"][1]
    assert second["subtitle"] == "关于海关缉私局刑事执法职能调整的探讨"
    assert second["has_body"] and second["truncated"]
    assert second["lines"]["body"] == [284, 296]


def test_stderr_summary():
    result = CliRunner().invoke(cli, ["extract", "--format", "table"])
    assert "60 essays, 2 bodies (1 cut off), 60 with tiers, 2 appendix documents" in result.stderr
    assert "拱北海关/综合统计处" in result.stdout


def test_jsonl_one_essay_per_line():
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", "--no-text", "-q"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["seq"] for r in rows] == list(range(1, 61))
    assert all("body" not in r and r["isbn"] == "978-7-80165-649-0" for r in rows)
    assert result.stderr == ""


def test_several_files_give_an_array(seed_path):
    result = CliRunner().invoke(cli, ["extract", str(seed_path), str(seed_path), "--no-text", "-q"])
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 2


def test_json_is_byte_identical_across_runs():
    a = CliRunner().invoke(cli, ["extract", "-q"]).stdout
    b = CliRunner().invoke(cli, ["extract", "-q"]).stdout
    assert a == b


def test_help_has_examples():
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert "Examples:" in result.output and "xianjice extract" in result.output


def test_no_file_and_no_bundled_seed_is_a_clean_error(monkeypatch, tmp_path):
    import xianjice.common

    monkeypatch.setattr(xianjice.common, "bundled_seed", lambda: tmp_path / "missing.txt")
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: no FILE given") and len(result.output.strip().splitlines()) == 1


def test_stderr_shows_each_warning(tmp_path):
    """The summary counts warnings; each one is also shown, so a table user learns what it is."""
    book = tmp_path / "list.txt"
    book.write_text("时局把握与理论创新\n林若琳 孟书瑶 / 1\n论将人民政协的协商民主优势转化为国家治理效能\n季长海 / 13\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(book), "--format", "table"])
    assert result.exit_code == 0, result.output
    doc = json.loads(CliRunner().invoke(cli, ["extract", str(book), "-q"]).stdout)
    assert doc["warnings"], "the input should draw a warning"
    for w in doc["warnings"]:
        assert f"  warning: {w}\n" in result.stderr
    assert len(doc["warnings"]) == 1 and ", 1 warning\n" in result.stderr  # one warning, not "1 warnings"
