"""Readers of every kind of file: the seed and small lists written as Word, web page, PDF, spreadsheet and CSV.

The files are made here with the libraries people's files come from
(tests/input_files.py).  The seed in each format must give its 60 entries
exactly as the hand-checked table says; a list in each format must give the
same essays as the same content as text; each reader keeps where every line
is; a broken, encrypted or old-format file gets one line saying what it is.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from input_files import (RUNNING_HEAD, cells_of, html_page, write_csv, write_docx, write_html, write_typeset_pdf,
                         write_xlsx)

from xianjice import bundled_seed
from xianjice.cli import cli
from xianjice.errors import BrokenFile, EncryptedFile, InputError, NoTextLayer, UnsupportedFormat
from xianjice.extract.book import extract_document
from xianjice.extract.document import CELL_SEPARATOR, Location, text_document
from xianjice.extract.readers import read_bytes, read_document
from xianjice.extract.readers.sniff import OLE2_MAGIC
from xianjice.extract.text import key

TABLE = Path(__file__).parent / "data" / "seed_contents.tsv"


# --- the seed in every format -----------------------------------------------------------------


def seed_lines() -> list[str]:
    return bundled_seed().read_text(encoding="utf-8").split("\n")


def hand_checked() -> list[dict]:
    with TABLE.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@functools.lru_cache(maxsize=8)
def read_once(path: Path):
    """The document of a file the module made (read once: reading a PDF takes a while)."""
    return read_document(path)


def entries(c) -> list[dict]:
    return [{"seq": str(e.seq), "page": str(e.entry.page), "tier": str(e.tier.rank),
             "units": "、".join(u.name for u in e.entry.units), "authors": "、".join(e.entry.authors),
             "title": e.entry.title} for e in c.essays]


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory, seed_compilation) -> Path:
    c = seed_compilation
    titles = {key(e.entry.title) for e in c.essays} | {key(a.title) for a in c.appendix}
    contents = min(e.entry.lines.start for e in c.essays) - 1
    bodies = min(e.body.lines.start for e in c.essays if e.body) - 1
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    return write_typeset_pdf(seed_lines(), path, contents_start=contents, bodies_start=bodies, body_titles=titles)


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> Path:
    return write_docx(seed_lines(), tmp_path_factory.mktemp("docx") / "seed.docx")


@pytest.fixture(scope="module")
def seed_html(tmp_path_factory) -> Path:
    return write_html(seed_lines(), tmp_path_factory.mktemp("html") / "seed.htm", encoding="gb18030", charset="gb2312")


@pytest.mark.parametrize("fixture", ["seed_docx", "seed_pdf", "seed_html"])
def test_the_seed_in_each_format_gives_its_sixty_entries_exact(fixture, request):
    path = request.getfixturevalue(fixture)
    c = extract_document(read_once(path))
    assert entries(c) == hand_checked()
    assert [(a.title, a.page) for a in c.appendix] == [
        ("海关总署关于开展“我为海关工作献计策” 征文活动的通知", 343),
        ("海关总署学习实践活动领导小组办公室关于“我为海关工作献计策”征文评选结果的通报", 345),
    ]
    assert [e.seq for e in c.essays if e.body] == [1, 2]


@pytest.mark.parametrize("fixture", ["seed_docx", "seed_html"])
def test_word_and_web_page_seed_leave_nothing_unplaced(fixture, request):
    c = extract_document(read_once(request.getfixturevalue(fixture)))
    assert c.unparsed == ()


def test_typeset_pdf_drops_running_heads_and_folios_and_keeps_contents_pages(seed_pdf):
    doc = read_once(seed_pdf)
    texts = doc.texts()
    assert doc.kind == "pdf"
    assert "体系服务" in texts  # a contents title the typesetting wrapped onto a second line
    assert RUNNING_HEAD not in texts and "目 录" in texts  # the contents' heading stays, its running head goes
    essay_two_head = "改革办案模式 防范两大风险"
    assert texts.count(essay_two_head) == 2  # in the contents and above its body, not as running head
    folios = [t for t in texts if t.strip("- ").isdigit() or t in ("i", "ii", "iii", "iv", "v")]
    assert folios == ["343"]  # the appendix's page number in the contents, printed on its own line
    assert "..... 北京海关 王绍波 / 7" not in texts  # the leader is as typeset, not the text's five dots
    assert any(t.startswith("..........") and t.endswith("北京海关 王绍波 / 7") for t in texts)


def test_pdf_lines_know_their_page_and_line(seed_pdf):
    doc = read_once(seed_pdf)
    c = extract_document(doc)
    first = c.essays[0]
    start = c.location(first.entry.lines.start)
    assert start.page is not None and start.line is not None
    # the contents' first entry starts the page after the contents heading
    heading = doc.texts().index("目 录") + 1
    assert doc.location(heading).page == start.page and doc.location(heading).line == 1 and start.line == 2
    # lines count from 1 on every page, in order
    numbered = [l.location for l in doc.lines if l.location.line is not None]
    for a, b in zip(numbered, numbered[1:]):
        assert (b.page, b.line) in ((a.page, a.line + 1), (b.page, 1)) and b.page >= a.page


def test_word_lines_know_their_paragraph(seed_docx):
    doc = read_once(seed_docx)
    assert doc.kind == "docx"
    assert [l.location for l in doc.lines[:3]] == [Location(paragraph=n) for n in (1, 2, 3)]
    assert "页眉：不属于正文" not in doc.texts() and "第 1 页" not in doc.texts()  # header and footer of the page


def test_extract_json_gives_locations(seed_pdf, seed_docx):
    result = CliRunner().invoke(cli, ["extract", str(seed_pdf), "--format", "json", "--no-text", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format"] == "pdf"
    loc = data["essays"][1]["location"]
    assert set(loc["toc"]["first"]) == {"page", "line"} and loc["toc"]["last"]["page"] >= loc["toc"]["first"]["page"]
    assert loc["body"]["first"]["page"] > loc["toc"]["last"]["page"]
    assert all(set(u["location"]) == {"page", "line"} for u in data["unparsed"])
    result = CliRunner().invoke(cli, ["extract", str(seed_docx), "--format", "jsonl", "--no-text", "-q"])
    first = json.loads(result.output.splitlines()[0])
    assert first["location"]["toc"] == {"first": {"paragraph": 106}, "last": {"paragraph": 107}}


def test_text_input_keeps_its_json_and_gains_line_locations(seed_path):
    result = CliRunner().invoke(cli, ["extract", str(seed_path), "--format", "json", "--no-text", "-q"])
    data = json.loads(result.output)
    assert data["format"] == "text"
    essay = data["essays"][0]
    assert essay["location"]["toc"] == {"first": {"line": essay["lines"]["toc"][0]},
                                        "last": {"line": essay["lines"]["toc"][1]}}


def test_graph_of_a_pdf_has_page_spans_that_conform(seed_pdf):
    import pyshacl
    from importlib import resources
    from rdflib import Graph, Literal

    from xianjice.extract.analyse import analyse
    from xianjice.graph.build import build_graph
    from xianjice.graph.rdf.triples import to_rdflib
    from xianjice.graph.rdf.vocab import DCTERMS, XJ
    from xianjice.graph.writers.export import book_report

    c = analyse(extract_document(read_once(seed_pdf)))
    G = build_graph([c])
    g = to_rdflib(G, base="https://example.org/id/")
    spans = set(g.subjects(XJ.firstPage, None))
    from rdflib.namespace import RDF

    source_spans = {s for s in g.subjects(XJ.firstLine, None) if (s, RDF.type, XJ.SourceSpan) in g}
    assert spans and spans == set(g.subjects(XJ.firstLocation, None)) == source_spans
    assert set(g.objects(None, DCTERMS.format)) == {Literal("application/pdf")}
    for span in spans:
        first, last = g.value(span, XJ.firstPage).toPython(), g.value(span, XJ.lastPage).toPython()
        line = g.value(span, XJ.firstLine).toPython()
        assert 1 <= first <= last
        assert str(g.value(span, XJ.firstLocation)) == c.location(line).describe()
        assert c.location(line).page == first
    report = book_report(c, G)
    assert report["format"] == "pdf" and report["unplaced"]
    assert all(u["location"] == c.location(u["line"]).as_dict() and "page" in u["location"] for u in report["unplaced"])
    shapes = Graph().parse(data=resources.files("xianjice.graph.rdf").joinpath("data/shapes.ttl").read_text("utf-8"),
                           format="turtle")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_graph_of_a_text_file_has_no_location_terms(seed_compilation):
    from xianjice.graph.build import build_graph
    from xianjice.graph.rdf.triples import to_rdflib
    from xianjice.graph.rdf.vocab import DCTERMS, XJ

    G = build_graph([seed_compilation])
    assert "locations" not in G.graph
    g = to_rdflib(G, base="https://example.org/id/")
    assert not set(g.subjects(XJ.firstLocation, None)) and not set(g.subjects(DCTERMS.format, None))
    assert set(g.subjects(XJ.firstLine, None))


# --- same list, same essays -------------------------------------------------------------------

LISTS = {
    "pipe-table": ["一等奖", "序号 | 报送单位 | 题目 | 撰稿人", "1 | 郑州市委会 | 关于书籍全部参编人员及主要信息上网备案的建议 | 周 岚",
                   "2 | 郑州市委会 | 义务献血体制亟待升级 | 韩 菁"],
    "results-no-pages": ["一等奖(2篇)", "时局把握与理论创新:中国共产党关于人民政协思想的百年历程", "林若琳 孟书瑶",
                         "人民政协制度优势对提升国家治理现代化的路径、效用与启示", "陶家和 祁峰 许静怡"],
    "labelled-byline": ["《我国证券民事公益诉讼的制度构建研究》", "作者:韩 颖 纪长青", "单位:甘肃省人民检察院矿区分院",
                        "2.《山海情深:鄭雅文的‘閩寧情結’》", "作者:蘇明遠 單位:石嘴山市惠農區人民法院"],
    "contents": ["目录", "一等奖", "- 改革办案模式 防范两大风险", "..... 北京海关 王绍波 / 7",
                 "- 创新海关思想政治工作对策探究", "..... 大连海关 张志南 / 13", "二等奖",
                 "- 关于加工贸易转型升级方向的思考", "..... 南昌海关 邵 飞 / 224"],
}


def cases() -> dict[str, list[str]]:
    """The lists above and, where the shared cases are beside the repository, those too."""
    out = dict(LISTS)
    shared = Path(__file__).resolve().parents[2] / "shared" / "cases" / "layouts"
    for path in sorted(shared.glob("*.txt")) if shared.is_dir() else []:
        out[path.stem] = path.read_text(encoding="utf-8").splitlines()
    return out


def as_text(lines: list[str]) -> str:
    """The content as text, table rows as their cells joined as a reader joins them."""
    return "\n".join(CELL_SEPARATOR.join(c) if (c := cells_of(line)) else line for line in lines) + "\n"


def outcome(doc):
    try:
        c = extract_document(doc)
    except InputError as exc:
        return ("error", exc.problem)
    return ("essays", [(e.entry.title, [u.name for u in e.entry.units], list(e.entry.authors), e.entry.page,
                        e.tier.label) for e in c.essays])


WRITERS = {
    "docx": lambda lines, p: write_docx(lines, p.with_suffix(".docx")),
    "html": lambda lines, p: write_html(lines, p.with_suffix(".html")),
    "html-gb2312": lambda lines, p: write_html(lines, p.with_suffix(".htm"), encoding="gb18030", charset="gb2312"),
    "xlsx": lambda lines, p: write_xlsx(lines, p.with_suffix(".xlsx")),
    "csv": lambda lines, p: write_csv(lines, p.with_suffix(".csv")),
    "csv-gb18030": lambda lines, p: write_csv(lines, p.with_suffix(".csv"), encoding="gb18030"),
    "csv-bom": lambda lines, p: write_csv(lines, p.with_suffix(".csv"), encoding="utf-8-sig"),
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("name", sorted(cases()))
def test_same_list_in_each_format_gives_the_same_essays_as_its_text(name, fmt, tmp_path):
    lines = [line for line in cases()[name]]
    text = as_text(lines)
    doc = read_document(WRITERS[fmt](lines, tmp_path / name))
    assert doc.texts() == [t for t in text_document(text, source="x").texts() if t], "not the same lines"
    assert outcome(doc) == outcome(text_document(text, source=str(tmp_path / f"{name}.txt")))


def test_table_rows_keep_their_cells_in_each_format(tmp_path):
    lines = LISTS["pipe-table"]
    want = ("1", "郑州市委会", "关于书籍全部参编人员及主要信息上网备案的建议", "周 岚")
    for fmt in ("docx", "html", "xlsx", "csv"):
        doc = read_document(WRITERS[fmt](lines, tmp_path / "list"))
        rows = [l for l in doc.lines if l.cells is not None]
        assert [l.cells for l in rows][:2] == [("序号", "报送单位", "题目", "撰稿人"), want], fmt
        assert doc.lines[0].cells is None and doc.lines[0].text == "一等奖", fmt


# --- each reader on its own -------------------------------------------------------------------


def test_docx_merged_cells_line_breaks_and_table_locations(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("2023年度调研文章获奖名单")
    p = d.add_paragraph("一等奖")
    p.add_run().add_break()
    p.add_run("(3篇)")
    t = d.add_table(rows=4, cols=3)
    for c, text in enumerate(["序号", "题目", "单位"]):
        t.cell(0, c).text = text
    t.cell(1, 0).merge(t.cell(1, 2)).text = "二等奖"
    t.cell(2, 0).text, t.cell(2, 1).text = "1", "甲"
    t.cell(3, 0).text, t.cell(3, 1).text = "2", "乙"
    t.cell(2, 2).merge(t.cell(3, 2)).text = "某某海关"
    d.add_paragraph("说明")
    path = tmp_path / "a.docx"
    d.save(path)
    doc = read_document(path)
    assert [(l.text, l.cells, l.location) for l in doc.lines] == [
        ("2023年度调研文章获奖名单", None, Location(paragraph=1)),
        ("一等奖", None, Location(paragraph=2)),
        ("(3篇)", None, Location(paragraph=2)),
        ("序号 | 题目 | 单位", ("序号", "题目", "单位"), Location(table=1, row=1)),
        ("二等奖", ("二等奖",), Location(table=1, row=2)),
        ("1 | 甲 | 某某海关", ("1", "甲", "某某海关"), Location(table=1, row=3)),
        ("2 | 乙 | 某某海关", ("2", "乙", "某某海关"), Location(table=1, row=4)),
        ("说明", None, Location(paragraph=3)),
    ]


PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>标题不读</title><style>.x{{}}</style></head>
<body>
<div id="top-nav" class="nav"><a>首页</a><a>机构概况</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 通知公告</div>
<main>
<div class="article-header"><h2>关于2023年度优秀调研文章评选结果的通报</h2></div>
<p>经评审，评出一等奖2篇。<br>现予通报。</p>
<table>
<tr><th>奖次</th><th>题目</th><th>作者</th><th>单位</th></tr>
<tr><td rowspan="2">一等奖</td><td>甲&amp;乙</td><td>张 三</td><td rowspan="2">某某法院</td></tr>
<tr><td>丙</td><td>李四<br>王五</td></tr>
<tr><td colspan="2">二等奖</td><td>赵六</td><td>某某检察院</td></tr>
</table>
<script>document.write("一等奖")</script>
</main>
<aside>热点新闻</aside>
<div class="footer">版权所有</div>
</body></html>
"""


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("gb2312", "gb18030"), ("GBK", "gb18030")])
def test_web_page_main_text_tables_and_declared_encoding(charset, encoding):
    data = PAGE.format(charset=charset).encode(encoding)
    doc = read_bytes(data, source="list.html")
    got = [(l.text, l.cells) for l in doc.lines]
    assert got == [
        ("关于2023年度优秀调研文章评选结果的通报", None),
        ("经评审，评出一等奖2篇。", None),
        ("现予通报。", None),
        ("奖次 | 题目 | 作者 | 单位", ("奖次", "题目", "作者", "单位")),
        ("一等奖 | 甲&乙 | 张 三 | 某某法院", ("一等奖", "甲&乙", "张 三", "某某法院")),
        ("一等奖 | 丙 | 李四 王五 | 某某法院", ("一等奖", "丙", "李四 王五", "某某法院")),
        ("二等奖 |  | 赵六 | 某某检察院", ("二等奖", "", "赵六", "某某检察院")),
    ]
    source_lines = PAGE.splitlines()
    for line in doc.lines:  # each line points at the line of the page that holds it (a row: its <tr>)
        held = source_lines[line.location.line - 1]
        if line.cells is None:
            assert line.text[:4] in held
        else:
            assert held.startswith("<tr>") and line.cells[2].split()[0] in held
    assert doc.lines[3].location == Location(table=1, row=1, line=10)


