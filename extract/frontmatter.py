"""The front matter: cover, CIP data, colophon, editorial board and preface.

:func:`parse_front_matter` walks the lines before the table of contents and
gives every non-blank line to some part of the book record; the lines no
part takes are returned so that they can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xianjice.extract.names import merge_padded
from xianjice.extract.numerals import TIER_LABEL, tier_rank, to_int
from xianjice.extract.orgs import is_organisation
from xianjice.extract.persons import is_person_name
from xianjice.extract.records import BookInfo, Editor, PrefaceStats, Span
from xianjice.extract.text import HAN, HAN_CHAR
from xianjice.extract.text import key

ROLES = ("执行主编", "副主编", "主编", "责任编辑", "特约编辑", "编委", "顾问", "副主任", "主任", "委员", "成员", "编辑")
_BOARD_HEADINGS = {"编委会", "编辑委员会", "编委", "编辑部"}
_PREFACE_HEADINGS = {"序", "序言", "前言", "代序", "出版说明", "编者按", "编者的话", "卷首语"}
#: The editors' own parts of a book (its preface, afterword …): listed in the contents, never essays.
EDITORIAL_PARTS = frozenset(_PREFACE_HEADINGS | {"序一", "序二", "后记", "编后记", "编后语", "跋", "致谢", "凡例"})
_NOTICE = re.compile(r"版权所有|侵权必究|翻印必究|印装错误|随时退换|未经许可")
_FIELD = re.compile(rf"(?:^| )((?:[{HAN}] ){{1,3}}[{HAN}]|[{HAN}]{{2,6}}) ?[:：] ?")
_ISBN = re.compile(r"ISBN[: ]*((?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx])")
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI)\s*\.")
_CIP_NUMBER = re.compile(r"CIP\s*数据核字")
_PINYIN = re.compile(r"^[A-Z0-9“”\"'‘’ ,.:;·\-()]+$")
#: A compiler's line on the cover: ``某某办公室◎编``, ``某某 编``, or an organisation name followed by 编
#: (never a title ending in 汇编, 选编 …).
_COMPILER = re.compile(
    r"^(?P<who>.+?)(?:\s*[◎·•]\s*|\s+)(?:编著|主编|编写|编)$"
    r"|^(?P<org>.+?(?:办公室|委员会|小组|课题组|部|局|署|处|司|厅|中心|学会|协会|研究会|社|院|所))(?:编著|主编|编写|编)$"
)
_NUM = r"(\d+|[〇零一二两三四五六七八九十百千]+)"
_SUBMITTED = re.compile(r"收到[^。；]*?" + _NUM + r"\s*篇")
_UNITS = re.compile(_NUM + r"\s*个[^。，；]{0,10}?单位")
_PRIZE = re.compile(r"(" + TIER_LABEL + r")(?:作品|征文|文章|论文)?\s*" + _NUM + r"\s*篇")
_INCLUDED = re.compile(r"((?:[一二三四五六七八九特][、，,和及与]?)+)等奖(?:作品|征文|文章)?共\s*" + _NUM + r"\s*篇")
_CIP_TAIL = re.compile(r"—?\s*(?P<place>[^:：—]+?)\s*[:：]\s*(?P<pub>[^,，]+?)\s*[,，]\s*(?P<year>\d{4})\s*[.．]\s*(?P<month>\d{1,2})")
_EDITION_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")


@dataclass
class _State:
    consumed: dict[int, str] = field(default_factory=dict)  # line number → part that took it
    warnings: list[str] = field(default_factory=list)


def isbn_is_valid(isbn: str) -> bool:
    """Verify the check digit of an ISBN-10 or ISBN-13.

    Examples
    --------
    >>> isbn_is_valid("978-7-80165-649-0"), isbn_is_valid("978-7-80165-649-1")
    (True, False)
    >>> isbn_is_valid("7-80165-649-X")
    False
    """
    digits = re.sub(r"[^0-9Xx]", "", isbn).upper()
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
        return (10 - total % 10) % 10 == int(digits[12])
    if len(digits) == 10 and digits[:9].isdigit():
        total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
        check = (11 - total % 11) % 11
        return digits[9] == ("X" if check == 10 else str(check))
    return False


def parse_editor_line(line: str, current_role: str | None) -> tuple[str | None, list[str]]:
    """Split an editorial-board line into its role and names.

    A line without a role continues the role of the line before.

    Examples
    --------
    >>> parse_editor_line("副 主 编 张砚甲 杨晨光 白 伟", None)
    ('副主编', ['张砚甲', '杨晨光', '白伟'])
    >>> parse_editor_line("郑 丽 李光伟", "编委")
    ('编委', ['郑丽', '李光伟'])
    >>> parse_editor_line("主编：王松鹤", None)
    ('主编', ['王松鹤'])
    """
    line = re.sub(r"[:：]", " ", line)
    tokens = line.split()
    role = None
    for n in range(len(tokens), 0, -1):
        head = "".join(tokens[:n])
        for candidate in ROLES:
            if head == candidate:
                role, tokens = candidate, tokens[n:]
                break
            if len(tokens[:n]) == 1 and head.startswith(candidate) and n == 1:
                role, tokens = candidate, [head[len(candidate):], *tokens[1:]]
                break
        if role:
            break
    return (role or current_role), [t for t in merge_padded(tokens) if t]


def _numbers(text: str) -> tuple[int | None, int | None, tuple[tuple[str, int], ...], tuple[str, ...], int | None]:
    submitted = units = included_count = None
    if m := _SUBMITTED.search(text):
        submitted = to_int(m.group(1))
    if m := _UNITS.search(text):
        units = to_int(m.group(1))
    prizes: dict[str, int] = {}
    for m in _PRIZE.finditer(text):
        value = to_int(m.group(2))
        if value is not None:
            prizes.setdefault(m.group(1), value)
    included: tuple[str, ...] = ()
    if m := _INCLUDED.search(text):
        included = tuple(f"{c}等奖" for c in m.group(1) if c in "一二三四五六七八九特")
        included_count = to_int(m.group(2))
    ordered = tuple(sorted(prizes.items(), key=lambda kv: (tier_rank(kv[0]) or 99, kv[0])))
    return submitted, units, ordered, included, included_count


def preface_stats(text: str) -> PrefaceStats:
    """Counts stated in a preface: essays submitted, units, prizes per tier.

    Examples
    --------
    >>> s = preface_stats("共收到50个海关单位报送的征文397篇。评出一等奖20篇，二等奖40篇，三等奖70篇。现将一、二等奖共60篇汇编")
    >>> s.submitted, s.units, s.prizes, s.included, s.included_count
    (397, 50, (('一等奖', 20), ('二等奖', 40), ('三等奖', 70)), ('一等奖', '二等奖'), 60)
    """
    submitted, units, prizes, included, included_count = _numbers(text)
    return PrefaceStats(submitted, units, prizes, included, included_count)


def parse_front_matter(lines: list[str], end: int) -> tuple[BookInfo, dict[int, str], list[str]]:
    """Read the book record from ``lines[:end]`` (``lines[i]`` is line ``i + 1``).

    Returns the record, the line numbers each part took, and warnings.
    """
    st = _State()
    cover_title: list[str] = []
    cover_lines: list[tuple[int, str]] = []
    preface_ended = False
    compiler = publisher = None
    cip_lines: list[str] = []
    isbns: list[tuple[int, str]] = []
    classification: list[str] = []
    cip_number = None
    full_title = None
    pinyin: list[str] = []
    colophon: list[tuple[str, str]] = []
    editors: list[Editor] = []
    preface: list[tuple[int, str]] = []
    mode = "cover"
    role: str | None = None
    first = last = None

    for i in range(end):
        line = lines[i]
        n = i + 1
        if not line:
            continue
        first = first or n
        last = n
        k = key(line)
        if "图书在版编目" in k:
            mode = "cip"
            st.consumed[n] = "cip"
            continue
        if m := _ISBN.search(line.replace("：", ":")):
            isbns.append((n, m.group(1).replace(" ", "")))
            st.consumed[n] = "isbn"
            if mode == "cip":
                mode = "cip-after"
            if line.split("ISBN")[0].strip():
                colophon.extend(_fields(line))
            continue
        if mode == "preface" or (k in _PREFACE_HEADINGS and mode != "preface"):
            if k in _PREFACE_HEADINGS and mode != "preface":
                mode = "preface"
                st.consumed[n] = "preface heading"
                continue
            if preface_ended:
                continue  # after the preface's date: no record's line
            preface.append((n, line))
            st.consumed[n] = "preface"
            preface_ended = bool(_PREFACE_DATE.match(key(line)))
            continue
        if k in _BOARD_HEADINGS:
            mode = "board"
            st.consumed[n] = "board heading"
            continue
        if mode == "board":
            found_role, names = parse_editor_line(line, role)
            if found_role and names and all(is_person_name(x, pen_names=True) for x in names):
                role = found_role
                editors.extend(Editor(name, role, n) for name in names)
                st.consumed[n] = "editors"
                continue
        if mode == "cover":
            if m := _COMPILER.match(line):
                compiler = compiler or (m.group("who") or m.group("org")).strip()
            elif line.endswith("出版社"):
                publisher = publisher or line
            elif compiler is None and publisher is None:
                cover_title.append(line)  # a repeated title page is not appended twice
                cover_lines.append((n, line))
            elif not _shares_title(line, "".join(cover_title)):
                continue  # after the cover's compiler and publisher: a repeat of the cover, or no record's
            st.consumed[n] = "cover"
            continue
        if mode == "cip" and (_shares_title(line, "".join(cover_title)) or re.search(r"[/—:：,，.]|\d", line)):
            cip_lines.append(line)
            st.consumed[n] = "cip"
            continue
        if _ROMAN.match(line):
            classification.append(line)
            st.consumed[n] = "cip classification"
            continue
        if _CIP_NUMBER.search(line):
            cip_number = line
            st.consumed[n] = "cip number"
            continue
        if _NOTICE.search(line):
            st.consumed[n] = "notice"
            continue
        if _PINYIN.match(line) and re.search(r"[A-Z]{3}", line):
            pinyin.append(line)
            st.consumed[n] = "title pinyin"
            continue
        fields = _fields(line)
        if fields:
            colophon.extend(fields)
            st.consumed[n] = "colophon"
            mode = "colophon"
            continue
        if mode == "colophon" and colophon and re.search(r"\d|[号路街层楼室区市]$", line):
            name, value = colophon[-1]
            colophon[-1] = (name, f"{value} {line}")
            st.consumed[n] = "colophon"
            continue
        if mode == "cip-after" and full_title is None and HAN_CHAR.search(line) \
                and _shares_title(line, "".join(cover_title) + " ".join(cip_lines)):
            full_title = line
            st.consumed[n] = "title"
            continue

    title, compiler_cip, place, pub_cip, date = _parse_cip(" ".join(cip_lines))
    known_title = title or full_title
    if known_title:  # a cover line that shares nothing with the book's title belongs to no record
        for n, line in cover_lines:
            if not _shares_title(line, known_title) and line in cover_title:
                cover_title.remove(line)
                st.consumed.pop(n, None)
    fields = dict(colophon)
    for n_line, isbn in isbns:
        if not isbn_is_valid(isbn):
            st.warnings.append(f"line {n_line}: ISBN {isbn} fails its check digit")
    valid = [isbn for _, isbn in isbns if isbn_is_valid(isbn)]
    if len(set(valid)) > 1:
        st.warnings.append(f"the book prints different ISBNs: {', '.join(sorted(set(valid)))}")
    for name in ("责任编辑",):
        if fields.get(name):
            for person in merge_padded(fields[name].split()):
                editors.append(Editor(person, name, _line_of_field(lines, end, name)))
    if date is None:
        for field_name in ("版次", "印次"):
            if m := _EDITION_DATE.search(fields.get(field_name, "")):
                date = f"{m.group(1)}-{int(m.group(2)):02d}"
                break
    preface = _without_stray_lines(preface, st.consumed)
    preface_text = "".join(text for _, text in preface)
    stats = preface_stats(preface_text)
    if preface and stats.prizes == ():
        st.warnings.append("the preface states no prize counts")
    book = BookInfo(
        title=title or full_title or ("".join(cover_title) or None),
        compiler=compiler_cip or fields.get("作者") or compiler,
        publisher=pub_cip or fields.get("出版发行") or fields.get("出版") or publisher,
        isbn=valid[0] if valid else None,
        date=date,
        editors=tuple(editors),
        stats=stats,
        title_pinyin=" ".join(pinyin) or None,
        place=place,
        classification=tuple(classification),
        cip_number=cip_number,
        colophon=tuple(colophon),
        cover_title="".join(cover_title) or None,
        lines=Span(first, last) if first else None,
    )
    return book, st.consumed, st.warnings


_PREFACE_DATE = re.compile(r"^(?:[〇零一二三四五六七八九]{4}|\d{4})年[〇零一二三四五六七八九十\d]{1,3}月(?:[〇零一二三四五六七八九十\d]{1,3}日)?$")


def _without_stray_lines(preface: list[tuple[int, str]], consumed: dict[int, str]) -> list[tuple[int, str]]:
    """Drop short lines that stand between the preface's paragraphs without ending a sentence.

    A preface is paragraphs of running text, then its signature and date (short lines
    together at its end); a short unfinished line followed by another paragraph is no
    part of it, and is left unplaced.

    >>> p = [(1, "为扎实推进……" * 20 + "。"), (2, "ZZJUNK 一行"), (3, "为了鼓励……" * 20 + "。"), (4, "领导小组办公室")]
    >>> [n for n, _ in _without_stray_lines(p, {1: "preface", 2: "preface", 3: "preface", 4: "preface"})]
    [1, 3, 4]
    """
    # A full line is one of running text: 60 characters, or nearly the measure of a typeset page (a PDF's preface
    # wraps every ~30 characters), whichever is shorter.
    lengths = sorted(len(line) for _, line in preface if len(line) >= 10)
    measure = lengths[len(lengths) // 2] if lengths else 0  # the median line: the measure when the text wraps
    full = min(60, int(0.75 * measure))  # a paragraph's first line is indented
    kept = []
    for i, (n, line) in enumerate(preface):
        nxt = preface[i + 1][1] if i + 1 < len(preface) else ""
        prev = preface[i - 1][1] if i else ""
        if len(line) < full and not line.endswith(("。", "！", "？", "”", "：", ":")):
            signature = _PREFACE_DATE.match(key(line)) or any(
                is_organisation(key(t)) for t in (line, line + nxt, prev + line) if len(t) < 60)
            if len(nxt) >= full or not signature:
                consumed.pop(n, None)
                continue
        kept.append((n, line))
    return kept


def _shares_title(line: str, title: str) -> bool:
    """Whether most characters of *line* are in *title* (a cover or title line, not a stray one).

    >>> _shares_title("优秀征文汇编", "全国海关…优秀征文汇编"), _shares_title("ZZJUNK 这一行不属于任何记录", "全国海关…优秀征文汇编")
    (True, False)
    """
    chars = [c for c in key(line) if c.isalnum()]
    if not chars:
        return True
    have = set(key(title))
    return sum(c in have for c in chars) >= 0.6 * len(chars)


def _fields(line: str) -> list[tuple[str, str]]:
    """Colophon fields of a line: ``印 刷: 北京… 经 销: 新华书店`` → two fields."""
    matches = list(_FIELD.finditer(line))
    if not matches or matches[0].start() != 0:
        return []
    out = []
    for j, m in enumerate(matches):
        stop = matches[j + 1].start() if j + 1 < len(matches) else len(line)
        out.append((m.group(1).replace(" ", ""), line[m.end():stop].strip()))
    return out


def _line_of_field(lines: list[str], end: int, name: str) -> int:
    for i in range(end):
        if lines[i].replace(" ", "").startswith(name):
            return i + 1
    return 0


def _parse_cip(text: str) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """``TITLE/COMPILER编. —PLACE: PUBLISHER, 2009. 8`` → its parts."""
    if not text:
        return None, None, None, None, None
    head, _, tail = text.partition("/")
    title = key(head) if head else None
    if title:
        title = head.replace(" ", "")
    compiler = None
    if tail:
        compiler_part = re.split(r"[.．]\s*—|—", tail, maxsplit=1)[0]
        compiler = re.sub(r"(编著|主编|编写|编)\s*[.．]?$", "", compiler_part.strip()).strip() or None
    place = publisher = date = None
    if m := _CIP_TAIL.search(tail or text):
        place = m.group("place").strip(" —.") or None
        publisher = m.group("pub").strip()
        date = f"{m.group('year')}-{int(m.group('month')):02d}"
    return title, compiler, place, publisher, date
