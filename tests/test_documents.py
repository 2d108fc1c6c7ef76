import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis_helpers import body_from_fixture, body_from_lines
from xianjice.extract.documents import cited_documents, definitions


def cite(*paragraphs):
    body = body_from_lines([(10 + i, text) for i, text in enumerate(paragraphs)])
    return [(c.name, c.count, c.first_line, c.aliases) for c in cited_documents(body)]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["依据《海关法》办理。"], [("海关法", 1, 10, ())]),
    (["根据《中华人民共和国海关法》（以下简称《海关法》）。", "《海关法》规定。"],
     [("中华人民共和国海关法", 2, 10, ("海关法",))]),
    (["按《海关稽查条例》(以下简称《条例》)执行，《条例》明确……"], [("海关稽查条例", 2, 10, ("条例",))]),
    (["按《海关企业分类管理办法》（下称《办法》）", "落实《办法》。"], [("海关企业分类管理办法", 2, 10, ("办法",))]),
    (["依据《指导意见》（以下简称“意见”）推进。"], [("指导意见", 1, 10, ("意见",))]),
    (["学习《党章》和《条例》。", "《党章》"], [("党章", 2, 10, ()), ("条例", 1, 10, ())]),
    (["《 海关法 》与《海关法》"], [("海关法", 2, 10, ())]),
    (["没有引用任何文件。", "《》不是文件名。"], []),
])
def test_citations(paragraphs, expected):
    assert cite(*paragraphs) == expected


def test_short_form_used_before_its_definition_still_folds():
    assert cite("先说《条例》。", "再引《海关行政处罚实施条例》（以下简称《条例》）。") == [
        ("海关行政处罚实施条例", 2, 10, ("条例",))]


def test_first_definition_wins():
    body = body_from_lines([(1, "《甲法》（以下简称《法》）"), (2, "《乙法》（以下简称《法》）")])
    assert definitions(body) == {"法": "甲法"}


def test_seed_essay_1_documents(seed_compilation):
    docs = {c.name: c for c in cited_documents(seed_compilation.essays[0].body)}
    rules = docs["中国共产党党和国家机关基层组织工作条例"]
    assert rules.aliases == ("条例",)
    assert rules.count == 9  # the full name twice, 《条例》 seven times besides its definition
    assert rules.first_line == 246
    assert "条例" not in docs
    assert docs["党章"].count == 3
    assert docs["海关政治工作暂行条例"].count == 1
    assert docs["统筹海关队伍建设工作实施办法"].count == 2
    assert list(docs)[:2] == ["党章", "中国共产党党和国家机关基层组织工作条例"]  # order of appearance


def test_seed_essay_2_cites_nothing(seed_compilation):
    assert cited_documents(seed_compilation.essays[1].body) == ()


def test_fixture_documents():
    _, body = body_from_fixture("body_dajianguan.txt", first_line=500)
    docs = {c.name: (c.count, c.first_line, c.aliases) for c in cited_documents(body)}
    assert docs == {"中华人民共和国海关法": (2, 505, ("海关法",)),
                    "中华人民共和国海关企业分类管理办法": (2, 510, ("办法",))}
    _, body = body_from_fixture("body_wuzhihua.txt", first_line=600)
    docs = {c.name: (c.count, c.aliases) for c in cited_documents(body)}
    assert docs == {"关于推进通关作业无纸化改革的指导意见": (2, ("指导意见",)), "海关电子数据管理办法": (1, ())}


@given(st.lists(st.sampled_from(["《海关法》", "《条例》", "文字", "《党章》", "（以下简称《条例》）", "。"]), max_size=12))
def test_counts_add_up(parts):
    text = "".join(parts)
    docs = cited_documents(body_from_lines([(1, text or "空")]))
    definitions_in_text = text.count("》（以下简称《条例》）")
    assert sum(c.count for c in docs) == text.count("《") - definitions_in_text
    assert len({c.name for c in docs}) == len(docs)
