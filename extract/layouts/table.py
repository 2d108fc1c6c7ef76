"""Tables: a header row naming the columns, then one row per entry.

Rows come as a reader gave them (a :class:`~xianjice.extract.document.SourceLine`
with ``cells``: used as they are, never re-guessed), or as text split on ``|``::

    序号 | 报送单位 | 题目 | 撰稿人 |
    1 | 郑州市委会 | 关于书籍全部参编人员及主要信息上网备案的建议 | 周 岚 |

or as a whole table flattened onto one line behind its header::

    奖 次 序号 作 品 体 裁 作 者 一等奖 1 独山往事 散文 章立群 优秀奖 1 童忆二题 散文 朱家栋 …

A tier column states each row's tier (an empty cell continues the tier above:
merged cells); without one, the tier heading above the table governs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xianjice.extract.document import SourceLine
from xianjice.extract.layouts.base import Claim, Found, TierMark
from xianjice.extract.layouts.headings import tier_above
from xianjice.extract.names import merge_padded
from xianjice.extract.numerals import tier_heading
from xianjice.extract.layouts.byline import parse_byline
from xianjice.extract.layouts.titles import GENRES, whole_quoted
from xianjice.extract.orgs import is_organisation
from xianjice.extract.persons import join_latin, split_names
from xianjice.extract.script import simplified
from xianjice.extract.text import key

NAME = "table"
#: Header words → field (simplified; spaces removed before matching).
COLUMNS = {
    "序号": "seq", "编号": "seq", "名次": "seq",
    "作品名称": "title", "论文题目": "title", "文章题目": "title", "作品题目": "title", "成果名称": "title",
    "论文名称": "title", "题目": "title", "标题": "title", "篇名": "title", "作品": "title", "名称": "title",
    "作者": "persons", "撰稿人": "persons", "姓名": "persons", "获奖者": "persons", "执笔人": "persons",
    "作者姓名": "persons", "获奖人": "persons", "申报人": "persons",
    "报送单位": "unit", "作者单位": "unit", "单位": "unit", "推荐单位": "unit", "工作单位": "unit", "所在单位": "unit",
    "选送单位": "unit", "申报单位": "unit",
    "奖次": "tier", "等次": "tier", "奖项": "tier", "获奖等次": "tier", "等级": "tier", "奖励等级": "tier",
    "获奖等级": "tier", "拟奖等次": "tier",
    "作者及单位": "byline", "作者和单位": "byline", "作者(单位)": "byline", "作者/单位": "byline", "单位及作者": "byline",
    "体裁": "genre", "类别": "genre", "类型": "genre", "页码": "page", "备注": "note",
}
_WORDS = sorted(COLUMNS, key=len, reverse=True)
_HEADER_RUN = re.compile("^(?:" + "|".join(_WORDS) + ")+")


def header_fields(cells: Sequence[str]) -> list[str] | None:
    """The field of each header cell, or ``None`` when the row is not a header (a title and one more field).

    >>> header_fields(["序号", "报送单位", "题目", "撰稿人"])
    ['seq', 'unit', 'title', 'persons']
    >>> header_fields(["1", "郑州市委会", "义务献血体制亟待升级", "韩 菁"]) is None
    True
    """
    fields = [COLUMNS.get(simplified(key(c))) for c in cells]
    known = [f for f in fields if f]
    if "title" not in known or len(known) < 2 or len(known) < len([c for c in cells if c.strip()]) - 1:
        return None
    return [f or "other" for f in fields]


def row_cells(line: SourceLine) -> list[str] | None:
    """The cells of a row: the reader's, else the text split on ``|``; ``None`` for running text."""
    if line.cells is not None:
        return list(line.cells)
    if "|" not in line.text:
        return None
    cells = [c.strip() for c in line.text.split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def _found(values: dict[str, str], number: int, tier: str | None, tier_line: int | None, how: str) -> Found | None:
    title = values.get("title", "").strip()
    title = whole_quoted(title) or title
    if not title:
        return None
    unit = values.get("unit", "").strip()
    persons_text = values.get("persons", "")
    persons = split_names(persons_text, pen_names=True)
    if persons is None and persons_text.strip() and (parsed := parse_byline(persons_text)) is not None:
        persons = parsed[1]
        unit = unit or parsed[0]
    persons = persons or ([persons_text.strip()] if persons_text.strip() else [])
    if values.get("byline") and (parsed := parse_byline(values["byline"])) is not None:
        unit, persons = unit or parsed[0], persons or list(parsed[1])
    return Found(title=title, units=unit, authors=tuple(persons), lines=(number, number),
                 tier=tier, tier_line=tier_line, tier_how=how, page=values.get("page", "").strip())


def recognize(lines: Sequence[SourceLine], marks: dict[int, TierMark]) -> list[Claim]:
    """Claims of table rows under a header row, and of tables flattened onto one line."""
    claims: list[Claim] = []
    fields: list[str] | None = None
    column_tier: tuple[str, int] | None = None
    aligned = False
    for line in lines:
        if not line.text:
            continue
        cells = row_cells(line)
        if cells is None and (h := spaced_header(line.text)) is not None:
            fields, column_tier = h, None  # aligned columns: the spaces are gone,
            claims.append(Claim(NAME, frozenset([line.number]), ()))  # cells are told by their kind
            aligned = True
            continue
        if cells is None and fields is not None and aligned:
            if (values := _aligned_row(line.text.split(), fields)) is None:
                fields = None if line.number not in marks else fields
                continue
            cells = [values.get(f, "") for f in fields]
        if cells is None:
            if line.number not in marks:
                fields = None
            claims += _one_line(line, marks)
            continue
        if line.cells is not None or "|" in line.text:
            aligned = False
        if (h := header_fields(cells)) is not None:
            fields, column_tier = h, None
            claims.append(Claim(NAME, frozenset([line.number]), ()))
            continue
        if fields is None:
            continue
        values: dict[str, str] = {}
        for f, c in zip(fields, cells):
            values[f] = (values[f] + " " + c).strip() if f in values and f != "other" else c
        tier, tier_line, how = None, None, "heading"
        if "tier" in fields:
            label = tier_heading(key(values.get("tier", "")))
            if label:
                column_tier = (label, line.number)
            if column_tier:
                tier, tier_line, how = column_tier[0], column_tier[1], "column"
        elif (mark := tier_above(marks, line.number)) is not None:
            tier, tier_line, how = mark.label, mark.line, mark.how
        found = _found(values, line.number, tier, tier_line, how)
        if found is not None:
            claims.append(Claim(NAME, frozenset([line.number]), (found,)))
    return claims


def header_words(tokens: Sequence[str]) -> tuple[list[str], int]:
    """Read header words from the start of *tokens*: ``(fields, tokens used)``.

    A token that is a header word is one; tokens of padded words are joined (``奖 次``, ``作 者``)
    to the longest header word they spell.

    >>> header_words("序号 作品名称 作者 单位 等次 1 论题".split())
    (['seq', 'title', 'persons', 'unit', 'tier'], 5)
    >>> header_words("奖 次 序号 作 品 体 裁 作 者 一等奖".split())
    (['tier', 'seq', 'title', 'genre', 'persons'], 9)
    """
    fields: list[str] = []
    i = 0
    while i < len(tokens):
        word = simplified(tokens[i])
        if word in COLUMNS and len(word) >= 2:
            fields.append(COLUMNS[word])
            i += 1
            continue
        best = 0
        joined = ""
        for j in range(i, min(len(tokens), i + 6)):
            joined += simplified(tokens[j])
            if joined in COLUMNS:
                best = j + 1
            if not any(w.startswith(joined) for w in _WORDS):
                break
        if not best:
            break
        fields.append(COLUMNS["".join(simplified(t) for t in tokens[i:best])])
        i = best
    return fields, i


def spaced_header(text: str) -> list[str] | None:
    """The fields of a header whose words are separated by spaces (``序号 作品名称 作者 单位``), else ``None``.

    >>> spaced_header("序号 作品名称 作 者 报送单位"), spaced_header("序号 独山往事")
    (['seq', 'title', 'persons', 'unit'], None)
    """
    tokens = text.split()
    if len(tokens) < 2:
        return None
    fields, used = header_words(tokens)
    if used != len(tokens):
        return None
    return fields if "title" in fields and len(fields) >= 2 else None


def _aligned_row(tokens: list[str], fields: list[str]) -> dict[str, str] | None:
    """Give the tokens of an aligned row to its fields by their kind: number, tier, unit, persons, page, title.

    >>> _aligned_row("1 论检察公益诉讼 赵 敏 某某县人民检察院".split(), ["seq", "title", "persons", "unit"])
    {'seq': '1', 'unit': '某某县人民检察院', 'persons': '赵敏', 'title': '论检察公益诉讼'}
    """
    rest = join_latin(merge_padded(tokens))
    values: dict[str, str] = {}
    if "seq" in fields and rest and rest[0].isdigit():
        values["seq"] = rest.pop(0)
    if "page" in fields and rest and rest[-1].isdigit():
        values["page"] = rest.pop()
    keep = []
    persons = []
    for t in rest:
        if "tier" in fields and "tier" not in values and tier_heading(key(t)):
            values["tier"] = t
        elif "unit" in fields and "unit" not in values and keep and is_organisation(t):
            values["unit"] = t
        elif "persons" in fields and keep and split_names(t, pen_names=False):
            persons.append(t)
        elif "genre" in fields and "genre" not in values and keep and simplified(t) in GENRES:
            values["genre"] = t
        else:
            if persons or "unit" in values:
                return None  # title text after the byline: not a row of this table
            keep.append(t)
    if persons:
        values["persons"] = " ".join(persons)
    if not keep or not (persons or "unit" in values):
        return None
    values["title"] = " ".join(keep)
    return values


def _one_line(line: SourceLine, marks: dict[int, TierMark]) -> list[Claim]:
    """A table flattened onto one line: header words, then rows of ``[tier] seq cells…``."""
    tokens = line.text.split()
    fields, header_end = header_words(tokens)
    if header_end == 0 or header_end == len(tokens):
        return []
    if "title" not in fields or "seq" not in fields:
        return []
    cols = [f for f in fields if f not in ("seq", "tier")]
    tier_after = "tier" in fields and fields.index("tier") > fields.index("seq")  # a tier cell ends each row
    rows: list[list] = []
    tier = None
    for token in tokens[header_end:]:
        if label := tier_heading(key(token)):
            if tier_after and rows:
                rows[-1][0] = label
            else:
                tier = label
            continue
        if token.isdigit() and (not rows or rows[-1][1]):
            rows.append([None if tier_after else tier, []])
            continue
        if rows:
            rows[-1][1].append(token)
    mark = tier_above(marks, line.number)
    found = []
    for row_tier, row in rows:
        values = _aligned_row(row, cols) or _columns(row, cols)
        if row_tier is None and mark is not None:
            f = _found(values, line.number, mark.label, mark.line, mark.how)
        else:
            f = _found(values, line.number, row_tier, line.number if row_tier else None, "column")
        if f is not None:
            found.append(f)
    return [Claim(NAME, frozenset([line.number]), tuple(found))] if found else []


def _columns(tokens: list[str], cols: list[str]) -> dict[str, str]:
    """Give a flattened row's tokens to its columns: persons from the right, a genre word, the title the rest."""
    tokens = join_latin(merge_padded(tokens)) if "persons" in cols else list(tokens)
    values: dict[str, str] = {}
    rest = list(tokens)
    for col in reversed(cols):
        if not rest:
            break
        if col == "title":
            break
        if col == "persons":
            take = 1
            while take < len(rest) and split_names(" ".join(rest[-take - 1:]), pen_names=False) and \
                    cols.index(col) > 0 and len(rest) - take > cols.index(col):
                take += 1
            values[col] = " ".join(rest[-take:])
            rest = rest[:-take]
        else:
            values[col] = rest.pop()
    values["title"] = " ".join(rest)
    return values
