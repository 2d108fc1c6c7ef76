"""Chinese numerals, as printed in prefaces and tier labels."""

from __future__ import annotations

import re

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


#: Rank of an award tier label.
TIER_RANKS = {"特等奖": 0, "一等奖": 1, "二等奖": 2, "三等奖": 3, "四等奖": 4, "五等奖": 5, "优秀奖": 9, "鼓励奖": 10}


def tier_rank(label: str) -> int | None:
    """Rank of a tier label: 一等奖 → 1; unknown labels → ``None``.

    >>> tier_rank("二等奖"), tier_rank("优秀奖"), tier_rank("金奖")
    (2, 9, None)
    """
    if label in TIER_RANKS:
        return TIER_RANKS[label]
    if label.endswith("等奖"):
        return to_int(label[:-2])
    return None


#: A tier label: 特等奖, 一等奖 … 十等奖, 优秀奖, 鼓励奖.
TIER_LABEL = r"(?:[一二三四五六七八九十特]等奖|优秀奖|鼓励奖)"
_TIER_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\d{1,2}[.、]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+部分[:：]?)?"
    r"[（(【\[]?(?P<label>" + TIER_LABEL + r")(?:获奖)?(?:作品|征文|文章|论文|名单)?[）)】\]]?"
    r"(?:[（(]?\s*共?\s*\d+\s*篇\s*[）)]?)?[:：]?$"
)


def tier_heading(text: str) -> str | None:
    """The tier label of a heading line (in :func:`xianjice.extract.text.key` form), else ``None``.

    The one rule for tier headings in the contents and in a results list.

    Examples
    --------
    >>> [tier_heading(t) for t in ("一等奖", "二等奖(40篇)", "一、一等奖征文", "第二部分:二等奖作品", "特等奖获奖作品(共3篇)")]
    ['一等奖', '二等奖', '一等奖', '二等奖', '特等奖']
    >>> tier_heading("一等奖20篇,二等奖40篇"), tier_heading("关于一等奖的思考")
    (None, None)
    """
    if len(text) > 24:
        return None
    m = _TIER_HEADING.match(text)
    return m.group("label") if m else None
