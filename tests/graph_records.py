"""Hand-made compilations for the graph/RDF tests (no extractor involved).

Two small books laid out like the seed: units at three levels, an HQ
department, an unknown unit, homophone authors, one name in two units, a
person in both books, concepts, citations, mentions and proposals.
"""

from __future__ import annotations

from xianjice.extract.records import (
    Body,
    BookInfo,
    Citation,
    Compilation,
    Concept,
    ConceptLink,
    Editor,
    Essay,
    Mention,
    Organisation,
    PrefaceStats,
    Proposal,
    Span,
    Theme,
    Tier,
    TocEntry,
    UnitRef,
)

HQ = "海关总署"

ORGS = (
    Organisation(HQ, "headquarters", None, english="General Administration of Customs"),
    Organisation("广东分署", "regional", HQ, english="Guangdong Sub-Administration"),
    Organisation("政工办", "section", "广东分署"),
    Organisation("北京海关", "customs", HQ, english="Beijing Customs"),
    Organisation("拱北海关", "customs", HQ, english="Gongbei Customs"),
    Organisation("综合统计处", "section", "拱北海关"),
    Organisation("加贸司", "department", HQ, aliases=("加工贸易及保税监管司",)),
)

THEMES = (
    Theme("risk", "风险防控", "Risk prevention and control"),
    Theme("team", "队伍建设", "Workforce building"),
    Theme("supervision", "监管", "Supervision"),
)

CONCEPTS = (
    Concept("feng-xian-guan-li", "风险管理", "risk management", "风险防控", ("风险管控",)),
    Concept("dang-jian", "党建", "Party building", "队伍建设"),
    Concept("da-jian-guan-ti-xi", "大监管体系", "comprehensive supervision system", "监管", ("大监管",)),
)


def unit(*path: str, known: bool = True) -> UnitRef:
    return UnitRef("".join(path), (HQ, *path), known)


def entry(seq, title, units, authors=(), page=None, line=100) -> TocEntry:
    return TocEntry(seq, title, page, tuple(units), tuple(authors), Span(line + seq, line + seq))


def tier(rank):
    labels = {1: "一等奖", 2: "二等奖"}
    return Tier(rank, labels.get(rank), "heading" if rank else "unknown")


def link(concept, theme, count=1, line=200, where="body"):
    return ConceptLink(concept, theme, where, count, line, concept)


def book_a() -> Compilation:
    info = BookInfo(
        title="优秀征文汇编",
        compiler="海关总署学习实践活动领导小组办公室",
        publisher="中国海关出版社",
        isbn="ISBN 978-7-80165-649-0",
        date="2009-08",
        editors=(Editor("王松鹤", "主编", 60), Editor("白 伟", "副主编", 61)),
        stats=PrefaceStats(397, 50, (("一等奖", 20), ("二等奖", 40))),
    )
    essays = (
        Essay(
            1,
            entry(1, "完善海关系统党组织管理体制", [unit("广东分署", "政工办")], page=1),
            tier(1),
            body=Body("完善海关系统党组织管理体制", None, "广东分署政工办", (), Span(200, 230)),
            concepts=(link("党建", "队伍建设", 5, 201, "title+body"),),
            documents=(Citation("中国共产党党和国家机关基层组织工作条例", 2, 210, ("条例",)),),
        ),
        Essay(
            2,
            entry(2, "改革办案模式 防范两大风险", [unit("北京海关")], ["王绍波"], page=7),
            tier(1),
            body=Body("改革办案模式 防范两大风险", "——关于海关缉私局刑事执法职能调整的探讨", "北京海关 王绍波",
                      (), Span(231, 260), truncated=True),
            concepts=(link("风险管理", "风险防控", 3, 240), link("大监管体系", "监管", 1, 250)),
            documents=(Citation("中华人民共和国海关法", 1, 245),),
            mentions=(Mention("person", "盛光祖", 1, 241, "署长"), Mention("organisation", HQ, 2, 242, path=(HQ,))),
            proposals=(
                Proposal(1, "实行侦审分离", "实行侦审分离，防范执法风险。", Span(250, 251), ("风险管理",), "（一）"),
                Proposal(2, "加强队伍建设", "加强队伍建设。", Span(252, 252), (), "（二）"),
            ),
        ),
        Essay(
            3,
            entry(3, "切实加强统计队伍素质建设", [unit("拱北海关", "综合统计处")], page=39),
            tier(2),
            concepts=(link("风险管理", "风险防控", 1, 103),),
        ),
        Essay(
            4,
            entry(4, "对海关保税监管工作的思考", [unit("加贸司")], ["钟耀辉"], page=100),
            tier(2),
            concepts=(link("大监管体系", "监管", 2, 104, "title"),),
        ),
        Essay(5, entry(5, "加工贸易政策调整的影响", [unit("拱北海关")], ["王晓晖"], page=266), tier(2)),
        Essay(6, entry(6, "口岸管理体制探索", [unit("某某海关", known=False)], ["张伟", "张玮"]), tier(None)),
        Essay(7, entry(7, "统计人才培养", [unit("北京海关")], ["王晓晖"], page=307), tier(2)),
    )
    return Compilation(
        "seeds/book-a.txt", info, essays, (), (), organisations=ORGS, concepts=CONCEPTS, themes=THEMES, line_count=300
    )


def book_b() -> Compilation:
    info = BookInfo("第二辑", None, "中国海关出版社", "978-7-5175-0001-5", "2010", (), PrefaceStats(None, None, ()))
    essays = (
        Essay(
            1,
            entry(1, "再论办案模式", [unit("北京海关")], ["王绍波"], page=3),
            tier(1),
            concepts=(link("风险管理", "风险防控", 2, 120),),
            proposals=(Proposal(1, "完善风险管理", "完善风险管理机制。", Span(130, 131), ("风险管理", "大监管体系")),),
        ),
    )
    return Compilation("book-b.txt", info, essays, (), (), organisations=ORGS, concepts=CONCEPTS, themes=THEMES,
                       line_count=150)


def compilations() -> list[Compilation]:
    return [book_a(), book_b()]