def test_web_page_layout_tables_are_read_as_text_and_data_tables_as_rows():
    page = ("<html><body><table><tr><td><div class='menu'>导航</div></td>"
            "<td><p>获奖名单</p><table><tr><td>1</td><td>题目甲</td></tr></table></td></tr></table></body></html>")
    doc = read_bytes(page.encode(), source="a.htm")
    assert [(l.text, l.cells) for l in doc.lines] == [("获奖名单", None), ("1 | 题目甲", ("1", "题目甲"))]


def test_web_archive_mht_reads_its_html_part():
    html = html_page(["一等奖", "题目甲"]).encode("gb18030")
    import base64

    mht = (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
           b"\ttype=\"text/html\";\r\n\tboundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/html; charset=gb2312\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(html) + b"\r\n--B--\r\n")
    doc = read_bytes(mht, source="list.mht")
    assert doc.texts() == ["一等奖", "题目甲"]


def test_xlsx_header_found_below_a_title_merged_cells_and_numbers(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "获奖名单"
    ws.append(["2023年度优秀论文获奖名单"])
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["序号", "论文题目", "作者", "作者单位", None])
    ws.append([1, "甲", "张三", "某某海关"])
    ws.append([2.0, "乙", "李四", None])
    ws.merge_cells("D4:D5")
    hidden = wb.create_sheet("草稿")
    hidden.append(["不读"])
    hidden.sheet_state = "hidden"
    second = wb.create_sheet("二等奖")
    second.append(["题目", "页码"])
    second.append(["丙", 7.0])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    doc = read_document(path)
    assert [(l.text, l.cells, l.location) for l in doc.lines] == [
        ("2023年度优秀论文获奖名单", None, Location(sheet="获奖名单", row=1)),
        ("序号 | 论文题目 | 作者 | 作者单位", ("序号", "论文题目", "作者", "作者单位"), Location(sheet="获奖名单", row=3)),
        ("1 | 甲 | 张三 | 某某海关", ("1", "甲", "张三", "某某海关"), Location(sheet="获奖名单", row=4)),
        ("2 | 乙 | 李四 | 某某海关", ("2", "乙", "李四", "某某海关"), Location(sheet="获奖名单", row=5)),
        ("题目 | 页码", ("题目", "页码"), Location(sheet="二等奖", row=1)),
        ("丙 | 7", ("丙", "7"), Location(sheet="二等奖", row=2)),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_csv_encodings_delimiters_and_quoted_cells(encoding, delimiter):
    text = f'获奖名单\n\n奖项{delimiter}题目{delimiter}作者\n一等奖{delimiter}"甲{delimiter}乙"{delimiter}"张三\n李四"\n'
    doc = read_bytes(text.encode(encoding), source="list.csv")
    assert [(l.text, l.cells, l.location) for l in doc.lines] == [
        ("获奖名单", None, Location(row=1)),
        ("奖项 | 题目 | 作者", ("奖项", "题目", "作者"), Location(row=3)),
        (f"一等奖 | 甲{delimiter.strip() or ' '}乙 | 张三 李四".replace("  ", " "),
         ("一等奖", f"甲{delimiter}乙".replace("\t", " "), "张三 李四"), Location(row=4)),
    ]


def test_csv_is_recognised_by_content_without_its_suffix():
    doc = read_bytes("序号,题目,作者\n1,甲,张三\n".encode("gb18030"), source="download")
    assert doc.kind == "csv" and doc.lines[1].cells == ("1", "甲", "张三")
    assert read_bytes("序号,题目,作者\n".encode(), source="notes.txt").kind == "text"


def test_kind_is_told_by_content_not_suffix(tmp_path, seed_docx):
    assert read_bytes(PAGE.format(charset="utf-8").encode(), source="list.doc").kind == "html"  # a web page saved as .doc
    assert read_bytes(PAGE.format(charset="utf-8").encode(), source="list.xls").kind == "html"
    assert read_bytes(seed_docx.read_bytes(), source="seed.txt").kind == "docx"


# --- files no reader reads: one line each ---------------------------------------------------------


def ole2(*streams: str) -> bytes:
    """The start of an OLE2 compound file naming its streams (what the readers look at)."""
    return OLE2_MAGIC + b"\x00" * 504 + b"".join(s.encode("utf-16-le") + b"\x00" * 8 for s in ("Root Entry", *streams))


def zipped(names: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in names.items():
            z.writestr(name, data)
    return out.getvalue()


def pdf_bytes(draw, **canvas_options) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1, **canvas_options)
    draw(c)
    c.showPage()
    c.save()
    return out.getvalue()


def scan_pdf() -> bytes:
    return pdf_bytes(lambda c: (c.setFillGray(0.5), c.rect(50, 50, 400, 600, fill=1)))


def encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(c):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 700, "一等奖")

    return pdf_bytes(draw, encrypt=StandardEncryption("secret", canPrint=0))


def docx_bytes() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


BAD = [
    ("old.doc", ole2("WordDocument", "1Table"), UnsupportedFormat, "old binary Word .doc: save it as .docx"),
    ("list.xls", ole2("Workbook"), UnsupportedFormat, "old binary Excel .xls: save it as .xlsx or .csv"),
    ("locked.docx", ole2("EncryptionInfo", "EncryptedPackage"), EncryptedFile, "password-protected Office file"),
    ("rich.rtf", b"{\\rtf1\\ansi \\'d2\\'bb}", UnsupportedFormat, "RTF document"),
    ("text.odt", zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     UnsupportedFormat, "OpenDocument text .odt: save it as .docx"),
    ("files.zip", zipped({"a.txt": b"x"}), UnsupportedFormat, "a zip archive: unpack it"),
    ("cut.docx", docx_bytes()[:2000], BrokenFile, "broken Word .docx"),
    ("bad.docx", zipped({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<x"}), BrokenFile,
     "broken Word .docx"),
    ("bad.xlsx", zipped({"xl/workbook.xml": b"<workbook", "[Content_Types].xml": b"<x"}), BrokenFile,
     "broken Excel .xlsx"),
    ("scan.pdf", scan_pdf(), NoTextLayer, "PDF without a text layer"),
    ("locked.pdf", encrypted_pdf(), EncryptedFile, "password-protected PDF"),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + b"\x00garbage" * 20, BrokenFile,
     "broken PDF"),
    ("page.html", b"<html><head><meta charset='utf-8'></head><body>\xff\xfe\x00\x01\x02\x03" * 40 + b"</body></html>",
     InputError, "web page"),
    ("menu.html", b"<html><body><nav>home</nav><footer>(c)</footer></body></html>", InputError,
     "holds no text outside its navigation"),
    ("bad.csv", b"\x00\x01\x02\x03\xff\xfe\xfd" * 50, InputError, "not text"),
]


@pytest.mark.parametrize(("name", "data", "kind", "says"), BAD, ids=[b[0] for b in BAD])
def test_a_file_no_reader_reads_gets_one_line_saying_what_it_is(name, data, kind, says, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(kind) as info:
        read_document(path)
    message = str(info.value)
    assert says in message and "\n" not in message and message.startswith(str(path))
    result = CliRunner().invoke(cli, ["extract", str(path), "-q"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ") and says in result.output


def test_docx_text_inside_a_content_control_is_read_in_its_place(tmp_path):
    import copy

    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    d = docx.Document()
    d.add_paragraph("前")
    inner = d.add_paragraph("控件里的题目")
    d.add_paragraph("后")
    sdt = etree.SubElement(d.element.body, qn("w:sdt"))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    inner._p.addprevious(sdt)
    content.append(copy.deepcopy(inner._p))
    d.element.body.remove(inner._p)
    path = tmp_path / "sdt.docx"
    d.save(path)
    assert read_document(path).texts() == ["前", "控件里的题目", "后"]


def test_pdf_running_heads_with_folios_in_them_and_footer_page_words_are_dropped():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(420, 595), invariant=1)
    body = [["一等奖", "改革办案模式 防范两大风险 ........ 北京海关 王绍波 / 7"],
            ["二等奖", "关于加工贸易转型升级方向的思考 ........ 南昌海关 邵 飞 / 224"],
            ["三等奖", "13"]]
    for n, lines in enumerate(body, 1):
        c.setFont("STSong-Light", 8)
        c.drawString(50, 560, f"{n} 评选结果" if n % 2 == 0 else f"评选结果 {n}")  # the folio inside the head
        c.setFont("STSong-Light", 10)
        for i, text in enumerate(lines):
            c.drawString(50, 520 - 15 * i, text)
        c.setFont("STSong-Light", 9)
        c.drawCentredString(210, 30, f"第 {n} 页")
        c.showPage()
    c.save()
    doc = read_bytes(out.getvalue(), source="list.pdf")
    assert [t for t in doc.texts() if t] == [line for lines in body for line in lines]
    assert doc.lines[-1].location == Location(page=3, line=2) and doc.lines[-1].text == "13"
