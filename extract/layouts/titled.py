"""Results lists without pages: a title line, then its byline on the next line(s).

::

    一等奖(2篇)
    时局把握与理论创新:中国共产党关于人民政协思想的百年历程
    林若琳 孟书瑶
    《我国证券民事公益诉讼的制度构建研究》
    作者:韩 颖 纪长青
    单位:甘肃省人民检察院矿区分院

A title line is a whole-line 《title》, or any other line that is not a sentence
when a byline follows it or a tier heading governs it.  Up to two byline lines
follow (names, unit and names, labelled ``作者:``/``单位:`` lines in either script).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xianjice.extract.document import SourceLine
from xianjice.extract.layouts.base import Claim, Found, TierMark
from xianjice.extract.layouts.byline import parse_byline
from xianjice.extract.layouts.headings import tier_above
from xianjice.extract.layouts.table import row_cells, spaced_header
from xianjice.extract.persons import is_person_name
from xianjice.extract.layouts.titles import is_date, is_sentence, quoted_titles, strip_numbering, trailing_byline, whole_quoted

NAME = "title-byline"


def recognize(lines: Sequence[SourceLine], marks: dict[int, TierMark]) -> list[Claim]:
    """Claims of title lines with the byline lines below them."""
    claims: list[Claim] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        if not text or line.number in marks or row_cells(line) is not None or spaced_header(text) is not None:
            i += 1
            continue
        title = whole_quoted(text)
        plain = title is None
        if plain:
            question = text.endswith(("?", "？", "!", "！")) and not is_sentence(text[:-1])
            cites = bool(quoted_titles(text))  # 关于学习《…》的体会: a title citing a work, if a byline follows
            if (is_sentence(text) and not question) or parse_byline(text) is not None or len(text) < 2:
                i += 1
                continue
            title = strip_numbering(text)
        units, persons = "", []
        if plain and (tb := trailing_byline(title)) is not None and (parsed := parse_byline(tb[1])) is not None:
            title, (units, persons) = tb[0], parsed
            used = []
        else:
            units, persons, used = _bylines(lines, i + 1, marks)
            if plain and not used and (inline := inline_byline(title)) is not None:
                title, units, persons = inline
        if plain and cites and (not used or not _cites_inside(title)):
            i += 1
            continue
        mark = tier_above(marks, line.number)
        if plain and not used and not (units or persons) and (mark is None or mark.label is None or question):
            i += 1
            continue
        last = lines[used[-1]].number if used else line.number
        found = Found(title=title, units=units, authors=tuple(persons), lines=(line.number, last),
                      tier=mark.label if mark else None, tier_line=mark.line if mark else None,
                      tier_how=mark.how if mark else "heading", bare=plain and not (units or persons))
        claims.append(Claim(NAME, frozenset([line.number, *(lines[j].number for j in used)]), (found,)))
        i = (used[-1] if used else i) + 1
    return claims


def _cites_inside(title: str) -> bool:
    """Whether the 《…》 of a title line sit inside it, with words of the title on both sides.

    >>> _cites_inside("关于学习《习近平谈治国理政》的体会"), _cites_inside("散文《故乡》")
    (True, False)
    """
    return not title.endswith("》") and any(m.start() > 0 for m in quoted_titles(title))


def _bylines(lines: Sequence[SourceLine], j: int, marks: dict[int, TierMark]) -> tuple[str, list[str], list[int]]:
    """Up to two byline lines from ``lines[j]`` on (blank lines between skipped)."""
    units, persons, used = "", [], []
    while j < len(lines) and len(used) < 2:
        line = lines[j]
        if not line.text:
            if used:
                break  # a blank line ends the byline (a signature below is no entry's)
            j += 1
            continue
        if line.number in marks or whole_quoted(line.text) is not None or row_cells(line) is not None:
            break
        parsed = parse_byline(line.text)
        if parsed is None:
            break
        unit, names = parsed
        if (unit and units) or (names and persons) or (unit and not names and _signs(lines, j)):
            break
        units, persons = units or unit, persons or names
        used.append(j)
        j += 1
    return units, persons, used


def _signs(lines: Sequence[SourceLine], j: int) -> bool:
    """Whether ``lines[j]``, an unlabelled unit line, is a notice's signature: a date line follows it.

    The issuer's name above the date (``政协某市委员会办公室`` / ``2023年5月12日``) closes the notice and is
    no entry's unit.
    """
    if _LABELLED.match(lines[j].text):
        return False
    following = next((line.text for line in lines[j + 1:] if line.text), "")
    return is_date(following)


_LABELLED = re.compile(r"^\s*(?:单位|單位|作者单位|作者單位|报送单位|報送單位)\s*[:：]")


def inline_byline(text: str) -> tuple[str, str, list[str]] | None:
    """A title followed on its line by its byline: ``论诉源治理 某某县人民法院 王小明``.

    The byline is the shortest tail of space-separated tokens that reads as a unit and persons,
    or as persons with a surname; the title keeps at least four characters.

    >>> inline_byline("论诉源治理 某某县人民法院 王小明"), inline_byline("论多元解纷 李 华")
    (('论诉源治理', '某某县人民法院', ['王小明']), ('论多元解纷', '', ['李华']))
    >>> inline_byline("优化民营企业发展环境 激发民间投资活力") is None
    True
    """
    tokens = text.split()
    for k in range(1, len(tokens)):
        title, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if len(title.replace(" ", "")) < 4:
            continue
        parsed = parse_byline(tail)
        if parsed is None:
            continue
        unit, persons = parsed
        if (unit and unit != tokens[k]) or (not unit and not all(is_person_name(p) for p in persons)):
            continue  # the unit starts the tail; persons alone need a surname
        return title, unit, list(persons)
    return None
