"""`--gazetteer` and `--lexicon`: the user's own data files, on every command that extracts."""

import json

import pytest
from click.testing import CliRunner

from xianjice.cli import cli

BOOK = """序

共收到2个海关单位报送的征文2篇。

- 关于海关大监管体系建设的思考
..... 星星海关稽查处 王绍波 / 1
- 改革办案模式 防范两大风险
..... 北京海关 李明 / 9
"""


@pytest.fixture()
def files(tmp_path):
    from importlib import resources

    bundled = resources.files("extract").joinpath("data/gazetteer.csv").read_text(encoding="utf-8")
    row = "星星海关,customs,海关总署,星星关,星星市,星星省,199,Xingxing Customs\n"
    (tmp_path / "gazetteer.csv").write_text(bundled.rstrip("\n") + "\n" + row, encoding="utf-8")
    (tmp_path / "book.txt").write_text(BOOK, encoding="utf-8")
    return tmp_path


def units(result):
    assert result.exit_code == 0, result.output
    return [u for e in json.loads(result.stdout)["essays"] for u in e["units"]]


def test_a_users_gazetteer_knows_its_units(files):
    bundled = units(CliRunner().invoke(cli, ["extract", str(files / "book.txt"), "-q"]))
    own = units(CliRunner().invoke(cli, ["extract", str(files / "book.txt"), "-q", "--gazetteer",
                                          str(files / "gazetteer.csv")]))
    assert bundled[0]["known"] is False
    assert own[0] == {"name": "星星海关稽查处", "path": ["海关总署", "星星海关", "稽查处"], "known": True}


@pytest.mark.parametrize("command", ["extract", "concepts", "build", "central", "themes"])
@pytest.mark.parametrize("option", ["--gazetteer", "--lexicon"])
def test_a_missing_data_file_is_one_clean_error(files, command, option):
    args = [command, str(files / "book.txt"), option, str(files / "missing.csv")]
    if command == "build":
        args += ["-o", str(files / "out")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1
