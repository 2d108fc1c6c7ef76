"""The China Customs gazetteer: bundled data, lookups, order, bad files."""

import pytest

from xianjice.errors import LexiconError, XianjiceError
from xianjice.extract.gazetteer import UNKNOWN_ORDER, Gazetteer, load_gazetteer, parse_gazetteer
from xianjice.extract.records import Organisation
from xianjice.extract.units import parse_units

# the 直属海关 in the customs system's usual order
DIRECT_CUSTOMS = [
    "北京", "天津", "石家庄", "太原", "满洲里", "呼和浩特", "沈阳", "大连", "长春", "哈尔滨", "上海", "南京", "杭州",
    "宁波", "合肥", "福州", "厦门", "南昌", "青岛", "济南", "郑州", "武汉", "长沙", "广州", "黄埔", "深圳", "拱北",
    "汕头", "海口", "湛江", "江门", "南宁", "成都", "重庆", "贵阳", "昆明", "拉萨", "西安", "乌鲁木齐", "兰州", "银川",
    "西宁",
]

HEADER = "name,kind,parent,aliases,city,province,order,english\n"


@pytest.fixture(scope="module")
def g():
    return load_gazetteer()


def test_direct_customs_complete_and_in_order(g):
    customs = [o for o in g.organisations if o.kind == "customs"]
    assert [o.name for o in customs] == [f"{c}海关" for c in DIRECT_CUSTOMS]
    assert all(o.parent == "海关总署" and o.city and o.province and o.english.endswith("Customs") for o in customs)


@pytest.mark.parametrize("name, canonical, path", [
    ("总署", "海关总署", ("海关总署",)),
    ("海关总署", "海关总署", ("海关总署",)),
    ("加贸司", "加工贸易及保税监管司", ("海关总署", "加工贸易及保税监管司")),
    ("科技司", "科技发展司", ("海关总署", "科技发展司")),
    ("国际司", "国际合作司", ("海关总署", "国际合作司")),
    ("督审司", "督察内审司", ("海关总署", "督察内审司")),
    ("海关总署缉私局", "缉私局", ("海关总署", "缉私局")),
    ("驻署监察局", "驻海关总署监察局", ("海关总署", "驻海关总署监察局")),
    ("署长办", "署长办公室", ("海关总署", "署长办公室")),
    ("信息中心", "全国海关信息中心", ("海关总署", "全国海关信息中心")),
    ("电子通关中心", "全国海关信息中心", ("海关总署", "全国海关信息中心")),
    ("秦皇岛关校", "秦皇岛海关学校", ("海关总署", "秦皇岛海关学校")),
    ("广州关校", "广州海关学校", ("海关总署", "广州海关学校")),
    ("广东分署", "广东分署", ("海关总署", "广东分署")),
    ("乌鲁木齐海关", "乌鲁木齐海关", ("海关总署", "乌鲁木齐海关")),
])
def test_names_and_aliases(g, name, canonical, path):
    assert g.get(name).name == canonical
    assert g.path(name) == path
    assert g.get(name).path == path


def test_unknown_name(g):
    assert g.get("星星公司") is None
    with pytest.raises(KeyError):
        g.path("星星公司")


@pytest.mark.parametrize("text, name, length", [
    ("上海海关学院", "上海海关学院", 6),
    ("上海海关归类分中心", "上海海关", 4),
    ("总署办公厅", "海关总署", 2),
    ("海关总署缉私局", "缉私局", 7),
    ("驻署监察局一室", "驻海关总署监察局", 5),
    ("秦皇岛关校 钟钊", "秦皇岛海关学校", 5),
])
def test_match_prefix_longest(g, text, name, length):
    org, n = g.match_prefix(text)
    assert (org.name, n) == (name, length)


@pytest.mark.parametrize("text", ["", "海关", "海关大监管体系", "几点思考", "秦皇岛海关"])
def test_match_prefix_none(g, text):
    assert g.match_prefix(text) is None


