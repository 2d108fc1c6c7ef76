"""Results lists, tables, prose and contents as published (issue 11): each layout → its entries.

The twelve cases of ``tests/data/layouts`` (one per kind, with their expected
entries) and variants of each kind written here: other institutions, counts,
scripts and names.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from xianjice.extract.book import extract_compilation, extract_document
from xianjice.extract.document import Location, document_from_rows
from xianjice.extract.units import parse_units

DATA = Path(__file__).parent / "data"
CASES = sorted((DATA / "layouts").glob("*.txt"))


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("《", "").replace("》", "")
    return re.sub(r"\s+", "", s)


def _rows(c):
    return [(_norm(e.entry.title), [_norm(u.name) for u in e.entry.units], [_norm(a) for a in e.entry.authors],
             _norm(e.entry.page_label), _norm(e.tier.label or "")) for e in c.essays]


def _expected(path: Path):
    rows = csv.DictReader(path.with_suffix(".expected.tsv").open(encoding="utf-8"), delimiter="\t")
    return [(_norm(r["title"]), [_norm(x) for x in r["units"].split(" ; ") if x.strip()],
             [_norm(x) for x in r["authors"].split(" ; ") if x.strip()], _norm(r["page"]), _norm(r["tier"]))
            for r in rows]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_layout_case_gives_its_expected_entries(path):
    c = extract_compilation(path.read_text("utf-8"), source=path.name)
    assert _rows(c) == _expected(path)


def _read(text: str):
    return extract_compilation(text, source="x.txt")


def _simple(c):
    return [(e.entry.title, tuple(u.name for u in e.entry.units), e.entry.authors, e.tier.label) for e in c.essays]


VARIANTS = [
    # tier heading, title line, names line — a tax bureau, counts in 名, an 优秀奖 with 篇/首
    ("results-list", "优秀奖(3篇/首)\n税收助力营商环境优化的实践与思考\n国家税务总局某某市税务局 欧阳明 李 娜\n",
     [("税收助力营商环境优化的实践与思考", ("国家税务总局某某市税务局",), ("欧阳明", "李娜"), "优秀奖")]),
    ("results-list-traditional", "二等獎（2名）\n論基層治理的數字化轉型\n陳志強 黃美玲\n",
     [("論基層治理的數字化轉型", (), ("陳志強", "黃美玲"), "二等獎")]),
    ("labelled-two-lines", "《高校思政课教学改革探析》\n作者:王晓燕\n单位:某某大学马克思主义学院\n",
     [("高校思政课教学改革探析", ("某某大学马克思主义学院",), ("王晓燕",), None)]),
    ("labelled-traditional-one-line", "1.《司法為民的實踐》\n作者:林國華 單位:台中地方法院\n",
     [("司法為民的實踐", ("台中地方法院",), ("林國華",), None)]),
    ("quoted-genre", "诗歌《春天的檐下》作者:阿依古丽·买买提\n",
     [("春天的檐下", (), ("阿依古丽·买买提",), None)]),
    ("quoted-brackets", "鼓励奖\n《乡村振兴中的基层党建》(作者:John Smith)\n",
     [("乡村振兴中的基层党建", (), ("John Smith",), "鼓励奖")]),
    ("pipe-table-tier-column", "序号 | 作品名称 | 作者 | 单位 | 奖次\n1 | 论检察公益诉讼 | 赵 敏 | 某某县人民检察院 | 一等奖\n"
     "2 | 刑事和解制度研究 | 钱小东 | 某某市人民检察院 | \n",
     [("论检察公益诉讼", ("某某县人民检察院",), ("赵敏",), "一等奖"),
      ("刑事和解制度研究", ("某某市人民检察院",), ("钱小东",), "一等奖")]),
    ("prose-university", "我校教师撰写的论文中,马克思主义学院周立新撰写的《新时代统一战线理论创新》荣获一等奖。",
     [("新时代统一战线理论创新", ("马克思主义学院",), ("周立新",), "一等奖")]),
    ("title-with-bracketed-byline", "三等奖(2篇)\n1.加强基层税收征管的思考(某某县税务局 刘 洋)\n2.论纳税服务(某某市税务局)\n",
     [("加强基层税收征管的思考", ("某某县税务局",), ("刘洋",), "三等奖"), ("论纳税服务", ("某某市税务局",), (), "三等奖")]),
    ("persons-with-their-units", "佳作奖\n《法官职业保障研究》\n作者:张 三(某某市中级人民法院)、李四(某某县人民法院)\n",
     [("法官职业保障研究", ("某某市中级人民法院", "某某县人民法院"), ("张三", "李四"), "佳作奖")]),
    ("tier-on-the-entry-line", "一等奖:《数字检察的路径》(某某区人民检察院 马 丽)\n二等奖:《未成年人检察工作》(王 强)\n",
     [("数字检察的路径", ("某某区人民检察院",), ("马丽",), "一等奖"), ("未成年人检察工作", (), ("王强",), "二等奖")]),
    ("aligned-columns", "一等奖\n序号 作品名称 作 者 报送单位\n1 论检察公益诉讼 赵 敏 某某县人民检察院\n"
     "2 刑事和解 制度研究 钱小东 某某市人民检察院\n",
     [("论检察公益诉讼", ("某某县人民检察院",), ("赵敏",), "一等奖"),
      ("刑事和解 制度研究", ("某某市人民检察院",), ("钱小东",), "一等奖")]),
    ("prose-with-a-cited-document", "根据《关于开展调研征文活动的通知》要求,某某县法院王小明撰写的《论诉源治理》获得一等奖。",
     [("论诉源治理", ("某某县法院",), ("王小明",), "一等奖")]),
    ("signature-is-no-entry", "一等奖\n论诉源治理\n王小明\n\n某某市中级人民法院政治部\n2023年5月10日\n",
     [("论诉源治理", (), ("王小明",), "一等奖")]),
    ("oneline-table-tier-last", "序号 作品名称 作者 单位 等次 1 论诉源治理 王小明 某某县人民法院 一等奖 2 论多元解纷 李 华 某某市中级人民法院 二等奖",
     [("论诉源治理", ("某某县人民法院",), ("王小明",), "一等奖"), ("论多元解纷", ("某某市中级人民法院",), ("李华",), "二等奖")]),
    ("prose-title-first", "《论诉源治理》(某某县人民法院 王小明)获一等奖,《论多元解纷》(李 华)获二等奖。",
     [("论诉源治理", ("某某县人民法院",), ("王小明",), "一等奖"), ("论多元解纷", (), ("李华",), "二等奖")]),
    ("title-and-byline-on-one-line", "二等奖(2篇)\n1.论诉源治理 某某县人民法院 王小明\n2.论多元解纷 李 华\n",
     [("论诉源治理", ("某某县人民法院",), ("王小明",), "二等奖"), ("论多元解纷", (), ("李华",), "二等奖")]),
    ("numbered-tier-headings", "一、一等奖(1篇)\n论诉源治理\n某某县人民法院 王小明\n二、二等奖(1篇)\n论繁简分流\n某某区人民法院 赵六 钱 七\n",
     [("论诉源治理", ("某某县人民法院",), ("王小明",), "一等奖"), ("论繁简分流", ("某某区人民法院",), ("赵六", "钱七"), "二等奖")]),
    ("question-title-persons-then-unit", "一等奖(1篇)\n协商民主何以可能?\n林若琳 孟书瑶 某某大学\n",
     [("协商民主何以可能?", ("某某大学",), ("林若琳", "孟书瑶"), "一等奖")]),
    ("prose-role-words", "我院干警钱若彤撰写的《论审判监督》获得三等奖;某某县人民法院法官王五撰写的《论执行》获得三等奖。",
     [("论审判监督", (), ("钱若彤",), "三等奖"), ("论执行", ("某某县人民法院",), ("王五",), "三等奖")]),
    ("dashed-byline-and-ordering-note", "三等奖获奖论文名单(排名不分先后)\n1.论纳税服务——某某市税务局 刘洋\n"
     "2.论税收征管——以某某县为例\n某某县税务局 王五\n",
     [("论纳税服务", ("某某市税务局",), ("刘洋",), "三等奖"), ("论税收征管——以某某县为例", ("某某县税务局",), ("王五",), "三等奖")]),
    ("selected-no-prize", "入选作品\n基层党组织建设的几点思考\n某某县委组织部 孙 立\n",
     [("基层党组织建设的几点思考", ("某某县委组织部",), ("孙立",), "入选作品")]),
]


@pytest.mark.parametrize("name, text, expected", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variants_of_each_layout(name, text, expected):
    c = _read(text)
    assert c.kind == "results-list"
    assert _simple(c) == expected


def test_a_tier_is_stated_only_where_a_heading_column_or_sentence_states_it():
    c = _read("《论甲乙丙丁》(作者:王五)\n一等奖\n《论戊己庚辛》(作者:李四)\n")
    assert [e.tier.label for e in c.essays] == [None, "一等奖"]
    assert c.essays[1].tier.source == "stated: heading 一等奖, line 2"
    assert c.essays[0].tier.source.startswith("unknown")


def test_a_vacant_tier_closes_the_tier_above():
    c = _read("一等奖:空缺\n二等奖(1篇)\n论甲乙丙丁\n王 五\n")
    assert _simple(c) == [("论甲乙丙丁", (), ("王五",), "二等奖")]


def test_headings_and_notice_text_are_never_titles_and_are_reported():
    c = _read("关于公布优秀调研成果评选结果的通知\n各单位:\n一等奖(1篇)\n论甲乙丙丁\n王 五\n")
    assert [e.entry.title for e in c.essays] == ["论甲乙丙丁"]
    assert (c.book.title, c.book.lines.start) == ("关于公布优秀调研成果评选结果的通知", 1)  # the notice's title
    assert [(u.line, u.text) for u in c.unparsed] == [(2, "各单位:")]


def test_reader_cells_are_used_as_given():
    rows = [("二等奖", Location(paragraph=1)),
            (("序号", "题目", "撰稿人", "报送单位"), Location(table=1, row=1)),
            (("1", "优化营商环境 | 激发活力", "宋 琪", "华北水利水电大学委员会"), Location(table=1, row=2))]
    c = extract_document(document_from_rows(rows, source="x.docx", kind="docx"))
    assert _simple(c) == [("优化营商环境 | 激发活力", ("华北水利水电大学委员会",), ("宋琪",), "二等奖")]
    assert c.essays[0].entry.layout == "table"


@pytest.mark.parametrize("unit, path", [
    ("甘肃省人民检察院矿区分院", ("甘肃省人民检察院", "矿区分院")),
    ("华北水利水电大学委员会", ("华北水利水电大学委员会",)),
    ("自治區高級人民法院", ("自治區高級人民法院",)),
    ("某某大学马克思主义学院", ("某某大学", "马克思主义学院")),
])
def test_units_of_any_institution_get_a_hierarchy_from_their_names(unit, path):
    assert parse_units(unit)[0].path == path


HARDENING = sorted((DATA / "hardening").glob("*.txt"))


@pytest.mark.parametrize("path", HARDENING, ids=[p.stem for p in HARDENING])
def test_hardening_inputs_keep_the_seed_entries(path, seed_compilation):
    c = extract_compilation(path.read_text("utf-8"), source=path.name)
    assert len(c.essays) == 60
    changed = [(a.seq, a.entry.title, b.entry.title) for a, b in zip(c.essays, seed_compilation.essays)
               if (a.entry.title, a.entry.page, a.entry.authors, a.entry.units, a.tier.label)
               != (b.entry.title, b.entry.page, b.entry.authors, b.entry.units, b.tier.label)]
    assert len(changed) <= 1
    if path.stem == "latin-author":
        e = c.essays[13].entry
        assert (e.title, e.units[0].name, e.authors) == ("解放思想,探讨学校发展改革之路", "秦皇岛关校", ("John Smith",))
    if path.stem == "odd-page-number":
        assert (c.essays[2].entry.page_label, c.essays[2].entry.page) == ("Ⅳ", 4)
    if path.stem == "long-title-line":
        assert c.essays[3].entry.title.startswith("关于加强海关实际有效监管的若干思考关于加强")
    if path.stem == "planted-lines":
        assert not changed
        assert [u.line for u in c.unparsed if u.text.startswith("ZZJUNK")] == [40, 113, 233, 287, 301]


@pytest.mark.parametrize("page, label, number", [("Ⅳ", "Ⅳ", 4), ("iv", "iv", 4), ("13-15", "13-15", 13), ("１３", "１３", 13)])
def test_odd_page_numbers_keep_the_other_entries_and_their_tiers(seed_text, page, label, number):
    text = seed_text.replace("..... 大连海关 张志南 / 13", f"..... 大连海关 张志南 / {page}")
    c = extract_compilation(text, source="x.txt")
    assert len(c.essays) == 60 and all(e.tier.label for e in c.essays)
    assert (c.essays[2].entry.page_label, c.essays[2].entry.page, c.essays[2].entry.authors) == (label, number, ("张志南",))


def test_missing_page_keeps_the_entry(seed_text):
    c = extract_compilation(seed_text.replace("..... 大连海关 张志南 / 13", "..... 大连海关 张志南"), source="x.txt")
    assert len(c.essays) == 60 and all(e.tier.label for e in c.essays)
    assert (c.essays[2].entry.page, c.essays[2].entry.units[0].name) == (None, "大连海关")


def test_a_title_wrapped_over_four_lines(seed_text):
    text = seed_text.replace("- 创新海关思想政治工作对策探究\n", "- 创新海关思想\n政治工作\n对策\n探究\n")
    c = extract_compilation(text, source="x.txt")
    assert len(c.essays) == 60 and c.essays[2].entry.title == "创新海关思想政治工作对策探究"


@pytest.mark.parametrize("title", ["创新《海关法》实施……对策探究", "创新海关思想政治工作对策探究" * 30])
def test_titles_holding_ellipses_brackets_or_any_length(seed_text, title):
    c = extract_compilation(seed_text.replace("- 创新海关思想政治工作对策探究\n", f"- {title}\n"), source="x.txt")
    assert len(c.essays) == 60 and all(e.tier.label for e in c.essays)
    e = c.essays[2].entry
    assert (e.title, e.units[0].name, e.authors, e.page) == (title, "大连海关", ("张志南",), 13)


@pytest.mark.parametrize("sentence", ["我院获得二等奖的作品如下:", "我院荣获二等奖的有2篇:", "获二等奖论文2篇,分别是:"])
def test_a_tier_sentence_before_a_contents(sentence):
    c = extract_compilation(f"{sentence}\n- 论诉源治理\n..... 某某县人民法院 王小明 / 1\n", source="x.txt")
    assert [(e.tier.label, e.tier.source) for e in c.essays] == [("二等奖", "stated: sentence 二等奖, line 1")]


def test_a_blank_line_inside_an_entry(seed_text):
    c = extract_compilation(seed_text.replace("- 创新海关思想政治工作对策探究\n", "- 创新海关思想政治工作对策探究\n\n"),
                            source="x.txt")
    assert len(c.essays) == 60 and c.essays[2].entry.title == "创新海关思想政治工作对策探究"


def test_notice_text_and_headings_above_a_contents_with_pages():
    text = ("关于公布2023年度优秀调研文章评选结果的通知\n各基层法院:\n经评审,现将结果公布如下。\n一等奖(2篇)\n"
            "- 论诉源治理\n..... 某某县人民法院 王小明 / 1\n- 论多元解纷\n..... 某某市中级人民法院 李 华 / 7\n"
            "二等獎(1篇)\n- 論訴訟服務\n..... 某某區人民法院 歐陽明 / 12\n")
    c = extract_compilation(text, source="x.txt")
    assert _simple(c) == [("论诉源治理", ("某某县人民法院",), ("王小明",), "一等奖"),
                          ("论多元解纷", ("某某市中级人民法院",), ("李华",), "一等奖"),
                          ("論訴訟服務", ("某某區人民法院",), ("歐陽明",), "二等獎")]
    assert c.kind == "results-list"
    assert c.essays[2].tier.rank == 2


def _accounted(c) -> set[int]:
    lines = set()
    for e in c.essays:
        lines |= set(range(e.entry.lines.start, e.entry.lines.end + 1))
        if e.entry.heading_line:
            lines.add(e.entry.heading_line)
    if c.book.lines:
        lines |= set(range(c.book.lines.start, c.book.lines.end + 1))
    return lines | {u.line for u in c.unparsed} | {h.line for h in c.headings}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_line_of_a_layout_case_is_in_a_record_or_unplaced(path):
    text = path.read_text("utf-8")
    c = extract_compilation(text, source=path.name)
    numbered = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert set(numbered) <= _accounted(c)
    planted = text.rstrip("\n") + "\nZZJUNK 这一行不属于任何记录 ☃\n"
    c2 = extract_compilation(planted, source=path.name)
    assert _rows(c2) == _rows(c)
    assert [u.line for u in c2.unparsed if u.text.startswith("ZZJUNK")] == [len(text.rstrip("\n").split("\n")) + 1]


def test_titles_only_under_a_heading_are_entries():
    c = _read("优秀奖(2篇)\n论诉源治理\n论多元解纷的路径\n")
    assert _simple(c) == [("论诉源治理", (), (), "优秀奖"), ("论多元解纷的路径", (), (), "优秀奖")]
    assert [(h.line, h.role) for h in c.headings] == [(1, "tier heading")]


def test_a_domain_gazetteer_of_courts_resolves_a_results_list():
    from xianjice.extract.gazetteer import parse_gazetteer

    g = parse_gazetteer("name,kind,parent,aliases,city,province,order,english\n"
                        "某某省高级人民法院,court,,某某高院,,,0,\n"
                        "某某市中级人民法院,court,某某省高级人民法院,某某中院,,,1,\n", source="courts.csv")
    c = extract_compilation("一等奖(2篇)\n论诉源治理\n某某中院研究室 王小明\n论多元解纷\n某某县人民法院 李 华\n",
                            source="x.txt", gazetteer=g)
    units = [(u.name, u.path, u.known) for e in c.essays for u in e.entry.units]
    assert units == [("某某中院研究室", ("某某省高级人民法院", "某某市中级人民法院", "研究室"), True),
                     ("某某县人民法院", ("某某县人民法院",), False)]


def test_reader_table_with_a_title_row_byline_column_and_merged_tier_cells():
    rows = [(("2023年度优秀调研成果获奖名单",), Location(table=1, row=1)),
            (("序号", "作品名称", "作者及单位", "等次"), Location(table=1, row=2)),
            (("1", "《论诉源治理》", "王小明(某某县人民法院)", "一等奖"), Location(table=1, row=3)),
            (("2", "论多元解纷", "某某市中级人民法院 李 华", ""), Location(table=1, row=4)),
            (("3", "论执行", "张三(甲县法院)、李四(乙县法院)", "二等奖"), Location(table=1, row=5))]
    c = extract_document(document_from_rows(rows, source="x.docx", kind="docx"))
    assert _simple(c) == [("论诉源治理", ("某某县人民法院",), ("王小明",), "一等奖"),
                          ("论多元解纷", ("某某市中级人民法院",), ("李华",), "一等奖"),
                          ("论执行", ("甲县法院", "乙县法院"), ("张三", "李四"), "二等奖")]
    assert c.book.title == "2023年度优秀调研成果获奖名单" and not c.unparsed
    assert c.essays[1].tier.source == "stated: table column 一等奖, line 3"


def _retypeset(seed_text: str, how: str) -> str:
    entry_end = re.compile(r"(\.\.\.\.\. .*) / (\d+)\n")
    if how == "ellipsis-leader":
        return seed_text.replace("..... ", "…… ")
    if how == "page-glued-to-leader":
        return entry_end.sub(r"\1…………\2\n", seed_text)
    if how == "page-without-slash":
        return entry_end.sub(r"\1 \2\n", seed_text)
    if how == "full-width-slash-and-digits":
        return entry_end.sub(lambda m: m.group(1) + " ／ " + m.group(2).translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "\n", seed_text)
    if how == "numbered-entries":
        count = iter(range(1, 100))
        return re.sub(r"\n- ", lambda m: f"\n{next(count)}. ", seed_text)
    raise ValueError(how)


@pytest.mark.parametrize("how", ["ellipsis-leader", "page-glued-to-leader", "page-without-slash",
                                 "full-width-slash-and-digits", "numbered-entries"])
def test_retypeset_seeds_keep_the_sixty_entries(seed_text, seed_compilation, how):
    c = extract_compilation(_retypeset(seed_text, how), source="x.txt")

    def sig(comp):
        return [(e.entry.title, e.entry.page, e.entry.authors, tuple(u.name for u in e.entry.units), e.tier.label)
                for e in comp.essays]

    assert sig(c) == sig(seed_compilation) and not c.unparsed


def test_an_entry_without_byline_nor_page_keeps_the_others_and_the_tiers(seed_text, seed_compilation):
    c = extract_compilation(seed_text.replace("..... 大连海关 张志南 / 13\n", ""), source="x.txt")
    assert len(c.essays) == 60 and all(e.tier.label == s.tier.label for e, s in zip(c.essays, seed_compilation.essays))
    e = c.essays[2].entry
    assert (e.title, e.page, e.units, e.authors) == ("创新海关思想政治工作对策探究", None, (), ())
    assert [x.entry.title for x in c.essays[3:]] == [x.entry.title for x in seed_compilation.essays[3:]]
