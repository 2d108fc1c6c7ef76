import pytest

from analysis_helpers import body_from_fixture, body_from_lines
from xianjice.extract.gazetteer import Gazetteer, load_gazetteer
from xianjice.extract.mentions import mentions, organisations, persons
from xianjice.extract.records import Organisation


@pytest.mark.parametrize(("text", "expected"), [
    ("盛光祖署长指出", [("盛光祖", "署长")]),
    ("正如鲁培军主任在讲话中所指", [("鲁培军", "主任")]),
    ("张华副主任和李明同志", [("张华", "副主任"), ("李明", "同志")]),
    ("欧阳明远副关长主持会议", [("欧阳明远", "副关长")]),
    ("王国强处长说", [("王国强", "处长")]),
    ("政治部主任由副关长兼任", []),
    ("各直属海关关长、副关长", []),
    ("直属机关党委书记", []),
    ("机关党组书记", []),
    ("常务副署长", []),
    ("王署长", []),  # a surname alone is not a name
])
def test_persons(text, expected):
    assert [(name, title) for name, title, _ in persons(text)] == expected


GAZ = load_gazetteer()


@pytest.mark.parametrize(("text", "expected"), [
    ("北京缉私局即属于这种情况", [("北京缉私局", ("海关总署", "北京海关", "缉私局"))]),
    ("南京海关缉私局与上海海关", [("南京海关缉私局", ("海关总署", "南京海关", "缉私局")),
                                ("上海海关", ("海关总署", "上海海关"))]),
    ("总署机关和各直属海关", [("海关总署", ("海关总署",))]),
    ("海关总署政治部", [("政治部", ("海关总署", "政治部"))]),
    ("各关政治部、机关党委", []),  # generic departments alone are not mentions
    ("总署加贸司", [("加工贸易及保税监管司", ("海关总署", "加工贸易及保税监管司"))]),
    ("加贸司", [("加工贸易及保税监管司", ("海关总署", "加工贸易及保税监管司"))]),
    ("秦皇岛关校", [("秦皇岛海关学校", ("海关总署", "秦皇岛海关学校"))]),
    ("某公司", []),
])
def test_organisations(text, expected):
    assert [(name, path) for name, path, _ in organisations(text, GAZ)] == expected


def test_seed_essay_2_mentions(seed_compilation):
    body = seed_compilation.essays[1].body
    assert body.subtitle == "关于海关缉私局刑事执法职能调整的探讨"
    found = {(m.kind, m.name): m for m in mentions(body)}
    leader = found[("person", "盛光祖")]
    assert (leader.title, leader.count, leader.first_line, leader.path) == ("署长", 1, 290, ())
    for place in ("北京", "大连", "黄埔"):
        org = found[("organisation", f"{place}缉私局")]
        assert org.path == ("海关总署", f"{place}海关", "缉私局")
        assert org.first_line == 294
    assert ("person", "王绍波") not in found  # the author is not a mention


def test_seed_essay_1_mentions(seed_compilation):
    found = {(m.kind, m.name): m for m in mentions(seed_compilation.essays[0].body)}
    assert found[("person", "鲁培军")].title == "主任"
    assert found[("organisation", "海关总署")].count >= 10
    assert ("organisation", "广东分署") not in found  # only in the byline
    people = [m.name for m in found.values() if m.kind == "person"]
    assert people == ["鲁培军"]


def test_mentions_are_in_order_of_appearance_with_counts():
    body = body_from_lines([(5, "盛光祖署长到北京海关调研。"), (7, "北京海关和盛光祖署长。")])
    got = [(m.kind, m.name, m.count, m.first_line) for m in mentions(body, gazetteer=GAZ)]
    assert got == [("person", "盛光祖", 2, 5), ("organisation", "北京海关", 2, 5)]


def test_organisation_missing_from_the_gazetteer_is_not_invented():
    small = Gazetteer.from_organisations([
        Organisation("海关总署", "headquarters"),
        Organisation("北京海关", "customs", parent="海关总署"),
    ])
    body = body_from_lines([(1, "北京缉私局、黄埔缉私局和黄埔海关。")])
    got = [(m.name, m.path) for m in mentions(body, gazetteer=small)]
    assert got == [("北京缉私局", ("海关总署", "北京海关", "缉私局"))]


def test_fixture_mentions():
    _, body = body_from_fixture("body_dajianguan.txt", first_line=500)
    got = {(m.kind, m.name): m for m in mentions(body)}
    assert got[("person", "盛光祖")].title == "署长"
    assert got[("person", "张志强")].title == "处长"
    assert got[("organisation", "南京海关缉私局")].path == ("海关总署", "南京海关", "缉私局")
    assert got[("organisation", "风险管理司")].path == ("海关总署", "风险管理司")
    assert ("organisation", "上海海关") in got and ("organisation", "海关总署") in got
    assert ("organisation", "南京海关") not in got  # only in the byline and inside 南京海关缉私局
    _, body = body_from_fixture("body_fallback.txt", first_line=700)
    got = {(m.kind, m.name): m for m in mentions(body)}
    assert got[("person", "刘伟")].title == "副关长"
    assert ("organisation", "杭州海关") in got