def test_match_child_stays_under_parent(g):
    assert g.match_child("海关总署", "办公厅秘书处")[0].name == "办公厅"
    assert g.match_child("南京海关", "缉私局") is None
    assert g.match_child("海关总署", "一室") is None


def test_children(g):
    names = [o.name for o in g.children("总署")]
    assert names[:4] == ["广东分署", "天津特派办", "上海特派办", "北京海关"]
    assert "加工贸易及保税监管司" in names and names[-1] == "机关服务中心"
    assert g.children("北京海关") == () and g.children("星星公司") == ()


def test_organisations_sorted_by_order_then_name(g):
    keys = [(o.order, o.name) for o in g.organisations]
    assert keys == sorted(keys)
    assert g.organisations[0].name == "海关总署" and g.root.name == "海关总署"
    assert len({o.name for o in g.organisations}) == len(g.organisations)


def test_kinds_follow_the_usual_order(g):
    """广东分署 first, then the 直属海关, schools, departments, 驻署监察局, centres."""
    blocks = {"regional": 1, "customs": 2, "school": 3, "department": 4}
    ranks = []
    for o in g.organisations[1:]:
        if o.name == "驻海关总署监察局":
            ranks.append(5)
        elif o.kind == "centre":
            ranks.append(6)
        else:
            ranks.append(blocks.get(o.kind, 4))
    assert ranks == sorted(ranks)


# the authoring units of the seed's table of contents, tier by tier, in print order
TIER_1 = [
    "广东分署政工办", "北京海关", "大连海关", "长春海关", "上海海关", "长沙海关", "广州海关", "拱北海关综合统计处",
    "海口海关", "江门海关", "南宁海关", "重庆海关", "成都海关", "秦皇岛关校", "总署办公厅秘书处", "总署加贸司",
    "总署科技司", "总署国际司", "总署督审司", "驻署监察局一室",
]
TIER_2 = [
    "广东分署缉私局办公室", "广东分署监审室", "天津海关", "大连海关", "上海海关归类分中心课题组", "上海海关", "上海海关",
    "南京海关法规处", "南京海关风险管理处", "南京海关缉私局", "杭州海关综合统计处", "宁波海关",
    "宁波海关“创新运用网络平台开展思想文化建设”课题组", "宁波海关", "合肥海关", "福州海关", "福州海关", "福州海关",
    "南昌海关", "郑州海关", "长沙海关监管通关处", "长沙海关", "广州海关风险管理处", "黄埔海关机关服务中心",
    "深圳海关信息安全管理科", "深圳海关", "拱北海关", "拱北海关", "汕头海关", "湛江海关", "江门海关", "南宁海关",
    "成都海关", "重庆海关课题组", "乌鲁木齐海关", "总署办公厅政信处", "总署办公厅口岸三处", "总署办公厅秘书二处、署长办",
    "驻署监察局", "信息中心 (电子通关中心)",
]


def _keys(g, units):
    return [g.order_key(parse_units(u, gazetteer=g)[0].path) for u in units]


def test_order_reproduces_the_seed_tier_2(g):
    keys = _keys(g, TIER_2)
    assert keys == sorted(keys)


def test_order_in_seed_tier_1_except_chongqing_before_chengdu(g):
    keys = _keys(g, TIER_1)
    drops = [TIER_1[i + 1] for i in range(len(keys) - 1) if keys[i + 1] < keys[i]]
    assert drops == ["成都海关"]  # the book prints 重庆 (p.81) before 成都 (p.85) in tier 1 only


def test_order_restarts_at_the_tier_boundary(g):
    keys = _keys(g, TIER_1 + TIER_2)
    assert keys[len(TIER_1)] < keys[len(TIER_1) - 1]


