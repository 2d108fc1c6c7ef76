"""What the table readers share: header rows found by their words, cell values as text, delimited text.

A results list kept as a spreadsheet or CSV file often has a title and a
note above its table; the header row is the first of the first rows that
names at least two columns with the words such lists use (题目, 作者,
单位, 奖次, 序号, 页码 …).
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from collections.abc import Sequence

from xianjice.extract.text import normalise_line

#: Column names of a results list's header row, by what the column holds.
HEADER_WORDS: dict[str, frozenset[str]] = {
    "title": frozenset({"题目", "作品名称", "论文题目", "标题", "文章题目", "文章标题", "篇名", "作品", "征文题目", "调研题目"}),
    "authors": frozenset({"作者", "撰稿人", "执笔人", "作者姓名", "姓名", "获奖人", "课题组成员", "参与人"}),
    "unit": frozenset({"单位", "报送单位", "工作单位", "作者单位", "所在单位", "推荐单位", "选送单位", "申报单位"}),
    "tier": frozenset({"奖次", "等次", "获奖等级", "奖项", "获奖等次", "奖励等级", "等级"}),
    "seq": frozenset({"序号", "编号", "序"}),
    "page": frozenset({"页码", "页"}),
}
_ALL_WORDS = frozenset().union(*HEADER_WORDS.values())
_DROP = re.compile(r"[\s:：*＊()（）]")

#: How many of the first rows are searched for the header row.
HEADER_WITHIN = 10


def header_column(cell: str) -> str | None:
    """What a header cell names (a key of :data:`HEADER_WORDS`), or ``None``.

    Examples
    --------
    >>> header_column("作 者"), header_column("报送单位："), header_column("海关总署")
    ('authors', 'unit', None)
    """
    word = _DROP.sub("", cell)
    return next((k for k, words in HEADER_WORDS.items() if word in words), None)


def is_header_row(cells: Sequence[str]) -> bool:
    """Whether a row names at least two different columns of a results list.

    >>> is_header_row(["序号", "题 目", "作者"]), is_header_row(["1", "题目", "张三"])
    (True, False)
    """
    named = {header_column(c) for c in cells if c}
    named.discard(None)
    return len(named) >= 2


def find_header_row(rows: Sequence[Sequence[str]], *, within: int = HEADER_WITHIN) -> int | None:
    """Index of the header row among the first *within* non-empty rows, or ``None``.

    >>> find_header_row([["2023年度获奖名单"], [], ["序号", "题目", "作者"], ["1", "甲", "乙"]])
    2
    """
    seen = 0
    for i, row in enumerate(rows):
        if not any(row):
            continue
        if is_header_row(row):
            return i
        seen += 1
        if seen >= within:
            break
    return None


def cell_text(value: object) -> str:
    """A cell's value as the text a reader shows: whole floats without ``.0``, dates as ISO dates.

    >>> cell_text(7.0), cell_text(None), cell_text(_dt.datetime(2009, 8, 1)), cell_text(" 周\\u3000岚 ")
    ('7', '', '2009-08-01', '周 岚')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return normalise_line(str(value).replace("\r\n", " ").replace("\n", " "))


def trim(cells: Sequence[str]) -> tuple[str, ...]:
    """The cells without the empty ones at the end of the row.

    >>> trim(["1", "题目", "", ""])
    ('1', '题目')
    """
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return tuple(cells[:end])


DELIMITERS = (",", "\t", ";")


def sniff_delimiter(text: str) -> str | None:
    """The delimiter of a delimited text: the one that splits its header row (else most lines) into cells.

    >>> sniff_delimiter("序号\\t题目\\t作者\\n1\\t甲\\t乙\\n")
    '\\t'
    """
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    for line in lines[:HEADER_WITHIN]:
        for d in DELIMITERS:
            if d in line and is_header_row(next(csv.reader([line], delimiter=d), [])):
                return d
    best, best_count = None, 0
    for d in DELIMITERS:
        rows = [line.count(d) for line in lines]
        if rows and min(rows) >= 1 and len(set(rows)) <= 2:
            if sum(rows) > best_count:
                best, best_count = d, sum(rows)
    return best


def looks_like_delimited(data: bytes) -> bool:
    """Whether text bytes are a CSV/TSV export: a header row of delimited cells among the first lines.

    >>> looks_like_delimited("奖项,题目,作者\\n一等奖,甲,乙\\n".encode()), looks_like_delimited("一等奖\\n题目 / 3\\n".encode())
    (True, False)
    """
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data[:8192].decode(encoding)
            break
        except UnicodeDecodeError as exc:
            if exc.start > 8180:  # a character cut at the end of the sample
                text = data[: exc.start].decode(encoding)
                break
    else:
        return False
    for line in [line for line in text.splitlines() if line.strip()][:HEADER_WITHIN]:
        for d in DELIMITERS:
            if d in line and is_header_row([c.strip() for c in next(csv.reader([line], delimiter=d), [])]):
                return True
    return False
