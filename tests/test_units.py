"""Printed authoring units → hierarchy paths; unit-shaped tokens; derived organisations."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xianjice.extract.gazetteer import load_gazetteer, parse_gazetteer
from xianjice.extract.records import UnitRef
from xianjice.extract.units import derived_organisations, kind_of, looks_like_unit, parse_units, split_parts, split_suffixes

HQ = "海关总署"

# every unit string of the seed's table of contents (checked by hand), then made-up ones
SEED = [
    ("广东分署政工办", [(HQ, "广东分署", "政工办")]),
    ("北京海关", [(HQ, "北京海关")]),
    ("拱北海关综合统计处", [(HQ, "拱北海关", "综合统计处")]),
    ("秦皇岛关校", [(HQ, "秦皇岛海关学校")]),
    ("总署办公厅秘书处", [(HQ, "办公厅", "秘书处")]),
    ("总署加贸司", [(HQ, "加工贸易及保税监管司")]),
    ("总署科技司", [(HQ, "科技发展司")]),
    ("总署国际司", [(HQ, "国际合作司")]),
    ("总署督审司", [(HQ, "督察内审司")]),
    ("驻署监察局一室", [(HQ, "驻海关总署监察局", "一室")]),
    ("广东分署缉私局办公室", [(HQ, "广东分署", "缉私局", "办公室")]),
    ("广东分署监审室", [(HQ, "广东分署", "监审室")]),
    ("天津海关", [(HQ, "天津海关")]),
    ("上海海关归类分中心课题组", [(HQ, "上海海关", "归类分中心", "课题组")]),
    ("南京海关法规处", [(HQ, "南京海关", "法规处")]),
    ("南京海关风险管理处", [(HQ, "南京海关", "风险管理处")]),
    ("南京海关缉私局", [(HQ, "南京海关", "缉私局")]),
    ("杭州海关综合统计处", [(HQ, "杭州海关", "综合统计处")]),
    ("宁波海关“创新运用网络平台开展思想文化建设”课题组",
     [(HQ, "宁波海关", "“创新运用网络平台开展思想文化建设”课题组")]),
    ("合肥海关", [(HQ, "合肥海关")]),
    ("福州海关", [(HQ, "福州海关")]),
    ("长沙海关监管通关处", [(HQ, "长沙海关", "监管通关处")]),
    ("广州海关风险管理处", [(HQ, "广州海关", "风险管理处")]),
    ("黄埔海关机关服务中心", [(HQ, "黄埔海关", "机关服务中心")]),
    ("深圳海关信息安全管理科", [(HQ, "深圳海关", "信息安全管理科")]),
    ("重庆海关课题组", [(HQ, "重庆海关", "课题组")]),
    ("乌鲁木齐海关", [(HQ, "乌鲁木齐海关")]),
    ("总署办公厅政信处", [(HQ, "办公厅", "政信处")]),
    ("总署办公厅口岸三处", [(HQ, "办公厅", "口岸三处")]),
    ("总署办公厅秘书二处、署长办", [(HQ, "办公厅", "秘书二处"), (HQ, "署长办公室")]),
    ("驻署监察局", [(HQ, "驻海关总署监察局")]),
    ("信息中心 (电子通关中心)", [(HQ, "全国海关信息中心")]),
]
MADE_UP = [
    ("厦门海关稽查处", [(HQ, "厦门海关", "稽查处")]),
    ("青岛海关缉私局侦查处", [(HQ, "青岛海关", "缉私局", "侦查处")]),
    ("总署监管司", [(HQ, "监管司")]),
    ("海关总署缉私局", [(HQ, "缉私局")]),
    ("海关总署广东分署", [(HQ, "广东分署")]),
    ("总署", [(HQ,)]),
    ("上海海关学院", [(HQ, "上海海关学院")]),
    ("广州关校", [(HQ, "广州海关学校")]),
    ("信息中心（电子通关中心）", [(HQ, "全国海关信息中心")]),
    ("(电子通关中心)", [(HQ, "全国海关信息中心")]),
    ("  北京海关  ", [(HQ, "北京海关")]),
    ("上海海关浦东海关查验科", [(HQ, "上海海关", "浦东海关", "查验科")]),
    ("天津海关办公室秘书科", [(HQ, "天津海关", "办公室", "秘书科")]),
    ("南京海关法规处、风险管理处", [(HQ, "南京海关", "法规处"), (HQ, "南京海关", "风险管理处")]),
    ("南京海关法规处、缉私局", [(HQ, "南京海关", "法规处"), (HQ, "南京海关", "缉私局")]),
    ("总署办公厅、加贸司", [(HQ, "办公厅"), (HQ, "加工贸易及保税监管司")]),
    ("北京海关、天津海关", [(HQ, "北京海关"), (HQ, "天津海关")]),
    ("宁波海关“制度、教育”课题组", [(HQ, "宁波海关", "“制度、教育”课题组")]),
    ("深圳海关风险处置中心", [(HQ, "深圳海关", "风险处置中心")]),
]
UNKNOWN = [
    ("某某海关课题组", [(HQ, "某某海关", "课题组")]),
    ("秦皇岛海关", [(HQ, "秦皇岛海关")]),
    ("中国海关杂志社", [(HQ, "中国海关杂志社")]),
    ("星星公司研究室", [("星星公司", "研究室")]),
    ("星星公司研究室、资料室", [("星星公司", "研究室"), ("星星公司", "资料室")]),
    ("某大学", [("某大学",)]),
    ("机关服务中心处", [(HQ, "机关服务中心", "处")]),  # gazetteer top: known
]


@pytest.mark.parametrize("text, paths", SEED + MADE_UP)
def test_known_units(text, paths):
    units = parse_units(text)
    assert [u.path for u in units] == paths
    assert all(u.known for u in units)
    assert [u.name for u in units] == split_parts(text)


@pytest.mark.parametrize("text, paths", UNKNOWN[:-1])
def test_unknown_units_kept(text, paths):
    units = parse_units(text)
    assert [u.path for u in units] == paths
    assert not any(u.known for u in units)


def test_known_flag_is_about_the_top():
    (u,) = parse_units(UNKNOWN[-1][0])
    assert u.known and u.path == UNKNOWN[-1][1][0]


def test_names_keep_the_printed_part():
    assert parse_units("信息中心 (电子通关中心)") == (UnitRef("信息中心 (电子通关中心)", (HQ, "全国海关信息中心")),)
    assert parse_units("") == () and parse_units(" 、 ") == ()


@pytest.mark.parametrize("text, segments", [
    ("归类分中心课题组", ["归类分中心", "课题组"]),
    ("缉私局办公室", ["缉私局", "办公室"]),
    ("办公室秘书科", ["办公室", "秘书科"]),
    ("一室", ["一室"]),
    ("驻香港办事处", ["驻香港办事处"]),
    ("风险处置中心", ["风险处置中心"]),
    ("科技处", ["科技处"]),
    ("党委办公室", ["党委办公室"]),
    ("“处、科、室”课题组", ["“处、科、室”课题组"]),
    ("研究", ["研究"]),
    ("处", ["处"]),
])
def test_split_suffixes(text, segments):
    assert split_suffixes(text) == segments


@pytest.mark.parametrize("token, expected", [
    ("上海海关", True),
    ("广东分署政工办", True),
    ("重庆海关课题组", True),
    ("秦皇岛关校", True),
    ("总署加贸司", True),
    ("驻署监察局一室", True),
    ("信息中心", True),
    ("(电子通关中心)", True),
    ("（电子通关中心）", True),
    ("宁波海关“创新运用网络平台开展思想文化建设”课题组", True),
    ("某某海关", True),
    ("星星公司研究室", True),
    ("厦门海关稽查处", True),
    ("谭武", False),
    ("谭", False),
    ("李科", False),
    ("王处", False),
    ("王建科", False),
    ("刘海局", False),
    ("监审室", False),  # a bare three-character sub-unit: too much like a name
    ("广东分署监审室", True),
    ("稽查一处", True),
    ("秘书二处", True),
    ("数字中心", True),
    ("把好国门第一关", False),
    ("几点思考", False),
    ("的再思考", False),
    ("海关大监管体系", False),
    ("全面协调发展", False),
    ("扮演好服务促进角色", False),
    ("关系,", False),
    ("(附件)", False),
    ("()", False),
    ("", False),
    ("/", False),
])
def test_looks_like_unit(token, expected):
    assert looks_like_unit(token) is expected


def test_derived_organisations():
    units = parse_units("广东分署缉私局办公室") + parse_units("青岛海关缉私局侦查处") + parse_units("拱北海关综合统计处") \
        + parse_units("星星公司研究室") + parse_units("拱北海关")
    orgs = derived_organisations(units)
    assert [o.path for o in orgs] == [
        (HQ,),
        (HQ, "广东分署"), (HQ, "广东分署", "缉私局"), (HQ, "广东分署", "缉私局", "办公室"),
        (HQ, "青岛海关"), (HQ, "青岛海关", "缉私局"), (HQ, "青岛海关", "缉私局", "侦查处"),
        (HQ, "拱北海关"), (HQ, "拱北海关", "综合统计处"),
        ("星星公司",), ("星星公司", "研究室"),
    ]
    by_path = {o.path: o for o in orgs}
    assert by_path[(HQ, "拱北海关")] == load_gazetteer().get("拱北海关")
    office = by_path[(HQ, "广东分署", "缉私局", "办公室")]
    assert (office.kind, office.parent, office.order, office.city) == ("office", "缉私局", None, None)
    assert by_path[(HQ, "青岛海关", "缉私局")].kind == "bureau"
    assert by_path[(HQ, "青岛海关", "缉私局", "侦查处")].kind == "section"
    assert (by_path[("星星公司",)].kind, by_path[("星星公司",)].parent) == ("company", None)


@pytest.mark.parametrize("name, kind", [
    ("一室", "section"), ("信息安全管理科", "section"), ("秘书二处", "section"), ("缉私分局", "bureau"),
    ("归类分中心", "centre"), ("政工办", "office"), ("办公室", "office"), ("课题组", "group"), ("某某海关", "customs"),
    ("某关校", "school"), ("资料", "unit"),
])
def test_derived_kinds(name, kind):
    assert kind_of(name) == kind
    orgs = derived_organisations(parse_units(f"总署{name}"))
    assert orgs[-1].path == (HQ, name) and orgs[-1].kind == kind


def test_derived_alias_from_parenthetical():
    orgs = derived_organisations(parse_units("星星中心 (月亮中心)"))
    assert [(o.name, o.aliases) for o in orgs] == [("星星中心", ("月亮中心",))]


def test_derived_deduplicated_and_deterministic():
    units = parse_units("南京海关法规处、缉私局") * 2
    a = derived_organisations(units)
    b = derived_organisations(tuple(reversed(units)))
    assert a == b
    assert len({o.path for o in a}) == len(a) == 4


def test_user_gazetteer_without_root():
    g = parse_gazetteer("name,kind,parent,aliases,city,province,order,english\n"
                        "甲海关,customs,,甲关,,,1,\n乙海关,customs,,,,,2,\n", source="t")
    assert parse_units("甲关稽查处", gazetteer=g) == (UnitRef("甲关稽查处", ("甲海关", "稽查处")),)
    assert parse_units("丙海关", gazetteer=g) == (UnitRef("丙海关", ("丙海关",), known=False),)
    assert looks_like_unit("乙海关", gazetteer=g) and not looks_like_unit("上海", gazetteer=g)


UNIT_CHARS = st.sampled_from(list("海关总署分署处科室局中心办课题组司厅部星月“”\"「」()（）、 ·.…") + ["上海海关", "驻署监察局", "信息中心"])
TEXT = st.one_of(st.text(max_size=30), st.lists(UNIT_CHARS, max_size=15).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_parse_units_never_raises_and_never_drops(text):
    units = parse_units(text)
    assert isinstance(units, tuple)
    assert [u.name for u in units] == split_parts(text)
    assert all(u.path and all(u.path) for u in units)
    derived_organisations(units)
    assert isinstance(looks_like_unit(text), bool)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="、“”‘’「」『』《》\"（）()"), max_size=8), max_size=5))
def test_every_part_is_a_unit_name(parts):
    units = parse_units("、".join(parts))
    assert [u.name for u in units] == [p.strip() for p in parts if p.strip()]
