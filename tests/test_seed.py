"""The whole seed against a table checked by hand (tests/data/seed_contents.tsv)."""

import csv
from pathlib import Path

import pytest

TABLE = Path(__file__).parent / "data" / "seed_contents.tsv"


def hand_checked():
    with TABLE.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_all_sixty_entries_match_the_hand_checked_table(seed_compilation):
    rows = hand_checked()
    assert len(rows) == 60
    got = [
        {
            "seq": str(e.seq),
            "page": str(e.entry.page),
            "tier": str(e.tier.rank),
            "units": "、".join(u.name for u in e.entry.units),
            "authors": "、".join(e.entry.authors),
            "title": e.entry.title,
        }
        for e in seed_compilation.essays
    ]
    for want, have in zip(rows, got, strict=True):
        assert have == want


def test_nothing_unplaced_and_appendix_found(seed_compilation):
    assert seed_compilation.unparsed == ()
    assert [(a.title, a.page) for a in seed_compilation.appendix] == [
        ("海关总署关于开展“我为海关工作献计策” 征文活动的通知", 343),
        ("海关总署学习实践活动领导小组办公室关于“我为海关工作献计策”征文评选结果的通报", 345),
    ]


def test_book_metadata(seed_compilation):
    book = seed_compilation.book
    assert book.title == "全国海关深入学习实践科学发展观活动“我为海关工作献计策”优秀征文汇编"
    assert book.compiler == "海关总署学习实践活动领导小组办公室"
    assert book.publisher == "中国海关出版社"
    assert book.isbn == "978-7-80165-649-0"
    assert book.date == "2009-08"
    assert book.stats.submitted == 397 and book.stats.units == 50
    assert dict(book.stats.prizes) == {"一等奖": 20, "二等奖": 40, "三等奖": 70}
    assert [(e.role, e.name) for e in book.editors] == [
        ("主编", "王松鹤"),
        ("副主编", "张砚甲"), ("副主编", "杨晨光"), ("副主编", "白伟"), ("副主编", "张华民"),
        ("编委", "刘卫"), ("编委", "谢永亮"), ("编委", "岳利平"), ("编委", "郑丽"), ("编委", "李光伟"),
        ("责任编辑", "黄华莉"),
    ]


def test_tiers_are_inferred_and_say_so(seed_compilation):
    essays = seed_compilation.essays
    assert [e.tier.label for e in essays] == ["一等奖"] * 20 + ["二等奖"] * 40
    assert all(e.tier.source.startswith("inferred") for e in essays)
    assert "restarts at entry 21" in essays[0].tier.source


def test_bodies(seed_compilation):
    first, second, third = seed_compilation.essays[:3]
    assert first.body is not None and not first.body.truncated
    assert first.body.lines.start == 238 and first.body.subtitle is None
    assert first.body.byline == "广东分署政工办"
    headings = [p.text for p in first.body.paragraphs if p.level == 1]
    assert headings == [
        "一、海关系统现行党组织管理体制及党建工作现状",
        "二、现行海关系统党建工作存在问题和不足的原因",
        "三、对加强海关系统党建工作的建议和对策",
    ]
    # the page break in line 246/248 is mended: one paragraph over both lines
    joined = next(p for p in first.body.paragraphs if p.lines.start == 246)
    assert joined.lines.end == 248 and "问题和不足：一是" in joined.text
    assert second.body.subtitle == "关于海关缉私局刑事执法职能调整的探讨"
    assert second.body.truncated
    assert third.body is None


def test_unit_paths(seed_compilation):
    paths = {u.name: list(u.path) for e in seed_compilation.essays for u in e.entry.units}
    assert paths["拱北海关综合统计处"] == ["海关总署", "拱北海关", "综合统计处"]
    assert paths["北京海关"] == ["海关总署", "北京海关"]
    assert paths["广东分署政工办"][:2] == ["海关总署", "广东分署"]
    assert all(path[0] == "海关总署" for path in paths.values())
    assert all(u.known for e in seed_compilation.essays for u in e.entry.units)


@pytest.mark.parametrize("seq, authors", [(7, ["谭武", "黄燕鹏", "石艳芬"]), (10, ["梁剑青", "孙英"]), (24, ["关颖"]), (33, [])])
def test_padded_and_missing_authors(seed_compilation, seq, authors):
    assert list(seed_compilation.essays[seq - 1].entry.authors) == authors
