"""Field labelling of a byline: which part is the unit, which the persons (every layout uses it)."""

from __future__ import annotations

import re

from xianjice.extract.orgs import is_organisation, split_unit_person
from xianjice.extract.persons import join_latin, split_names
from xianjice.extract.script import simplified

_LABELS = {"作者": "persons", "撰稿人": "persons", "撰稿": "persons", "执笔人": "persons", "执笔": "persons",
           "姓名": "persons", "获奖者": "persons", "获奖人": "persons", "申报人": "persons", "主持人": "persons",
           "单位": "unit", "作者单位": "unit", "报送单位": "unit", "推荐单位": "unit", "工作单位": "unit",
           "所在单位": "unit", "选送单位": "unit"}
_LABEL = re.compile(r"(?P<label>" + "|".join(sorted(_LABELS, key=len, reverse=True)).replace("", r"\s*")[3:-3]
                    + r")\s*[:：]\s*")
_PAREN = re.compile(r"^[（(](?P<inner>.*)[）)]$")
_PERSON_UNIT = re.compile(r"^(?P<person>[^（()）]+?)\s*[（(](?P<unit>[^（()）]+)[）)]$")
_DASHES = "—–-－~～ "
_NUMBERED = re.compile(r"^(?:\d{1,4}\s*[.、．)）]|[（(]\d{1,4}[）)]|[一二三四五六七八九十]{1,3}、)")


def labelled(text: str) -> dict[str, str] | None:
    """The labelled fields of a byline (``作者:韩 颖 单位:某法院``, either script), or ``None``.

    >>> labelled("作者:蘇明遠 單位:石嘴山市惠農區人民法院")
    {'persons': '蘇明遠', 'unit': '石嘴山市惠農區人民法院'}
    >>> labelled("单位:甘肃省人民检察院矿区分院"), labelled("林若琳 孟书瑶")
    ({'unit': '甘肃省人民检察院矿区分院'}, None)
    """
    simple = simplified(text)
    if len(simple) != len(text):
        simple = text
    matches = list(_LABEL.finditer(simple))
    if not matches or simple[:matches[0].start()].strip(" (（"):
        return None
    out: dict[str, str] = {}
    for m, nxt in zip(matches, [*matches[1:], None]):
        value = text[m.end():nxt.start() if nxt else len(text)].strip(" ,，;；")
        field = _LABELS[re.sub(r"\s", "", m.group("label"))]
        out[field] = (out[field] + " " + value).strip() if field in out else value
    return out


def persons_with_units(text: str) -> tuple[str, list[str]] | None:
    """Persons each followed by their unit in brackets: ``张三(甲法院)、李四(乙法院)``.

    Returns the units ``、``-joined (each once, in order) and the persons, or ``None``.

    >>> persons_with_units("张三(某某市中级人民法院)、李 四(某某县人民法院)")
    ('某某市中级人民法院、某某县人民法院', ['张三', '李四'])
    >>> persons_with_units("张三、李四") is None
    True
    """
    parts = [p.strip() for p in re.split(r"(?<=[）)])\s*[、,，;；]?\s*", text.strip()) if p.strip()]
    units: list[str] = []
    persons: list[str] = []
    for part in parts:
        m = _PERSON_UNIT.match(part)
        if not m or not is_organisation(m.group("unit")):
            return None
        names = split_names(m.group("person"), pen_names=True)
        if not names:
            return None
        persons += names
        if m.group("unit").strip() not in units:
            units.append(m.group("unit").strip())
    return ("、".join(units), persons) if persons else None


def parse_byline(text: str) -> tuple[str, list[str]] | None:
    """The unit (as printed) and persons of a byline, or ``None`` when *text* is not one.

    Labelled (``作者:… 单位:…``), a unit then persons (``郑州市委会 周 岚``), persons
    only (``林若琳 孟书瑶``), a unit only, or a unit glued to a person (``陇县法院钱若彤``).

    Examples
    --------
    >>> parse_byline("郑州市委会 周 岚"), parse_byline("林若琳 孟书瑶"), parse_byline("(作者:顾清荷)")
    (('郑州市委会', ['周岚']), ('', ['林若琳', '孟书瑶']), ('', ['顾清荷']))
    >>> parse_byline("林若琳 孟书瑶 某某大学")
    ('某某大学', ['林若琳', '孟书瑶'])
    >>> parse_byline("秦皇岛关校 John Smith"), parse_byline("陇县法院钱若彤"), parse_byline("一起来看吧")
    (('秦皇岛关校', ['John Smith']), ('陇县法院', ['钱若彤']), None)
    """
    text = text.strip().strip(_DASHES)
    if _NUMBERED.match(text) or re.search(r"——|《|》", text):
        return None  # a numbered line is an entry; a dash or 《》 marks a title
    if m := _PAREN.match(text):
        text = m.group("inner").strip()
    if not text:
        return None
    if (fields := labelled(text)) is not None:
        unit = fields.get("unit", "")
        persons_text = fields.get("persons", "")
        if not unit and (pu := persons_with_units(persons_text)) is not None:
            return pu
        persons = split_names(persons_text, pen_names=True) or []
        if persons_text and not persons:
            persons = [persons_text]
        return unit, persons
    if (pu := persons_with_units(text)) is not None:
        return pu
    if names := split_names(text, pen_names=False):
        return "", names
    tokens = join_latin(text.split())
    if is_organisation(tokens[0]):
        rest = " ".join(tokens[1:])
        if not rest:
            return tokens[0], []
        if names := split_names(rest, pen_names=True):
            return tokens[0], names
    if len(tokens) >= 2 and is_organisation(tokens[-1]) and (names := split_names(" ".join(tokens[:-1]))):
        return tokens[-1], names  # persons, then their unit
    if len(tokens) == 1:
        unit, persons = split_unit_person(tokens[0])
        if unit and persons and is_organisation(unit):
            return unit, persons
    return None
