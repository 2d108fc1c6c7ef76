"""`xianjice concepts`: concepts used, and candidates for the lexicon."""

import csv
import io
import json

from click.testing import CliRunner

from xianjice.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, ["concepts", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_concepts_json_counts_essays():
    rows = json.loads(run("--format", "json"))
    by_label = {r["concept"]: r for r in rows}
    assert by_label["大监管体系"]["essays"] == 7 and by_label["大监管体系"]["in_titles"] == 7
    assert rows == sorted(rows, key=lambda r: (-r["essays"], -r["count"], r["concept"]))


def test_candidates_are_not_in_the_lexicon_and_recur():
    from xianjice.extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    rows = list(csv.DictReader(io.StringIO(run("--candidates", "--format", "csv", "--top", "20"))))
    assert rows, "the seed has recurring terms outside the lexicon"
    for row in rows:
        assert lexicon.lookup(row["term"]) is None
        assert int(row["essays"]) >= 2


def test_user_lexicon(tmp_path):
    from xianjice.extract.lexicon import load_lexicon

    bundled = load_lexicon()
    source = bundled.source
    lines = open(source, encoding="utf-8").read().splitlines()
    header = [line for line in lines if not line.startswith("#")][0]
    keep = [line for line in lines if line.startswith("da-jian-guan") or "大监管体系" in line.split(",")[1:2]]
    (tmp_path / "lexicon.csv").write_text("\n".join([header, *keep]) + "\n", encoding="utf-8")
    rows = json.loads(run("--format", "json", "--lexicon", str(tmp_path / "lexicon.csv")))
    assert [r["concept"] for r in rows] == ["大监管体系"]


def test_bad_lexicon_is_a_clean_error(tmp_path):
    (tmp_path / "bad.csv").write_text("not,a,lexicon\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["concepts", "--lexicon", str(tmp_path / "bad.csv")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1


def test_a_lexicon_with_spaced_or_punctuated_terms_is_announced_and_matched(tmp_path):
    # issue 14: such terms never matched and nothing was said
    (tmp_path / "lexicon.csv").write_text(
        "id,label,english,theme,aliases\n"
        "liangdafengxian,两大风险,Two risks,监管,两大 风险|“两个”风险\n"
        "jinguan2,金关工程（二期）,Golden Customs II,监管,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["concepts", "--format", "json", "--lexicon",
                                      str(tmp_path / "lexicon.csv")])
    assert result.exit_code == 0, result.output
    assert "2 terms hold spaces or punctuation" in result.stderr
    assert "两大 风险" in result.stderr and "金关工程（二期）" in result.stderr
    rows = json.loads(result.stdout)
    assert {r["concept"] for r in rows} == {"两大风险"}
