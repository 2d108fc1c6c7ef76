"""Contents lines → entry records, for every layout the seed and its neighbours use."""

import pytest

from xianjice.extract.toc import classify, parse_contents, split_byline

CASES = [
    # (lines of one entry, title, unit names, authors, page)
    (["- 改革办案模式 防范两大风险", "..... 北京海关 王绍波 / 7"], "改革办案模式 防范两大风险", ["北京海关"], ["王绍波"], 7),
    (["- 改革办案模式 防范两大风险", "… 北京海关 王绍波 / 7"], "改革办案模式 防范两大风险", ["北京海关"], ["王绍波"], 7),
    (["- 改革办案模式 防范两大风险", "…… 北京海关 王绍波 ／7"], "改革办案模式 防范两大风险", ["北京海关"], ["王绍波"], 7),
    (["改革办案模式 防范两大风险", "北京海关 王绍波 / 7"], "改革办案模式 防范两大风险", ["北京海关"], ["王绍波"], 7),
    (["- 改革办案模式 防范两大风险 .......... 北京海关 王绍波 / 7"], "改革办案模式 防范两大风险", ["北京海关"], ["王绍波"], 7),
    (["- 完善税收考核指标体系，促进科学征管", "..... 广州海关 谭 武 黄燕鹏 石艳芬 / 35"],
     "完善税收考核指标体系，促进科学征管", ["广州海关"], ["谭武", "黄燕鹏", "石艳芬"], 35),
    (["- 完善税收考核指标体系，促进科学征管", "..... 广州海关 谭\u3000武 黄燕鹏 / 35"],
     "完善税收考核指标体系，促进科学征管", ["广州海关"], ["谭武", "黄燕鹏"], 35),
    (["- 科学管理，科学用人，促进海关科学发展", "..... 江门海关 梁剑青 孙 英 / 58"],
     "科学管理，科学用人，促进海关科学发展", ["江门海关"], ["梁剑青", "孙英"], 58),
    (["- 完善海关系统党组织管理体制，促进海关党建工作科学发展的", "几点思考 广东分署政工办 / 1"],
     "完善海关系统党组织管理体制，促进海关党建工作科学发展的几点思考", ["广东分署政工办"], [], 1),
    (["- 正确理解和处理国家区域发展战略与有效发挥海关职能的", " 关系, 扮演好服务促进角色 重庆海关课题组 / 302"],
     "正确理解和处理国家区域发展战略与有效发挥海关职能的关系, 扮演好服务促进角色", ["重庆海关课题组"], [], 302),
    (["- 推进通关无纸化改革,在“管得住”的前提下实现“通得快”", " 的再思考 上海海关 梁丹虹 戴倩 蒋雪敏 / 150"],
     "推进通关无纸化改革,在“管得住”的前提下实现“通得快”的再思考", ["上海海关"], ["梁丹虹", "戴倩", "蒋雪敏"], 150),
    (["- 建议依托海关网络平台拓展海关思想文化宣传的新领域", " ... 宁波海关“创新运用网络平台开展思想文化建设”课题组 / 192"],
     "建议依托海关网络平台拓展海关思想文化宣传的新领域", ["宁波海关“创新运用网络平台开展思想文化建设”课题组"], [], 192),
    (["- 优化海关督办工作机制 推动领导决策全面贯彻落实", " 总署办公厅秘书二处、署长办 / 330"],
     "优化海关督办工作机制 推动领导决策全面贯彻落实", ["总署办公厅秘书二处", "署长办"], [], 330),
    (["- 以科学发展观为指引, 积极推动电子通关应急指挥调度工作", " 全面协调发展 信息中心 (电子通关中心) / 336"],
     "以科学发展观为指引, 积极推动电子通关应急指挥调度工作全面协调发展", ["信息中心 (电子通关中心)"], [], 336),
    (["- 对深化企业分类管理的几点建议", " 大连海关 关 颖 / 140"], "对深化企业分类管理的几点建议", ["大连海关"], ["关颖"], 140),
    (["- 发挥风险管理中心环节作用,努力构建适应科学发展要求的", " 海关大监管体系 南京海关风险管理处 / 175"],
     "发挥风险管理中心环节作用,努力构建适应科学发展要求的海关大监管体系", ["南京海关风险管理处"], [], 175),
    (["- 建立以舱单为主线的监管体系,实现对货物信息的有效监控", " 福州海关 / 209"],
     "建立以舱单为主线的监管体系,实现对货物信息的有效监控", ["福州海关"], [], 209),
    # neighbours of the seed's layouts: other units, other customs
    (["1. 关于厦门关区查验模式的思考 ……厦门海关查验处 陈 明 / 12"], "关于厦门关区查验模式的思考", ["厦门海关查验处"], ["陈明"], 12),
    (["- 深化区域通关改革", "的实践与思考 青岛海关 李小红 王 刚 ／ 88"], "深化区域通关改革的实践与思考", ["青岛海关"], ["李小红", "王刚"], 88),
    # many volumes paged on: five-digit pages
    (["- 深化区域通关改革", "..... 青岛海关 李小红 / 12345"], "深化区域通关改革", ["青岛海关"], ["李小红"], 12345),
]


