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
_WROTE = re.compile(r"(?:共同|联合)?(?:撰写|合写|创作|编写|所写|执笔|写)的?$|的$")
_LEAD = re.compile(r"^(?:其中|此外|另外|以及|和|及|与|、|,|，|:|：|\s)+")
_CITED = re.compile(r"(?:根据|按照|依据|依照|贯彻|落实|印发|关于|通过|学习)$")
_AWARD = re.compile(r"(?:获得?|荣获|获评|评为|被评为)[^《》]{0,12}?(?P<label>" + TIER_LABEL + r")")


def read_sentence(text: str, number: int) -> list[Found]:
    """The entries one sentence states (each with the sentence's tier).

    >>> [(f.title, f.units, f.authors, f.tier) for f in read_sentence("陇县法院钱若彤撰写的《论题甲》获得一等奖;", 1)]
    [('论题甲', '陇县法院', ('钱若彤',), '一等奖')]
    """
    simple = simplified(text)
    award = _AWARD.search(simple if len(simple) == len(text) else text)
    titles = quoted_titles(text)
    if not award or not titles:
        return []
    label = text[award.start("label"):award.end("label")] if len(simple) == len(text) else award.group("label")
    found: list[Found] = []
    cut = 0
    for m in titles:
        if m.start() > award.start():
            break
        if _CITED.search(text[cut:m.start()]):
            cut = m.end()
            continue  # a document cited (根据《…通知》), not an essay
        before = re.split(r"[,，:：]", text[cut:m.start()].strip(" 、,，"))[-1]  # after the sentence's lead-in
        who = _LEAD.sub("", _WROTE.sub("", before.strip()))
        units, persons = _who(who)
        found.append(Found(title=m.group("title"), units=units, authors=tuple(persons), lines=(number, number),
                           tier=label, tier_line=number, tier_how="sentence"))
        cut = m.end()
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
