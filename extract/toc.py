"""The table of contents: entries, tier headings and the appendix list.

An entry is one or more lines ending in a page marker::

    - 完善海关系统党组织管理体制，促进海关党建工作科学发展的
    几点思考 广东分署政工办 / 1
    - 改革办案模式 防范两大风险
    ..... 北京海关 王绍波 / 7

The last line holds, after an optional dotted leader, the authoring unit,
the authors (two-character names may be padded: ``谭 武``) and the page
after ``/`` or ``／``.  Without a leader, the end of a wrapped title comes
first on that line and the unit is told from title words by its form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from xianjice.extract.frontmatter import EDITORIAL_PARTS
from xianjice.extract.names import is_cjk_word, looks_like_name, merge_padded
from xianjice.extract.numerals import tier_heading, tier_sentence
from xianjice.extract.orgs import is_organisation
from xianjice.extract.persons import is_person_name, join_latin, split_names
from xianjice.extract.records import AppendixEntry, Span, TocEntry
from xianjice.extract.text import HAN_CHAR
from xianjice.extract.text import key
from xianjice.extract.units import looks_like_unit, parse_units

_BULLET = re.compile(r"^(?:[-–•·●▪*]|\d{1,3}[.、)）])\s*")
#: A printed page: digits (any width), a range (13-15), or a roman numeral (Ⅳ, iv, IV).
PAGE = r"(?:\d{1,5}(?:\s*[-–—~～至]\s*\d{1,5})?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ]{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6})"
_PAGE = re.compile(r"^(?P<rest>(?:.*?[^\d/／])?)\s*[/／]\s*(?P<page>" + PAGE + r")$")
_BARE_PAGE = re.compile(r"^(?P<rest>.*?)(?:^|\s)(?P<page>\d{1,5}(?:\s*[-–—~～至]\s*\d{1,5})?)$")
#: A page glued to the leader dots that run up to it: ``北京海关 王绍波…………7``.
_LEADER_PAGE = re.compile(r"^(?P<rest>.*?[^.…·\s])\s*(?:\.{3,}|…{2,}|·{3,})\s*(?P<page>" + PAGE + r")$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_CHARS = dict(zip("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ",
                        ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
                         "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]))
_LEADER = re.compile(r"(?:(?<=\s)|^)(?:\.{2,}|…+|·{2,}|(?:\. ){2,}\.?|-{3,})(?:(?=\s)|$)|\.{3,}|…{2,}|·{3,}")
_APPENDIX = re.compile(r"^(?:附|附录|附件)\s*[:：]?$")
_CONTENTS = {"目录", "目次", "CONTENTS"}
_PAREN = re.compile(r"^[(（].*[)）]$")


@dataclass(frozen=True)
class TocLine:
    """What one line of the contents region is."""

    kind: str  # "entry-end", "text", "tier", "appendix", "contents", "blank"
    text: str
    page: int | None = None
    rest: str = ""
    page_label: str = ""  # the page as printed (13-15, Ⅳ); "" when none is printed
    how: str = ""  # for a tier: "heading" or "sentence"


def page_number(label: str) -> int | None:
    """The number of a printed page: the first page of a range, a roman numeral's value.

    >>> [page_number(p) for p in ("13", "１３", "13-15", "Ⅳ", "iv", "XII", "")]
    [13, 13, 13, 4, 4, 12, None]
    """
    label = label.strip()
    if not label:
        return None
    if m := re.match(r"\d+", label):
        return int(m.group())
    roman = "".join(_ROMAN_CHARS.get(c, c) for c in label).lower()
    if not roman or any(c not in _ROMAN_VALUES for c in roman):
        return None
    total = 0
    for a, b in zip(roman, [*roman[1:], ""]):
        v = _ROMAN_VALUES[a]
        total += -v if b and _ROMAN_VALUES[b] > v else v
    return total


def classify(line: str, *, appendix: bool = False) -> TocLine:
    """Tell what a (normalised) line of the contents is.

    Examples
    --------
    >>> classify("..... 北京海关 王绍波 / 7").kind
    'entry-end'
    >>> classify("一等奖").kind, classify("附:").kind, classify("- 改革办案模式 防范两大风险").kind
    ('tier', 'appendix', 'text')
    >>> classify("征文评选结果的通报 345", appendix=True).page
    345
    >>> c = classify("..... 北京海关 王绍波…………7"); c.kind, c.page, c.rest
    ('entry-end', 7, '..... 北京海关 王绍波')
    """
    if not line:
        return TocLine("blank", line)
    stripped = _strip_bullet(line)
    if label := tier_heading(key(line)):
        return TocLine("tier", label, how="heading")
    if label := tier_sentence(line):
        return TocLine("tier", label, how="sentence")
    if _APPENDIX.match(line):
        return TocLine("appendix", line)
    if key(line).upper() in _CONTENTS:
        return TocLine("contents", line)
    if m := _PAGE.match(stripped):
        label = m.group("page")
        return TocLine("entry-end", stripped, page_number(label), m.group("rest").strip(), page_label=label)
    if (m := _LEADER_PAGE.match(stripped)) and m.group("rest").strip():
        label = m.group("page")
        return TocLine("entry-end", stripped, page_number(label), m.group("rest").strip(), page_label=label)
    if m := _BARE_PAGE.match(stripped):
        rest = m.group("rest").strip()
        if appendix or _LEADER.search(rest):
            label = m.group("page")
            return TocLine("entry-end", stripped, page_number(label), rest, page_label=label)
    if not appendix and (m := _LEADER_START.match(stripped)) and _is_byline(m.group("rest")):
        return TocLine("entry-end", stripped, None, stripped)  # a byline after a leader, no page printed
    return TocLine("text", stripped)


_LEADER_START = re.compile(r"^(?:\.{2,}|…+|·{2,})\s*(?P<rest>\S.*)$")


def _is_byline(text: str) -> bool:
    """Whether *text* is a unit and/or persons, nothing else (a byline printed without its page)."""
    tokens = join_latin(text.split())
    if not tokens:
        return False
    if split_names(text, pen_names=False):
        return True
    return is_organisation(tokens[0]) and (len(tokens) == 1 or split_names(" ".join(tokens[1:])) is not None)


def split_byline(rest: str, *, title_before: bool, gazetteer=None) -> tuple[str, str, list[str]]:
    """Split the last line of an entry (page already removed).

    Returns ``(end_of_title, unit_text, authors)``.

    Examples
    --------
    >>> split_byline("..... 广州海关 谭 武 黄燕鹏 石艳芬", title_before=True)
    ('', '广州海关', ['谭武', '黄燕鹏', '石艳芬'])
    >>> split_byline("的再思考 上海海关 梁丹虹 戴倩 蒋雪敏", title_before=True)
    ('的再思考', '上海海关', ['梁丹虹', '戴倩', '蒋雪敏'])
    >>> split_byline("关系, 扮演好服务促进角色 重庆海关课题组", title_before=True)
    ('关系, 扮演好服务促进角色', '重庆海关课题组', [])
    >>> split_byline("全面协调发展 信息中心 (电子通关中心)", title_before=True)
    ('全面协调发展', '信息中心 (电子通关中心)', [])
    >>> split_byline("几点思考", title_before=True)  # a wrapped title with no unit printed
    ('几点思考', '', [])
    >>> split_byline("星星研究会 王五 李四", title_before=True)  # an unknown unit, then names
    ('', '星星研究会', ['王五', '李四'])
    """
    leaders = list(_LEADER.finditer(rest))
    if leaders:
        last = leaders[-1]
        before, after = rest[: last.start()].strip(), rest[last.end():].strip()
        tokens = join_latin(after.split())
        if not tokens:
            return before, "", []
        if not looks_like_unit(tokens[0], gazetteer=gazetteer) and (names := split_names(after)):
            return before, "", names  # names only, no unit printed
        unit_end = 1
        while unit_end < len(tokens) and _PAREN.match(tokens[unit_end]):
            unit_end += 1
        return before, " ".join(tokens[:unit_end]), list(merge_padded(tokens[unit_end:]))
    tokens = join_latin(rest.split())
    # authors: name-like tokens at the right end (padded names merged)
    i = len(tokens)
    while i > 0 and not looks_like_unit(tokens[i - 1], gazetteer=gazetteer) and _name_piece(tokens[i - 1]):
        i -= 1
    j = i
    while j > 0 and _PAREN.match(tokens[j - 1]):
        j -= 1
    if j > 0 and looks_like_unit(tokens[j - 1], gazetteer=gazetteer):
        unit_start = j - 1
        return " ".join(tokens[:unit_start]), " ".join(tokens[unit_start:i]), list(merge_padded(tokens[i:]))
    if tokens and (names := split_names(rest, pen_names=False)) and all(is_person_name(n) for n in names) \
            and not title_before:
        return "", "", names  # names only, no unit printed
    if title_before and (len(tokens) >= 2 or (len(rest) <= 3 or not is_cjk_word(rest))) \
            and split_names(rest, pen_names=False):
        return "", "", split_names(rest, pen_names=False)  # names only (林若琳 孟书瑶)
    if title_before and len(tokens) >= 2 and all(_name_piece(t) for t in tokens[1:]):
        # no token has the form of a unit, but names follow the first one: that one is the (unknown) unit
        return "", tokens[0], list(merge_padded(tokens[1:]))
    return rest, "", []  # the end of a wrapped title, no unit printed (the caller warns)


def _name_piece(token: str) -> bool:
    return looks_like_name(token) or (len(token) == 1 and HAN_CHAR.match(token) is not None) or is_person_name(token)


@dataclass(frozen=True)
class ContentsResult:
    entries: tuple[TocEntry, ...]
    appendix: tuple[AppendixEntry, ...]
    unplaced: tuple[tuple[int, str], ...]
    end: int  # index (0-based) of the first line after the contents
    warnings: tuple[str, ...]


def find_start(lines: Sequence[str]) -> int | None:
    """Index of the first line of the contents, or ``None`` when there is none.

    The contents start at a ``目录`` heading or at the first entry: the first
    line ending in ``/ page`` together with the title lines and any tier
    heading just above it.
    """
    for i, line in enumerate(lines):
        if len(line) <= 12 and key(line).upper() in _CONTENTS:
            return i
    for i, line in enumerate(lines):
        c = classify(line)
        if c.kind != "entry-end" or not _PAGE.match(c.text) or not _more_entries_follow(lines, i):
            continue
        j = i
        while j > 0 and lines[j - 1] and i - (j - 1) <= 3 and len(lines[j - 1]) <= 80:
            if _ends_sentence(lines[j - 1]) and not lines[j - 1].startswith("-"):
                break
            j -= 1
            if lines[j].startswith("- "):
                break
        return _headings_above(lines, j)
    return None


def _headings_above(lines: Sequence[str], j: int) -> int:
    """Move the start up over tier headings (一等奖 …) printed above the first entry."""
    while True:
        prev = j - 1
        while prev >= 0 and not lines[prev]:
            prev -= 1
        if prev < 0 or classify(lines[prev]).kind != "tier":
            return j
        j = prev


def _more_entries_follow(lines: Sequence[str], i: int, *, within: int = 12) -> bool:
    """A contents has entries close together: another one follows within a few lines (or this is the only one)."""
    later = [j for j in range(i + 1, min(len(lines), i + within)) if classify(lines[j]).kind == "entry-end"]
    return bool(later) or not any(classify(x).kind == "entry-end" for x in lines[i + 1:])


def _ends_sentence(line: str) -> bool:
    return line.endswith(("。", "！", "？", "”", "；", "：")) and len(line) > 40


def parse_contents(lines: Sequence[str], start: int, *, gazetteer=None) -> ContentsResult:
    """Parse the contents from ``lines[start]`` until the bodies begin (units resolved with *gazetteer*)."""
    entries: list[TocEntry] = []
    appendix: list[AppendixEntry] = []
    unplaced: list[tuple[int, str]] = []
    warnings: list[str] = []
    pending: list[int] = []
    in_appendix = False
    heading: str | None = None
    heading_at: tuple[int, str] | None = None
    title_keys: set[str] = set()
    end = len(lines)
    last_entry_end = start
    i = start
    while i < len(lines):
        line = lines[i]
        c = classify(line, appendix=in_appendix)
        if c.kind == "blank":
            i += 1
            continue
        if pending and _starts_body(lines, pending[0], title_keys):
            end = pending[0]
            pending = []
            break
        if not pending and key(line) and _is_title_key(key(line), lines, i, title_keys):
            end = i
            break
        if c.kind in ("tier", "appendix", "contents"):
            unplaced.extend((n + 1, lines[n]) for n in pending)
            pending = []
            if c.kind == "tier":
                heading, heading_at = (c.text, (i + 1, c.how))
            elif c.kind == "appendix":
                in_appendix = True
            last_entry_end = i + 1
            i += 1
            continue
        if c.kind == "entry-end":
            idx = [*pending, i]
            if in_appendix or (not pending and key(c.rest) in EDITORIAL_PARTS):  # 前言 / i: the editors', kept apart
                title = _join([_strip_bullet(lines[n]) for n in pending] + ([c.rest] if c.rest else []))
                appendix.append(AppendixEntry(title=title, page=c.page, lines=Span(idx[0] + 1, i + 1)))
            else:
                entry = _entry(len(entries) + 1, lines, pending, i, c, heading, warnings, gazetteer, heading_at)
                entries.append(entry)
                title_keys.add(key(entry.title))
            pending = []
            last_entry_end = i + 1
            i += 1
            continue
        # a text line: part of an entry still open, or the end of the contents
        if pending and _BULLET.match(line) and not line.startswith(("..", "…", "··")) \
                and not _BULLET.match(lines[pending[0]]):
            unplaced.extend((n + 1, lines[n]) for n in pending)  # lines above a new entry belong to none
            pending = []
        elif pending and not in_appendix and _starts_entry(line) and _starts_entry(lines[pending[0]]) and entries:
            # an entry printed without its byline and page: kept, so that the others keep their places
            last = pending[-1]
            entry = _entry(len(entries) + 1, lines, pending[:-1], last, TocLine("entry-end", "", None,
                           _strip_bullet(lines[last])), heading, warnings, gazetteer, heading_at)
            entries.append(entry)
            title_keys.add(key(entry.title))
            warnings.append(f"line {pending[0] + 1}: the contents entry {entry.title!r} prints no byline nor page")
            pending = []
        if entries and not _entry_end_ahead(lines, i, title_keys, in_appendix):
            end = pending[0] if pending else i
            break
        pending.append(i)
        i += 1
    else:
        unplaced.extend((n + 1, lines[n]) for n in pending)
        end = len(lines)
    if pending and end != pending[0]:
        unplaced.extend((n + 1, lines[n]) for n in pending)
    if not entries:
        end = max(end, last_entry_end)
    return ContentsResult(tuple(entries), tuple(appendix), tuple(unplaced), end, tuple(warnings))


def _starts_entry(line: str) -> bool:
    """Whether a line opens a contents entry with a bullet or a number (``- ``, ``1.``), not a leader."""
    return bool(_BULLET.match(line)) and not line.startswith(("..", "…", "··"))


def _entry_end_ahead(lines: Sequence[str], i: int, title_keys: set[str], appendix: bool, *, within: int = 8) -> bool:
    """Whether the text at ``lines[i]`` is followed by the end of its entry before the bodies begin.

    A wrapped title may take several lines and any length; the contents end
    where no entry ends within *within* lines, or where a line repeats a title
    already listed (a body's header), or where a paragraph of running text
    (a long line ending a sentence) comes first.
    """
    seen = 0
    for j in range(i, len(lines)):
        line = lines[j]
        if not line:
            continue
        seen += 1
        if seen > within:
            return False
        if j > i and _is_title_key(key(line), lines, j, title_keys):
            return False
        if len(line) > 120 and line.endswith(("。", "！", "？")):
            return False
        c = classify(line, appendix=appendix)
        if c.kind == "entry-end":
            return True
        if c.kind in ("tier", "appendix", "contents") and j > i:
            return True
    return False


def _is_title_key(k: str, lines: Sequence[str], i: int, title_keys: set[str]) -> bool:
    if k in title_keys:
        return True
    nxt = next((lines[j] for j in range(i + 1, min(i + 3, len(lines))) if lines[j]), "")
    return bool(nxt) and (k + key(nxt)) in title_keys


def _starts_body(lines: Sequence[str], i: int, title_keys: set[str]) -> bool:
    return _is_title_key(key(lines[i]), lines, i, title_keys)


def _strip_bullet(line: str) -> str:
    """Drop a list bullet (``- ``, ``•``, ``1.``, ``12、``) from the start of a line; leaders stay."""
    if line.startswith(("..", "…", "··")):
        return line
    return _BULLET.sub("", line, count=1)


def _join(parts: Sequence[str]) -> str:
    """Join the lines of a wrapped title: no space between Chinese, one between Latin words."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


def _entry(seq: int, lines: Sequence[str], pending: list[int], last: int, c: TocLine, heading: str | None,
           warnings: list[str], gazetteer=None, heading_at: tuple[int, str] | None = None) -> TocEntry:
    title_lines = [_strip_bullet(lines[n]) for n in pending]
    tail, unit_text, authors = split_byline(c.rest, title_before=bool(title_lines), gazetteer=gazetteer)
    title = _join([*title_lines, tail])
    units = parse_units(unit_text, gazetteer=gazetteer) if unit_text else ()
    start_line = (pending[0] if pending else last) + 1
    if not unit_text and not authors:
        warnings.append(f"line {last + 1}: no authoring unit found in the contents entry {title!r}")
    if not title:
        warnings.append(f"line {last + 1}: a contents entry without a title")
    byline = " ".join([unit_text, *authors]).strip()
    return TocEntry(seq=seq, title=title, page=c.page, units=units, authors=tuple(authors),
                    lines=Span(start_line, last + 1), byline=byline, heading=heading, page_label=c.page_label,
                    heading_line=heading_at[0] if heading and heading_at else None,
                    heading_how=heading_at[1] if heading and heading_at else "heading")

