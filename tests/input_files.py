"""Make input files of every kind from lines of text, with the libraries people's files come from.

Used by tests/test_readers.py: the seed and the cases, written as Word,
web page, spreadsheet, CSV and typeset PDF files, must read as the same
lines (and so give the same essays) as their text.  A line holding
`` | `` is a table row (its cells split there); consecutive rows make one
table.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

CELL = " | "


def cells_of(line: str) -> list[str] | None:
    """The cells of a table row written as text, or ``None`` for running text."""
    if CELL.strip() not in line or CELL not in f" {line} ":
        return None
    parts = [c.strip() for c in line.strip().strip("|").split("|")]
    return parts if len(parts) >= 2 else None


def blocks(lines):
    """Consecutive lines as ("text", line) and ("table", [rows of cells]) blocks."""
    out = []
    for line in lines:
        cells = cells_of(line)
        if cells is None:
            out.append(("text", line))
        elif out and out[-1][0] == "table":
            out[-1][1].append(cells)
        else:
            out.append(("table", [cells]))
    return out


def write_docx(lines, path: Path) -> Path:
    import docx

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "页眉：不属于正文"
    section.footer.paragraphs[0].text = "第 1 页"
    for kind, item in blocks(lines):
        if kind == "text":
            d.add_paragraph(item)
        else:
            width = max(len(r) for r in item)
            table = d.add_table(rows=len(item), cols=width)
            for r, row in enumerate(item):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    d.save(path)
    return path


def html_page(lines, *, charset: str = "utf-8") -> str:
    body = []
    for kind, item in blocks(lines):
        if kind == "text":
            body.append(f"<p>{html.escape(item)}</p>" if item.strip() else "<p></p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in item)
            body.append(f"<table border=1>\n{rows}</table>")
    return (
        f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        "<title>获奖名单</title><style>p{margin:0}</style><script>var x = '一等奖';</script></head>\n<body>\n"
        '<div class="nav"><a href="/">首页</a> <a href="/news">新闻动态</a></div>\n'
        "<header><h1>某某网站</h1></header>\n"
        '<div id="main">\n' + "\n".join(body) + "\n</div>\n"
        "<footer>版权所有 © 2023 某某单位 备案号 12345</footer>\n</body></html>\n"
    )


def write_html(lines, path: Path, *, encoding: str = "utf-8", charset: str | None = None) -> Path:
    path.write_bytes(html_page(lines, charset=charset or encoding).encode(encoding))
    return path


def write_xlsx(lines, path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "获奖名单"
    for line in lines:
        cells = cells_of(line)
        ws.append(cells if cells is not None else [line])
    wb.save(path)
    return path


def write_csv(lines, path: Path, *, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        for line in lines:
            cells = cells_of(line)
            w.writerow(cells if cells is not None else [line])
    return path


# --- a typeset PDF of the seed --------------------------------------------------------------

FONT = "STSong-Light"
PAGE_W, PAGE_H = 420.0, 595.0  # A5, in points
LEFT, RIGHT, TOP, BOTTOM = 50.0, 50.0, 60.0, 60.0
SIZE, LEADING = 10.0, 15.0
RUNNING_HEAD = "全国海关深入学习实践科学发展观活动“我为海关工作献计策”优秀征文汇编"
_ENTRY_END = re.compile(r"^(?P<leader>\.{2,}\s*)?(?P<rest>.*?)\s*(?P<page>(?:/\s*)?\d{1,4})$")


class _Typesetter:
    def __init__(self, path: Path):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        self.width = pdfmetrics.stringWidth
        self.c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.y = PAGE_H - TOP
        self.folio = None  # (style, number) of the current page's printed number
        self.head = None  # running head of this page
        self.heads = None  # (even page, odd page) running heads of the pages that follow
        self.started = False

    def text_width(self, text, size=SIZE):
        return self.width(text, FONT, size)

    def new_page(self, *, head=None, folio=None):
        if self.started:
            self.finish_page()
        self.started = True
        self.y = PAGE_H - TOP
        self.head, self.folio = head, folio

    def finish_page(self):
        c = self.c
        if self.head:
            c.setFont(FONT, 8)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 35, self.head)
            c.line(LEFT, PAGE_H - 40, PAGE_W - RIGHT, PAGE_H - 40)
        if self.folio is not None:
            style, number = self.folio
            c.setFont(FONT, 9)
            label = _roman(number) if style == "roman" else f"- {number} -" if number % 2 else str(number)
            c.drawCentredString(PAGE_W / 2, 30, label)
            self.folio = (style, number + 1)
        c.showPage()

    def room(self, need=LEADING, **page):
        if self.y - need < BOTTOM:
            self.finish_page()
            self.y = PAGE_H - TOP
            if self.heads:
                number = self.folio[1] if self.folio else 0
                self.head = self.heads[number % 2]

    def line(self, text, *, x=LEFT, size=SIZE, align="left"):
        self.room()
        c = self.c
        c.setFont(FONT, size)
        if align == "centre":
            c.drawCentredString(PAGE_W / 2, self.y, text)
        elif align == "right":
            c.drawRightString(PAGE_W - RIGHT, self.y, text)
        else:
            c.drawString(x, self.y, text)
        self.y -= size * 1.5

    def skip(self, lines=1.0):
        self.y -= LEADING * lines

    def wrap(self, text, width, size=SIZE):
        out, cur = [], ""
        if text.isascii():  # Latin text breaks between words
            for word in text.split(" "):
                if cur and self.text_width(f"{cur} {word}", size) > width:
                    out.append(cur)
                    cur = word
                else:
                    cur = f"{cur} {word}" if cur else word
            return [*out, cur] if cur else out
        for ch in text:
            if self.text_width(cur + ch, size) > width and cur:
                out.append(cur)
                cur = ""
            cur += ch
        return [*out, cur] if cur else out

    def paragraph(self, text, *, indent=2, size=SIZE, align="left", gap=0.0):
        full = PAGE_W - LEFT - RIGHT
        first = self.wrap(text, full - indent * size, size)[:1]
        rest = self.wrap(text[len(first[0]):], full, size) if first else []
        for i, part in enumerate([*first, *rest]):
            if align == "centre":
                self.line(part, size=size, align="centre")
            else:
                self.line(part, x=LEFT + (indent * size if i == 0 else 0), size=size)
        self.skip(gap)

    def entry_end(self, text):
        """An entry's last line: its leader drawn as dots up to the byline and page set flush right."""
        m = _ENTRY_END.match(text)
        right = f"{m['rest']} {m['page']}".strip() if m["leader"] else f"{m['rest']} {m['page']}".strip()
        self.room()
        c = self.c
        c.setFont(FONT, SIZE)
        c.drawRightString(PAGE_W - RIGHT, self.y, right)
        if m["leader"]:
            start, stop = LEFT + 2 * SIZE, PAGE_W - RIGHT - self.text_width(right) - SIZE
            dots = "." * int((stop - start) / self.text_width("."))
            c.drawString(start, self.y, dots)
        self.y -= LEADING

    def save(self):
        self.finish_page()
        self.c.save()


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def write_typeset_pdf(lines, path: Path, *, contents_start: int, bodies_start: int, body_titles) -> Path:
    """Typeset a compilation as a book: front matter, contents with leaders and roman folios, bodies.

    *contents_start* and *bodies_start* are 0-based line indexes; *body_titles*
    the key of each title that starts a body (a new page with a running head
    of that title, centred title, subtitle and byline, indented paragraphs).
    """
    from xianjice.extract.text import key

    t = _Typesetter(path)
    t.new_page()
    for i, line in enumerate(lines[:contents_start]):  # front matter: one block per line, no running head
        if not line.strip():
            t.skip(0.5)
            continue
        if line.strip() in ("中国海关出版社", "图书在版编目 (CIP) 数据", "编 委 会", "序"):
            if line.strip() != "中国海关出版社":
                t.new_page()
        t.paragraph(re.sub(r"\s+", " ", line.strip()), indent=2 if len(line) > 60 else 0)
    t.new_page(folio=("roman", 1))
    t.heads = ("目 录", "目 录")
    t.line("目 录", size=14, align="centre")
    t.skip()
    for line in lines[contents_start:bodies_start]:
        text = line.strip()
        if not text:
            t.skip(0.3)
        elif _ENTRY_END.match(text) and (text.startswith("..") or re.search(r"/\s*\d+$|^\d+$", text)):
            t.entry_end(text)
        else:
            t.paragraph(text.removeprefix("- "), indent=0)  # a long title wraps
    folio = ("arabic", 1)
    body_lines = lines[bodies_start:]
    title = None
    j = 0
    while j < len(body_lines):
        text = body_lines[j].strip()
        j += 1
        if not text:
            continue
        if key(text) in body_titles:
            title = text
            t.new_page(folio=t.folio if t.folio and t.folio[0] == "arabic" else folio)
            t.paragraph(text, indent=0, size=14, align="centre")
            nxt = [k for k in range(j, len(body_lines)) if body_lines[k].strip()][:2]
            if nxt and body_lines[nxt[0]].strip().startswith("——"):
                t.paragraph(body_lines[nxt[0]].strip(), indent=0, align="centre")
                nxt = nxt[1:]
                j = nxt[0] if nxt else j
            if nxt:
                t.paragraph(body_lines[nxt[0]].strip(), indent=0, align="centre", gap=0.5)
                j = nxt[0] + 1
            t.heads = (RUNNING_HEAD, title)
            continue
        t.paragraph(text)
    t.save()
    return path
