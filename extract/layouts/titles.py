"""Shared pieces of title lines: numbering, 《》, genre words."""

from __future__ import annotations

import re

#: Numbering printed before an entry: 1. 1、 (1) 一、 - •
NUMBERING = re.compile(r"^(?:\d{1,4}\s*[.、．)）:：]|[（(]\d{1,4}[）)]|[一二三四五六七八九十]{1,3}、|[-–•·●▪*])\s*")
#: Genre words printed before a title (散文《…》).
GENRES = ("报告文学", "调研报告", "论文", "散文", "诗歌", "小说", "杂文", "随笔", "评论", "诗词", "故事", "剧本", "征文",
          "调研文章", "理论文章", "微小说", "书法", "摄影", "演讲稿", "案例", "文章", "课题", "诗", "词")
_QUOTED = re.compile(r"《(?P<title>(?:[^《》]|《[^《》]*》)+)》")
_SENTENCE_END = ("。", "！", "？", "!", "?", "…", "：", ":")


_DASHED_BYLINE = re.compile(r"^(?P<title>.+?)\s*(?:——|--|—)\s*(?P<byline>[^—-]+)$")
_TRAILING_BYLINE = re.compile(r"^(?P<title>.+?)\s*[（(](?P<byline>[^（()）]+)[）)]$")


def trailing_byline(text: str) -> tuple[str, str] | None:
    """A title line ending in its byline in brackets: ``题目(郑州市委会 周岚)`` → (title, byline text).

    >>> trailing_byline("义务献血体制亟待升级(郑州市委会 周 岚)"), trailing_byline("论纳税服务——某某市税务局 刘洋")
    (('义务献血体制亟待升级', '郑州市委会 周 岚'), ('论纳税服务', '某某市税务局 刘洋'))
    """
    m = _TRAILING_BYLINE.match(text)
    if m:
        return m.group("title"), m.group("byline")
    m = _DASHED_BYLINE.match(text)
    return (m.group("title"), m.group("byline")) if m else None


def strip_numbering(text: str) -> str:
    """Drop the numbering printed before an entry.

    >>> strip_numbering("1、付振邦:《题》"), strip_numbering("2.《山海情深》"), strip_numbering("- 罗湖的春天")
    ('付振邦:《题》', '《山海情深》', '罗湖的春天')
    """
    return NUMBERING.sub("", text.strip(), count=1)


def quoted_titles(text: str) -> list[re.Match]:
    """The 《title》 spans of a line (a title may hold a nested 《》).

    >>> [m.group("title") for m in quoted_titles("散文《站成风中的钻天杨》作者:侯德胜")]
    ['站成风中的钻天杨']
    """
    return list(_QUOTED.finditer(text))


def whole_quoted(text: str) -> str | None:
    """The title when the line is one 《title》 and nothing else (numbering aside).

    >>> whole_quoted("《我国证券民事公益诉讼的制度构建研究》"), whole_quoted("散文《题》作者:某")
    ('我国证券民事公益诉讼的制度构建研究', None)
    """
    text = strip_numbering(text)
    m = _QUOTED.fullmatch(text)
    return m.group("title") if m else None


_DATE = (r"^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$"
         r"|^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?$")
_NOT_A_TITLE = re.compile(r"^(?:附件|附[:：]|抄送|联系人|联系电话|电话|地址|邮编|特此|发布时间|来源|编辑|责任编辑|审核)|" + _DATE)


def is_date(text: str) -> bool:
    """Whether a line is only a date, as under a notice's signature.

    >>> is_date("2023年5月12日"), is_date("二〇二三年五月十二日"), is_date("2023年度优秀论文")
    (True, True, False)
    """
    return re.match(_DATE, text.strip()) is not None


def is_sentence(text: str) -> bool:
    """Whether a line reads as a sentence or a formality of notice text rather than a title.

    >>> is_sentence("哪些文章和作者获奖?"), is_sentence("2023年5月10日"), is_sentence("义务献血体制亟待升级")
    (True, True, False)
    """
    return text.endswith(_SENTENCE_END) or len(text) > 200 or bool(_NOT_A_TITLE.search(text)) \
        or sum("\u3400" <= c <= "\u9fff" for c in text) < 2