@pytest.mark.parametrize("path, key", [
    (("海关总署",), (0,)),
    (("海关总署", "广东分署", "政工办"), (0, 10)),
    (("海关总署", "广东分署", "缉私局", "办公室"), (0, 10)),
    (("海关总署", "南京海关", "缉私局"), (0, 112)),  # not the headquarters' 缉私局
    (("海关总署", "某某海关", "课题组"), (0, UNKNOWN_ORDER)),
    (("海关总署", "缉私局"), (0, 308)),
    (("星星公司", "研究室"), (UNKNOWN_ORDER,)),
    ((), ()),
])
def test_order_key(g, path, key):
    assert g.order_key(path) == key


def test_bundled_is_cached(g):
    assert load_gazetteer() is g
    assert load_gazetteer(None) is g


def test_user_file_and_tsv(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text("name\tkind\tparent\taliases\tcity\tprovince\torder\tenglish\n"
                 "# comment\n\n总署\theadquarters\t\t\t北京\t\t0\tHQ\n甲海关\tcustoms\t总署\t甲关\t\t\t5\t\n",
                 encoding="utf-8")
    g = load_gazetteer(p)
    assert isinstance(g, Gazetteer)
    assert g.path("甲关") == ("总署", "甲海关")
    assert g.get("总署").english == "HQ" and g.get("甲海关").order == 5 and g.get("甲海关").city is None
    assert g.source == str(p)


BAD = [
    (HEADER + "总署,headquarters,,,,,zero,\n", 2, "order"),
    (HEADER + "总署,headquarters,,,,,0,\n甲,customs,乙,,,,1,\n", 3, "unknown parent"),
    (HEADER + "总署,headquarters,,,,,0,\n甲,customs,总署,总署,,,1,\n", 3, "already"),
    (HEADER + "总署,headquarters,,,,,0,\n总署,customs,,,,,1,\n", 3, "already"),
    (HEADER + "总署,headquarters,,,,,0,\n甲,kingdom,总署,,,,1,\n", 3, "unknown kind"),
    (HEADER + "总署,headquarters,,,,,0,\n,customs,总署,,,,1,\n", 3, "empty name"),
    (HEADER + "总署,headquarters,,,,0,\n", 2, "fields"),
    (HEADER + "总署,headquarters,,总署,,,0,\n", 2, "own alias"),
    ("name,kind,parent\n总署,headquarters,\n", 1, "header lacks"),
]


@pytest.mark.parametrize("text, line, problem", BAD)
def test_bad_file_names_file_and_line(tmp_path, text, line, problem):
    p = tmp_path / "bad.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_gazetteer(p)
    message = str(info.value)
    assert message.startswith(f"{p}, line {line}: ")
    assert problem in message
    assert "\n" not in message


def test_cycle(tmp_path):
    p = tmp_path / "cycle.csv"
    p.write_text(HEADER + "甲,customs,乙,,,,1,\n乙,customs,甲,,,,2,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="cycle"):
        load_gazetteer(p)


@pytest.mark.parametrize("content", [None, b"\xff\xfe\x00name", b""])
def test_unreadable_file(tmp_path, content):
    p = tmp_path / "g.csv"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(XianjiceError) as info:
        load_gazetteer(p)
    assert isinstance(info.value, LexiconError) and str(p) in str(info.value)


def test_from_organisations_rejects_duplicates():
    orgs = [Organisation("甲", "headquarters", aliases=("乙",)), Organisation("丙", "customs", "甲", aliases=("乙",))]
    with pytest.raises(LexiconError, match="乙"):
        Gazetteer.from_organisations(orgs)


def test_parse_gazetteer_fills_paths():
    g = parse_gazetteer(HEADER + "总署,headquarters,,,,,0,\n甲,customs,总署,,,,1,\n乙,section,甲,,,,,\n", source="t")
    assert g.get("乙").path == ("总署", "甲", "乙")
    assert g.get("乙").order is None
    assert [o.name for o in g.organisations] == ["总署", "甲", "乙"]
