"""《title》 lines that carry their author on the same line.

::

    1、付振邦:《以社会主义核心价值观引领高校学生党员教育》
    散文《站成风中的钻天杨》作者:侯德胜
    散文《我这30年》(作者:顾清荷)
    《…》(北京海关 王五)

What stands before the 《title》 is a genre word, a byline ending in a colon, or
nothing; what follows is a byline (labelled or not, in brackets or not).  Byline
lines below the title line (``单位:…``) are taken too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xianjice.extract.document import SourceLine
from xianjice.extract.layouts.base import Claim, Found, TierMark
from xianjice.extract.layouts.byline import parse_byline
from xianjice.extract.layouts.headings import tier_above
from xianjice.extract.layouts.titled import _bylines
from xianjice.extract.layouts.titles import GENRES, quoted_titles, strip_numbering
from xianjice.extract.numerals import tier_heading
from xianjice.extract.script import simplified
from xianjice.extract.text import key

NAME = "quoted-title"
_VERB = re.compile(r"(?:撰写|合写|创作|编写|所写|执笔)的?$|获[得奖]|荣获|评为")


def read_line(text: str) -> tuple[str, str, list[str]] | None:
    """Title, unit and persons of one line, or ``None`` when it is not a 《title》 line with its byline.

    Examples
    --------
    >>> read_line("1、付振邦:《以社会主义核心价值观引领高校学生党员教育》")
    ('以社会主义核心价值观引领高校学生党员教育', '', ['付振邦'])
    >>> read_line("散文《我这30年》(作者:顾清荷)"), read_line("散文《站成风中的钻天杨》作者:侯德胜")
    (('我这30年', '', ['顾清荷']), ('站成风中的钻天杨', '', ['侯德胜']))
    >>> read_line("《题目》") is None, read_line("陇县法院钱若彤撰写的《论题》获得一等奖") is None
    (True, True)
    """
    text = strip_numbering(text)
    titles = quoted_titles(text)
    if len(titles) != 1 or _VERB.search(text):
        return None
    m = titles[0]
    before, after = text[:m.start()].strip(), text[m.end():].strip(" ,，;；")
    if not before and not after:
        return None
    units, persons = "", []
    if before:
        if simplified(before) in GENRES or tier_heading(key(before)):
            pass
        elif before.endswith((":", "：")) and (parsed := parse_byline(before[:-1])):
            units, persons = parsed
        else:
            return None
    if after:
        parsed = parse_byline(after)
        if parsed is None or (parsed[0] and units) or (parsed[1] and persons):
            return None
        units, persons = units or parsed[0], persons or parsed[1]
    return m.group("title"), units, list(persons)


def recognize(lines: Sequence[SourceLine], marks: dict[int, TierMark]) -> list[Claim]:
    """Claims of 《title》 lines with their byline on the line (and byline lines below)."""
    claims: list[Claim] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        read = read_line(line.text) if line.text and line.number not in marks and not line.cells else None
        if read is None:
            i += 1
            continue
        title, units, persons = read
        on_line = tier_heading(key(strip_numbering(line.text).split("《")[0]))
        more_units, more_persons, used = _bylines(lines, i + 1, marks)
        if (more_units and units) or (more_persons and persons):
            used = []
        else:
            units, persons = units or more_units, persons or more_persons
        mark = tier_above(marks, line.number)
        if on_line:
            mark = TierMark(line.number, on_line, "heading")
        last = lines[used[-1]].number if used else line.number
        found = Found(title=title, units=units, authors=tuple(persons), lines=(line.number, last),
                      tier=mark.label if mark else None, tier_line=mark.line if mark else None,
                      tier_how=mark.how if mark else "heading")
        claims.append(Claim(NAME, frozenset([line.number, *(lines[j].number for j in used)]), (found,)))
        i = (used[-1] if used else i) + 1
    return claims
