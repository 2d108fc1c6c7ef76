"""Results told in prose: who wrote which 《title》 and which tier it won.

::

    其中,陇县法院钱若彤撰写的《论…》获得一等奖;金台法院孔德亮与卫彩云撰写的《论…》、
    金台法院方舟合写的《…》等3篇论文获得二等奖。

A sentence (up to ``;`` ``；`` or ``。``) names one tier; every 《title》 in it
gets that tier, and the text before each title (after the previous title or
the start of the sentence) is its unit and persons, with ``撰写的``/``合写的``
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xianjice.extract.document import SourceLine
from xianjice.extract.layouts.base import Claim, Found, TierMark
from xianjice.extract.layouts.byline import parse_byline
from xianjice.extract.layouts.titles import quoted_titles
from xianjice.extract.numerals import TIER_LABEL
from xianjice.extract.orgs import split_unit_person
from xianjice.extract.script import simplified

NAME = "prose"
_SENTENCE = re.compile(r"[^;；。]+[;；。]?")
_WROTE = re.compile(r"(?:共同|联合|聯合)?(?:撰[写寫]|合[写寫]|[创創]作|[编編][写寫]|所[写寫]|[执執]筆|[执執]笔|[写寫])的?$|的$")
_LEAD = re.compile(r"^(?:其中|此外|另外|以及|和|及|与|、|,|，|:|：|\s)+")
_CITED = re.compile(r"(?:根据|按照|依据|依照|贯彻|落实|印发|关于|通过|学习)$")
_AFTER = re.compile(r"^\s*[（(](?P<byline>[^（()）]+)[）)]")
_AWARD = re.compile(r"(?:获得?|荣获|获评|评为|被评为)[^《》]{0,12}?(?P<label>" + TIER_LABEL + r")")


def read_sentence(text: str, number: int) -> list[Found]:
    """The entries one sentence states, each with the tier the sentence gives it.

    Each title takes the nearest award after it (``《甲》获一等奖,《乙》获二等奖``), else the
    nearest before it (``获得一等奖的是:…《甲》``).  Its unit and persons are the text
    before it (after the previous title), else a bracketed byline right after it.

    >>> [(f.title, f.units, f.authors, f.tier) for f in read_sentence("陇县法院钱若彤撰写的《论题甲》获得一等奖;", 1)]
    [('论题甲', '陇县法院', ('钱若彤',), '一等奖')]
    >>> [(f.title, f.units, f.authors, f.tier) for f in read_sentence("《论题乙》(金台法院 方舟)获二等奖", 1)]
    [('论题乙', '金台法院', ('方舟',), '二等奖')]
    >>> [(f.title, f.tier) for f in read_sentence("获得一等奖的是:《论题丙》、《论题丁》。", 1)]
    [('论题丙', '一等奖'), ('论题丁', '一等奖')]
    >>> [(f.title, f.units, f.authors, f.tier) for f in read_sentence("臺北地方法院陳大文撰寫的《論題庚》獲一等獎;", 1)]
    [('論題庚', '臺北地方法院', ('陳大文',), '一等獎')]
    >>> [(f.title, f.authors) for f in read_sentence("获二等奖的是:《论题戊》(宋志远)、《论题己》(韩 梅)。", 1)]
    [('论题戊', ('宋志远',)), ('论题己', ('韩梅',))]
    """
    simple = simplified(text)
    same = len(simple) == len(text)
    awards = list(_AWARD.finditer(simple if same else text))
    titles = quoted_titles(text)
    if not awards or not titles:
        return []
    found: list[Found] = []
    cut = 0
    for m in titles:
        award = next((a for a in awards if a.start() >= m.end()), None) or \
            next((a for a in reversed(awards) if a.end() <= m.start()), None)
        passed = [a.end() for a in awards if cut <= a.end() <= m.start()]
        lead = text[max([cut, *passed]):m.start()]  # after the previous title and any award stated before
        after = _AFTER.match(text[m.end():])
        cut = m.end() + (after.end() if after else 0)  # a bracketed byline is its title's, never the next one's
        if award is None or _CITED.search(lead):
            continue  # a document cited (根据《…通知》), not an essay
        label = text[award.start("label"):award.end("label")] if same else award.group("label")
        if awards and award.end() <= m.start():
            lead = text[max(award.end(), m.start() - len(lead)):m.start()]
        before = re.split(r"[,，:：]", lead.strip(" 、,，"))[-1]  # after the sentence's lead-in
        who = _LEAD.sub("", _WROTE.sub("", before.strip()))
        units, persons = _who(who)
        if not (units or persons) and after:
            units, persons = _who(after.group("byline"))
        found.append(Found(title=m.group("title"), units=units, authors=tuple(persons), lines=(number, number),
                           tier=label, tier_line=number, tier_how="sentence"))
    return found


def _who(text: str) -> tuple[str, list[str]]:
    if not text:
        return "", []
    parsed = parse_byline(text)
    if parsed is not None:
        return parsed[0], list(parsed[1])
    unit, persons = split_unit_person(text)
    return unit, persons


def recognize(lines: Sequence[SourceLine], marks: dict[int, TierMark]) -> list[Claim]:
    """One claim per line of prose that states prize-winning titles."""
    claims = []
    for line in lines:
        if not line.text or line.cells:
            continue
        found = [f for s in _SENTENCE.findall(line.text) for f in read_sentence(s, line.number)]
        if found:
            claims.append(Claim(NAME, frozenset([line.number]), tuple(found)))
    return claims
