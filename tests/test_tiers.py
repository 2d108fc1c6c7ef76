"""Tiers stated by the book: headings in the contents and results lists in their usual forms."""

import pytest

from xianjice.extract.book import extract_compilation

CONTENTS = """序

共收到10个海关单位报送的征文30篇。

{h1}

- 关于海关大监管体系建设的思考
..... 北京海关 王绍波 / 1

{h2}

- 改革办案模式 防范两大风险
..... 天津海关 李 明 / 9
"""


@pytest.mark.parametrize("h1, h2", [("一等奖", "二等奖"), ("一、一等奖征文", "二、二等奖征文"),
                                    ("第一部分：一等奖作品", "第二部分：二等奖作品"), ("一等奖（1篇）", "二等奖（1篇）")])
def test_contents_headings_state_tiers(h1, h2):
    c = extract_compilation(CONTENTS.format(h1=h1, h2=h2), source="h.txt")
    assert [e.entry.title for e in c.essays] == ["关于海关大监管体系建设的思考", "改革办案模式 防范两大风险"]
    assert [e.tier.label for e in c.essays] == ["一等奖", "二等奖"]
    assert all(e.tier.source.startswith("stated: heading") for e in c.essays)
    assert c.unparsed == ()


RESULTS = """
关于海关大监管体系建设的思考

北京海关 王绍波

正文第一段。

改革办案模式 防范两大风险

天津海关 李明

正文第一段。

海关总署关于征文评选结果的通报

一等奖
{first}
二等奖
{second}
"""


@pytest.mark.parametrize("first, second", [
    ("1.《关于海关大监管体系建设的思考》（北京海关 王绍波）", "1.《改革办案模式 防范两大风险》（天津海关 李明）"),
    ("北京海关：《关于海关大监管体系建设的思考》", "天津海关：《改革办案模式 防范两大风险》"),
    ("关于海关大监管体系建设的思考 北京海关 王绍波", "“改革办案模式 防范两大风险” 天津海关"),
])
def test_results_list_in_its_usual_forms(first, second):
    text = CONTENTS.format(h1="", h2="") + RESULTS.format(first=first, second=second)
    c = extract_compilation(text, source="r.txt")
    assert [e.tier.label for e in c.essays] == ["一等奖", "二等奖"]
    assert all(e.tier.source.startswith("stated: results list") for e in c.essays)


def test_a_results_list_naming_no_essay_is_reported():
    text = CONTENTS.format(h1="", h2="") + RESULTS.format(first="《别的文章》", second="《另一篇》")
    c = extract_compilation(text, source="r.txt")
    assert [e.tier.rank for e in c.essays] == [None, None]
    assert any("none of its lines names an essay" in w for w in c.warnings)