@pytest.mark.parametrize("lines, title, units, authors, page", CASES)
def test_entry(lines, title, units, authors, page):
    result = parse_contents(lines, 0)
    assert result.unplaced == ()
    (entry,) = result.entries
    assert entry.title == title
    assert [u.name for u in entry.units] == units
    assert list(entry.authors) == authors
    assert entry.page == page
    assert entry.lines.start == 1 and entry.lines.end == len(lines)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("一等奖", "tier"),
        ("二等奖（40篇）", "tier"),
        ("一、一等奖征文", "tier"),
        ("第二部分：二等奖作品", "tier"),
        ("特等奖获奖作品（共3篇）", "tier"),
        ("附:", "appendix"),
        ("附：", "appendix"),
        ("目 录", "contents"),
        ("开 本: 787mm×1092mm 1/16", "text"),
        ("..... 北京海关 王绍波 / 7", "entry-end"),
        ("- 改革办案模式 防范两大风险", "text"),
        ("", "blank"),
    ],
)
def test_classify(line, kind):
    assert classify(line).kind == kind


def test_appendix_entries_take_bare_page_numbers():
    lines = [
        "- 甲文章标题很长的一篇 ..... 北京海关 王绍波 / 7",
        "附:",
        "- 海关总署关于开展“我为海关工作献计策” 征文活动的通知",
        " 343",
        "- 海关总署学习实践活动领导小组办公室关于“我为海关工作献计策”",
        " 征文评选结果的通报 345",
    ]
    result = parse_contents([line.strip() for line in lines], 0)
    assert [(a.title, a.page) for a in result.appendix] == [
        ("海关总署关于开展“我为海关工作献计策” 征文活动的通知", 343),
        ("海关总署学习实践活动领导小组办公室关于“我为海关工作献计策”征文评选结果的通报", 345),
    ]
    assert len(result.entries) == 1


def test_tier_headings_are_kept_with_entries():
    lines = ["一等奖", "- 甲乙丙丁 ..... 北京海关 王绍波 / 7", "二等奖", "- 戊己庚辛 ..... 天津海关 李四 / 9"]
    result = parse_contents(lines, 0)
    assert [e.heading for e in result.entries] == ["一等奖", "二等奖"]


def test_stray_line_inside_contents_is_reported_with_its_line_number():
    lines = ["- 甲乙丙丁 ..... 北京海关 王绍波 / 7", "这一行不属于任何条目", "一等奖", "- 戊己庚辛 ..... 天津海关 李四 / 9"]
    result = parse_contents(lines, 0)
    assert result.unplaced == ((2, "这一行不属于任何条目"),)
    assert len(result.entries) == 2


def test_wrapped_title_without_unit_is_not_a_unit():
    result = parse_contents(["- 完善海关系统党组织管理体制，促进海关党建工作科学发展的", "几点思考 / 1"], 0)
    (entry,) = result.entries
    assert entry.title == "完善海关系统党组织管理体制，促进海关党建工作科学发展的几点思考"
    assert entry.units == () and entry.authors == ()
    assert any("no authoring unit" in w for w in result.warnings)


def test_split_byline_without_author_or_leader():
    assert split_byline("总署办公厅秘书处", title_before=True) == ("", "总署办公厅秘书处", [])
