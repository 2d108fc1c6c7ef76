import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis_helpers import body_from_fixture, body_from_lines
from xianjice.extract.lexicon import load_lexicon
from xianjice.extract.proposals import heading_of, marker, proposals
from xianjice.extract.segment import tokenizer

LEX = load_lexicon()
TOK = tokenizer(LEX)


def props(body):
    return proposals(body, lexicon=LEX, tokenizer=TOK)


@pytest.mark.parametrize(("text", "expected"), [
    ("一、问题", (1, "一、")),
    ("十二．问题", (1, "十二．")),
    ("（三）加强培训。", (2, "（三）")),
    ("(三)加强培训。", (2, "(三)")),
    ("3. 加强培训", (3, "3.")),
    ("3、加强培训", (3, "3、")),
    ("（3）加强培训", (4, "（3）")),
    ("③加强培训", (5, "③")),
    ("2009年起", (0, "")),
    ("1.5倍", (0, "")),
    ("一是加强培训", (0, "")),
])
def test_marker(text, expected):
    assert marker(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("（一）调整海关现行党建工作管理体制。建立与行政垂直管理体制相对应的体制", "调整海关现行党建工作管理体制"),
    ("（三）加强风险管理队伍建设。", "加强风险管理队伍建设"),
    ("1. 完善电子口岸联网；推动互联互通", "完善电子口岸联网"),
    ("（二）加大统筹力度", "加大统筹力度"),
])
def test_heading_of(text, expected):
    assert heading_of(text) == expected


@pytest.fixture(scope="module")
def essay1(seed_compilation):
    return seed_compilation.essays[0].body


def test_seed_essay_1_has_five_proposals(essay1):
    got = props(essay1)
    assert [p.order for p in got] == [1, 2, 3, 4, 5]
    assert [p.marker for p in got] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert got[0].heading == "调整海关现行党建工作管理体制"
    assert [p.heading for p in got[1:]] == ["加大总署对全国海关党建工作的统筹力度", "切实发挥政治机关的职能作用",
                                           "加大党务知识和党务干部培训力度", "加大对党建工作的检查考核力度"]
    assert got[0].text.startswith("调整海关现行党建工作管理体制。建立与行政垂直管理体制相对应的党建工作管理体制")
    assert got[1].lines.as_list() == [274, 276]  # rejoined across the page break
    assert got[1].text.endswith("确保海关党建工作的健康发展。")
    assert all("党建" in p.concepts for p in got)
    assert "考核" in got[4].concepts and "党务工作" in got[3].concepts and "一岗双责" in got[3].concepts


def test_seed_proposals_do_not_depend_on_paragraph_levels(essay1):
    flat = dataclasses.replace(essay1, paragraphs=tuple(dataclasses.replace(p, level=0, marker="")
                                                        for p in essay1.paragraphs))
    assert props(flat) == props(essay1)


def test_cut_off_essay_without_a_proposal_section_has_none(seed_compilation):
    body = seed_compilation.essays[1].body
    assert body.truncated
    assert props(body) == ()
    assert props(dataclasses.replace(body, truncated=False)) == ()  # its one section has no numbered items


def test_fixture_proposals_under_a_countermeasures_heading():
    _, body = body_from_fixture("body_dajianguan.txt", first_line=500)
    got = props(body)
    assert [(p.order, p.marker, p.heading) for p in got] == [
        (1, "（一）", "建立统一的风险分析中心"),
        (2, "（二）", "完善企业分类管理"),
        (3, "（三）", "加强风险管理队伍建设"),
        (4, "（四）", "健全考核评价机制"),
    ]
    third = got[2]
    assert third.lines.as_list() == [511, 512]  # its heading line and the paragraph under it
    assert third.text == "加强风险管理队伍建设。\n开展风险分析专业培训，培养一支懂业务、会分析的专业队伍。"
    assert "总之" not in got[3].text  # the closing paragraph is not part of the last item
    assert got[3].lines.as_list() == [513, 513]
    assert got[0].concepts[:2] == ("风险分析", "通关") and "大监管体系" in got[0].concepts
    assert "两大风险" in got[3].concepts


def test_fixture_proposals_numbered_with_digits():
    _, body = body_from_fixture("body_wuzhihua.txt", first_line=600)
    got = props(body)
    assert [(p.marker, p.heading) for p in got] == [
        ("1.", "完善电子口岸联网"), ("2.", "规范电子数据管理"), ("3.", "加强风险分析")]
    assert got[0].lines.as_list() == [606, 606]
    assert got[2].lines.as_list() == [608, 608]  # 三、结束语 is a section of its own, not part of item 3
    assert "信息安全" in got[1].concepts


def test_fixture_falls_back_to_the_last_numbered_section():
    _, body = body_from_fixture("body_fallback.txt", first_line=700)
    got = props(body)
    assert [p.heading for p in got] == ["强化源头管理", "完善统计监测预警"]
    assert got[1].concepts == ("海关统计", "监测预警")


def test_items_outside_the_proposal_section_are_not_proposals():
    body = body_from_lines([
        (1, "一、存在的问题"), (2, "（一）认识不到位。"), (3, "（二）机制不健全。"),
        (4, "二、原因"), (5, "（一）体制原因。"),
        (6, "三、几点建议"), (7, "（一）加强稽查。"), (8, "（二）强化缉私。"),
        (9, "四、措施保障"), (10, "1. 加大预算投入。"),
    ])
    assert [(p.order, p.heading, p.lines.start) for p in props(body)] == [
        (1, "加强稽查", 7), (2, "强化缉私", 8), (3, "加大预算投入", 10)]


def test_unnumbered_heading_section():
    body = body_from_lines([(1, "随着形势发展，问题日益突出。"), (2, "对策建议"), (3, "1. 完善舱单管理。"),
                            (4, "2. 加强统计分析。")], levels=False)
    assert [p.heading for p in props(body)] == ["完善舱单管理", "加强统计分析"]


def test_body_without_sections_has_no_proposals():
    assert props(body_from_lines([(1, "只有一段文字。"), (2, "又一段。")])) == ()


ITEM = st.sampled_from(["（一）加强稽查。", "（二）强化缉私。", "1. 加大投入。", "一般的段落，没有编号。", "二、对策", "一、现状"])


@given(st.lists(ITEM, min_size=1, max_size=10))
def test_proposal_properties(texts):
    body = body_from_lines([(i + 1, t) for i, t in enumerate(texts)])
    got = props(body)
    assert [p.order for p in got] == list(range(1, len(got) + 1))
    starts = [p.lines.start for p in got]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for p in got:
        assert p.marker and not p.text.startswith(p.marker)
        assert p.heading and p.text.startswith(p.heading)
        assert body.lines.start <= p.lines.start <= p.lines.end <= body.lines.end


def test_second_level_sections_with_a_closing_heading():
    body = body_from_lines([(1, "引言。"), (2, "（一）现状"), (3, "1. 问题很多。"), (4, "（二）对策"),
                            (5, "1. 完善预算管理。"), (6, "2. 加强资产管理。"), (7, "结束语"), (8, "1. 不是建议。")])
    got = props(body)
    assert [(p.marker, p.heading, p.lines.as_list()) for p in got] == [
        ("1.", "完善预算管理", [5, 5]), ("2.", "加强资产管理", [6, 6])]
    assert got[0].concepts == ("预算管理",)
