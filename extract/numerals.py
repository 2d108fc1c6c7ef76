"""Chinese numerals, as printed in prefaces and tier labels."""

from __future__ import annotations

import re

from xianjice.extract.script import simplified
from xianjice.extract.text import key

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}

#: Characters that may form a Chinese numeral.
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def to_int(text: str) -> int | None:
    """Parse an Arabic or Chinese numeral; ``None`` when *text* is neither.

    Examples
    --------
    >>> [to_int(s) for s in ("397", "二十", "三百九十七", "十五", "二〇〇九", "甲")]
    [397, 20, 397, 15, 2009, None]
    """
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if any(c not in NUMERAL_CHARS for c in text):
        return None
    if not any(c in _UNITS for c in text):  # digit by digit: 二〇〇九
        return int("".join(str(_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, 0
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c == "万":
            total += (section + digit) * 10000
            section = digit = 0
        else:
            section += (digit or 1) * _UNITS[c]
            digit = 0
    return total + section + digit


#: Rank of an award tier label (simplified form).  入选/入围作品 are selected without a prize: ranked after every prize.
TIER_RANKS = {"特等奖": 0, "一等奖": 1, "二等奖": 2, "三等奖": 3, "四等奖": 4, "五等奖": 5, "优秀奖": 9, "鼓励奖": 10,
              "佳作奖": 11, "入围作品": 20, "入选作品": 21}


def tier_rank(label: str) -> int | None:
    """Rank of a tier label, printed in either script: 一等奖 → 1; unknown labels → ``None``.

    >>> tier_rank("二等奖"), tier_rank("优秀奖"), tier_rank("一等獎"), tier_rank("入选作品"), tier_rank("金奖")
    (2, 9, 1, 21, None)
    """
    label = simplified(label)
    if label in TIER_RANKS:
        return TIER_RANKS[label]
    if label.endswith("等奖"):
        return to_int(label[:-2])
    return None


#: A tier label (simplified form): 特等奖, 一等奖 … 十等奖, 优秀奖, 鼓励奖, 佳作奖, 入选/入围作品.
TIER_LABEL = r"(?:[一二三四五六七八九十特]等奖|优秀奖|鼓励奖|佳作奖|入[选围](?=作品|名单|篇目|$|[（(:：]))"
#: A count after a tier label: (5项), 2篇, (共3篇/首), (若干), 空缺.
TIER_COUNT = (r"(?:[（(]?\s*共?\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:篇|项|件|名|首|个|部|人|组)(?:\s*/\s*(?:篇|项|件|名|首|个|部))?"
              r"\s*[）)]?|[（(]\s*若干\s*(?:篇|项|件|名|首|个|部|人|组)?\s*[）)]|[（(]?\s*空缺\s*[）)]?)")
_TIER_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\d{1,2}[.、]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+部分[:：]?)?"
    r"[（(【\[]?(?P<label>" + TIER_LABEL + r")(?:获奖|获得者)?(?:作品|征文|文章|论文|名单|篇目|成果|调研报告|课题|理论文章)*"
    r"[）)】\]]?(?:[:：]?" + TIER_COUNT + r")?(?:[（(](?:排名不分先后|按[^（()）]{1,12}排序|排名不分前后)[）)])?[:：]?$"
)
_TIER_SENTENCE = re.compile(r"(?P<label>" + TIER_LABEL + r")(?:[^。；;:：]{0,8}?" + TIER_COUNT + r"[^。；;]{0,12}"
                            r"|[^。；;:：]{0,10}(?:如下|分别是|分别为|名单|有|是|为))[:：]$")


def _printed_label(text: str, simple: str, m: re.Match) -> str:
    """The label as printed: the characters of *text* at the match (same length as its simplified form)."""
    label = m.group("label")
    if label.startswith("入"):
        label += "作品"
        return label if simple == text else text[m.start("label"):m.start("label") + 2] + "作品"
    return text[m.start("label"):m.end("label")] if len(simple) == len(text) else label


def tier_heading(text: str) -> str | None:
    """The tier label of a heading line (in :func:`xianjice.extract.text.key` form), else ``None``.

    The one rule for tier headings in the contents and in a results list; the
    label is returned as printed (traditional characters kept), matched
    through the simplified form.

    Examples
    --------
    >>> [tier_heading(t) for t in ("一等奖", "二等奖(40篇)", "一、一等奖征文", "第二部分:二等奖作品", "特等奖获奖作品(共3篇)")]
    ['一等奖', '二等奖', '一等奖', '二等奖', '特等奖']
    >>> [tier_heading(t) for t in ("一等奖(5项)", "三等奖(2件)", "优秀奖(3篇/首)", "特等奖:空缺", "一等獎(3篇)", "入选作品")]
    ['一等奖', '三等奖', '优秀奖', '特等奖', '一等獎', '入选作品']
    >>> [tier_heading(t) for t in ("【二等奖】", "三等奖获奖论文名单(排名不分先后)", "优秀奖(10篇)(按姓氏笔画排序)")]
    ['二等奖', '三等奖', '优秀奖']
    >>> [tier_heading(t) for t in ("优秀奖（若干）", "鼓励奖(若干篇)", "佳作奖 共5件")]
    ['优秀奖', '鼓励奖', '佳作奖']
    >>> tier_heading("一等奖20篇,二等奖40篇"), tier_heading("关于一等奖的思考")
    (None, None)
    """
    if len(text) > 32:
        return None
    simple = simplified(text)
    m = _TIER_HEADING.match(simple)
    return _printed_label(text, simple, m) if m else None


def tier_sentence(text: str) -> str | None:
    """The tier a sentence states for the list that follows it (``…三等奖2项,分别是:``), else ``None``.

    The sentence names exactly one tier, with its count, and ends with a colon.

    >>> tier_sentence("我校喜获全省高校组织工作优秀论文三等奖2项,分别是:")
    '三等奖'
    >>> tier_sentence("我院获得二等奖的作品如下:"), tier_sentence("我院荣获一等奖的有3篇:")
    ('二等奖', '一等奖')
    >>> tier_sentence("一等奖20篇,二等奖40篇:"), tier_sentence("获得一等奖。")
    (None, None)
    """
    simple = simplified(key(text))
    if len(re.findall(TIER_LABEL, simple)) != 1:
        return None
    m = _TIER_SENTENCE.search(simple)
    return _printed_label(key(text), simple, m) if m else None


def tier_is_empty(text: str) -> bool:
    """Whether a tier heading says the tier was not awarded (空缺).

    >>> tier_is_empty("特等奖:空缺"), tier_is_empty("一等奖(2篇)")
    (True, False)
    """
    return "空缺" in text
