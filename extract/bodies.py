"""Essay bodies: found by their header, split into paragraphs.

A body starts with its title (stray spaces allowed, possibly wrapped over two
lines), an optional ``——`` subtitle and the byline (unit and authors).  It
runs until the next header.  Paragraphs split by a page break (a blank line
in the middle of a sentence) are joined again; section headings (``一、``,
``（一）``) stay paragraphs of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from xianjice.extract.records import Body, Paragraph, Span
from xianjice.extract.text import HAN, key

#: A paragraph that ends with one of these ends a sentence.
_TERMINAL = ("。", "！", "？", "!", "?", "…", "”", "」", "』", "；", ";", "）", ")", "：", ":")
_CN = "一二三四五六七八九十"
#: (level, pattern) of section and item numbering, outermost first: 一、 （一） 1. （1） ①.
MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^[{_CN}]+[、.．]\s*")),
    (2, re.compile(rf"^[（(][{_CN}]+[）)]\s*")),
    (3, re.compile(r"^\d{1,2}[.、．](?!\d)\s*")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]\s*")),
    (5, re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*")),
)
_SUBTITLE = re.compile(r"^[—－\-–]{1,3}\s*")


@dataclass(frozen=True)
class Header:
    """Where a body starts: the title line(s), subtitle and byline found."""

    target: tuple[str, int]  # ("essay", seq) or ("appendix", index)
    start: int  # 0-based index of the first title line
    content: int  # 0-based index of the first line after the header
    title: str
    subtitle: str | None
    byline: str | None


def numbering(text: str) -> tuple[int, str]:
    """The section numbering at the start of a paragraph: (level, marker); ``(0, "")`` when none.

    Examples
    --------
    >>> numbering("一、海关系统现行党组织管理体制")
    (1, '一、')
    >>> numbering("（一）调整海关现行党建工作管理体制。建立…")
    (2, '（一）')
    >>> numbering("1. 加强培训"), numbering("2009年"), numbering("① 完善制度")
    ((3, '1.'), (0, ''), (5, '①'))
    """
    for level, pattern in MARKERS:
        if m := pattern.match(text):
            return level, m.group(0).strip()
    return 0, ""


def is_heading(text: str) -> bool:
    """A paragraph that is a heading on its own: numbered and short, or very short, with no full stop.

    >>> is_heading("一、海关系统现行党组织管理体制及党建工作现状"), is_heading("（一）调整体制。建立与行政垂直管理体制相对应的党建工作管理体制")
    (True, False)
    """
    level, _ = numbering(text)
    if "。" in text or text.endswith(_TERMINAL[:5]):
        return False
    return (level > 0 and len(text) <= 60) or len(text) <= 16


def find_headers(lines: Sequence[str], start: int, titles: dict[str, list[tuple[str, int]]],
                 bylines: dict[tuple[str, int], str]) -> list[Header]:
    """Every body header from ``lines[start]`` on, in file order.

    *titles* maps a title key (:func:`xianjice.extract.text.key`) to its targets in
    contents order (two essays may share a title: each header goes to the
    first one not yet found whose byline follows, else the first not yet
    found); *bylines* maps a target to the key of its printed unit and authors.
    """
    headers: list[Header] = []
    seen: set[tuple[str, int]] = set()
    i = start
    n = len(lines)
    while i < n:
        if not lines[i]:
            i += 1
            continue
        match = _title_at(lines, i, titles)
        targets = [t for t in match[0] if t not in seen] if match else []
        if not targets:
            i += 1
            continue
        after = match[1]
        next_line = lines[_skip_blank(lines, after)] if _skip_blank(lines, after) < n else ""
        target = next((t for t in targets if bylines.get(t) and _is_byline(next_line, bylines[t])), targets[0])
        seen.add(target)
        title_text = "".join(lines[i:after]).replace(" ", "") if after - i > 1 else lines[i]
        j = _skip_blank(lines, after)
        subtitle = byline = None
        if j < n and _SUBTITLE.match(lines[j]) and lines[j].startswith(("—", "－", "-", "–")):
            subtitle = _SUBTITLE.sub("", lines[j]).strip() or None
            j = _skip_blank(lines, j + 1)
        want = bylines.get(target, "")
        if j < n and want and _is_byline(lines[j], want):
            byline = lines[j]
            j += 1
        headers.append(Header(target, i, j, _clean_title(title_text), subtitle, byline))
        i = j
    return headers


def _title_at(lines: Sequence[str], i: int, titles: dict[str, list[tuple[str, int]]]
              ) -> tuple[list[tuple[str, int]], int] | None:
    if len(lines[i]) > 120:
        return None
    k = key(lines[i])
    if k in titles:
        return titles[k], i + 1
    if i + 1 < len(lines) and lines[i + 1]:
        joined = k + key(lines[i + 1])
        if joined in titles:
            return titles[joined], i + 2
    return None


def _skip_blank(lines: Sequence[str], j: int) -> int:
    while j < len(lines) and not lines[j]:
        j += 1
    return j


def _is_byline(line: str, want: str) -> bool:
    k = key(line)
    return len(line) <= 80 and (k == want or (len(want) >= 2 and k.startswith(want[: max(2, len(want) // 2)])))


def _clean_title(title: str) -> str:
    """Drop stray spaces between Chinese characters (typesetting leftovers) from a body title."""
    return re.sub(rf"(?<=[{HAN}，、：；”“])\s+(?=[{HAN}，、：；“”])", "", title)


_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》【】—…·「」『』〈〉")


def is_foreign(line: str) -> bool:
    """Whether a line is mostly not Chinese text (under half its letters are Han characters).

    A paragraph of Chinese text never continues on such a line across a page break.

    >>> is_foreign("ZZJUNK-END ☃"), is_foreign("侦审分离有利于加强办案制约"), is_foreign("(WTO)规则")
    (True, False, False)
    """
    latin_words = len(re.findall(r"[A-Za-z0-9]+", line))  # a Latin word counts as one, like one Han character
    rest = [c for c in re.sub(r"[A-Za-z0-9]+", "", line) if not (c.isspace() or c.isascii() or c in _PUNCTUATION)]
    han = sum("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in rest)
    units = latin_words + len(rest)
    return bool(units) and han < 0.5 * units


def paragraphs(lines: Sequence[str], start: int, stop: int) -> tuple[Paragraph, ...]:
    """Paragraphs of ``lines[start:stop]``, rejoined across page breaks.

    A paragraph continues on the next non-blank line when it does not end a
    sentence, is not a heading, and the next line does not start a numbered
    section.  Line numbers are 1-based.
    """
    out: list[Paragraph] = []
    text = ""
    first = last = 0
    breaks: list[tuple[int, int]] = []
    for idx in range(start, stop):
        line = lines[idx]
        if not line:
            continue
        if text and not text.endswith(_TERMINAL) and not is_heading(text) and numbering(line)[0] == 0 \
                and not (is_foreign(line) and not is_foreign(text)):
            breaks.append((len(text), idx + 1))
            text += line
            last = idx + 1
            continue
        if text:
            out.append(_paragraph(text, first, last, tuple(breaks)))
        text, first, last, breaks = line, idx + 1, idx + 1, [(0, idx + 1)]
    if text:
        out.append(_paragraph(text, first, last, tuple(breaks)))
    return tuple(out)


def _paragraph(text: str, first: int, last: int, breaks: tuple[tuple[int, int], ...] = ()) -> Paragraph:
    level, marker = numbering(text)
    if not is_heading(text):
        level = 0  # numbered running text keeps its marker, not a heading level
    elif level == 0:
        level = 1  # an unnumbered short heading (结束语, 参考文献 …)
    return Paragraph(text=text, lines=Span(first, last), level=level, marker=marker,
                     breaks=breaks if len(breaks) > 1 else ())


def build_body(lines: Sequence[str], header: Header, stop: int) -> Body:
    """The body between *header* and ``lines[stop]`` (exclusive)."""
    paras = paragraphs(lines, header.content, stop)
    end = paras[-1].lines.end if paras else header.content
    return Body(title=header.title, subtitle=header.subtitle, byline=header.byline, paragraphs=paras,
                lines=Span(header.start + 1, max(end, header.start + 1)))


def body_chars(body: Body) -> int:
    return sum(len(p.text) for p in body.paragraphs)


def looks_cut_off(body: Body, *, expected_chars: float | None) -> bool:
    """Whether the last body of a file stops short.

    It does when its last paragraph stops mid-sentence, or when it holds far
    less text than its pages in the book should (under 40 % of
    *expected_chars*).
    """
    if not body.paragraphs:
        return True
    if not body.paragraphs[-1].text.endswith(_TERMINAL):
        return True
    return expected_chars is not None and body_chars(body) < 0.4 * expected_chars
