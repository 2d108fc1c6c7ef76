"""Essay → concept links, each with evidence a reader can check.

A concept is found where the text names one of its terms (label, synonym or
traditional form, compared in match form):

* a jieba token *is* the term — never a substring alone, so ``加大监管力度``
  does not speak of 大监管;
* the term printed with one ``的`` between two of its words
  (``办案权力的制约`` names 权力制约, ``犯罪嫌疑人权利的保障`` names
  犯罪嫌疑人权利保障);
* the term printed across a stray space (``两大 风险``);
* a term holding punctuation (``金关工程（二期）``), found as a phrase.

A match is not discussion of a concept when it lies inside a document title
in 《》 (《海关政治工作暂行条例》 does not speak of 政治工作), inside a unit
name (法制 in ``法制部门``, 统计 in ``综合统计处``) or inside a person's name.
Every link counts the occurrences (no more: synonyms fold into their concept
but nothing else does), and says where the first one is: the source line
holding it (not the first line of its paragraph), the forms seen and a
snippet of the text around it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from typing import NamedTuple

from xianjice.extract.lexicon import Lexicon
from xianjice.extract.text import QUOTES
from xianjice.extract.records import Body, Concept, ConceptLink
from xianjice.extract.segment import Segmenter, plain_tokenizer, prepared, token_starts

#: Characters of context on each side of a match in a snippet.
SNIPPET = 18
#: Words that end a unit name when printed right after a term (法制部门, 风险管理处 …).
UNIT_WORDS = ("部门", "办公室", "委员会", "课题组", "分中心", "分局", "支局", "领导小组")
#: One-character unit endings; a unit unless the character and the next form a word (处理, 科学, 部署 …).
UNIT_CHARS = frozenset("处科局司室办部委股")
_UNIT_FIRST = frozenset(w[0] for w in UNIT_WORDS) | UNIT_CHARS
_TITLE = re.compile(r"《[^《》]*》")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")  # \s is what str.isspace() says
_NO_QUOTES = str.maketrans({c: None for c in QUOTES})
#: Longest term looked for across a stray space.
_GAP_SPAN = 12


class Match(NamedTuple):
    """One occurrence of a concept in a text: ``text[start:end]``; ``surface`` is the form printed, quotes dropped."""

    start: int
    end: int
    concept: Concept
    surface: str


@functools.lru_cache(maxsize=8192)
def matches(text: str, *, lexicon: Lexicon, tokenizer: Segmenter) -> tuple[Match, ...]:
    """Every occurrence of a lexicon concept in *text*, in order (see the module docs for the rules).

    Results are cached per (text, lexicon, tokenizer): the proposals of an
    essay ask again for paragraphs its concept links have read.

    Examples
    --------
    >>> from xianjice.extract.lexicon import load_lexicon
    >>> from xianjice.extract.segment import tokenizer
    >>> lex = load_lexicon()
    >>> found = matches("防范“两大 风险”，落实《海关政治工作暂行条例》，在法制部门设立预审科，加强政治工作",
    ...                 lexicon=lex, tokenizer=tokenizer(lex))
    >>> [(m.concept.label, m.surface) for m in found]
    [('两大风险', '两大 风险'), ('政治工作', '政治工作')]
    """
    prep, offsets = prepared(text)
    starts, words = token_starts(text, tokenizer)
    index = lexicon._index  # tokens are in match form already (Lexicon.lookup_token)
    terms = compress(range(len(words)), map(index.__contains__, words))
    found = [(starts[k], starts[k] + len(words[k]), index[words[k]]) for k in terms]
    more = []
    if "的" in prep:
        more += _de_matches(prep, starts, words, lexicon)
    if " " in prep or "\t" in prep or "\u3000" in prep:
        more += _gap_matches(prep, lexicon)
    if _phrase_pattern(lexicon) is not None:
        more += _phrase_matches(prep, lexicon)
    if more:  # longest first, then leftmost: a phrase or a spaced term wins over the words inside it
        taken = bytearray(len(prep))
        kept = []
        for f in sorted(found + more, key=lambda f: (f[0] - f[1], f[0])):
            if not any(taken[f[0]:f[1]]):
                taken[f[0]:f[1]] = b"\x01" * (f[1] - f[0])
                kept.append(f)
        found = sorted(kept)  # tokens never overlap one another: no sorting needed without the others
    if not found:
        return ()
    blocked = _blocked(prep)
    out = []
    for start, end, concept in found:
        if blocked[start] or _in_unit_name(prep, end):
            continue
        a, b = offsets[start], offsets[end - 1] + 1
        out.append(Match(a, b, concept, text[a:b].translate(_NO_QUOTES)))
    return tuple(out)


def _phrase_matches(prep: str, lexicon: Lexicon) -> list[tuple[int, int, Concept]]:
    pattern = _phrase_pattern(lexicon)
    return [(m.start(), m.end(), lexicon.lookup_token(m.group())) for m in pattern.finditer(prep)]


@functools.lru_cache(maxsize=8)
def _phrase_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    phrases = lexicon.phrases
    return re.compile("|".join(map(re.escape, phrases))) if phrases else None


def _gap_matches(prep: str, lexicon: Lexicon) -> list[tuple[int, int, Concept]]:
    """Terms printed across a stray space between two words (``两大 风险``, ``AEO 认证``)."""
    runs = [(m.start(), m.end()) for m in _NON_SPACE.finditer(prep)]
    where: list[int] = []  # where[k]: offset in prep of character k of s
    gaps = []
    for a, b in runs:
        if where:
            gaps.append(len(where))
        where.extend(range(a, b))
    s = "".join(prep[a:b] for a, b in runs)
    prefixes = _prefixes(lexicon)
    out = []
    for g in gaps:  # s[g] is the first character after a space
        best = None
        for i in range(max(0, g - _GAP_SPAN), g):
            if s[i:g] not in prefixes:
                continue  # no term starts with s[i:g], so none starts at i and crosses the gap
            for j in range(min(len(s), i + _GAP_SPAN), g, -1):
                concept = lexicon.lookup_token(s[i:j])
                if concept is not None and (best is None or j - i > best[1] - best[0]):
                    best = (i, j, concept)
                    break
        if best is not None:
            out.append((where[best[0]], where[best[1] - 1] + 1, best[2]))
    return out


@functools.lru_cache(maxsize=8)
def _prefixes(lexicon: Lexicon) -> frozenset[str]:
    """Every non-empty prefix of every term (match form)."""
    return frozenset(term[:n] for term in lexicon.terms() for n in range(1, len(term) + 1))


def _de_matches(prep: str, starts: list[int], words: list[str], lexicon: Lexicon) -> list[tuple[int, int, Concept]]:
    """A term printed with one 的 between two of its words: 权力的制约 → 权力制约."""
    halves, lasts = _de_halves(lexicon)
    out = []
    for k in compress(range(1, len(words) - 1), map("的".__eq__, words[1:-1])):
        if words[k - 1] not in lasts:
            continue
        at = starts[k]
        for i in range(k - 1, max(-1, k - 4), -1):
            rights = halves.get(prep[starts[i]:at].replace(" ", ""))
            if not rights:
                continue
            for j in range(k + 1, min(len(words), k + 4)):
                end = starts[j] + len(words[j])
                concept = rights.get(prep[at + 1:end].replace(" ", ""))
                if concept is not None:
                    out.append((starts[i], end, concept))
    return out


@functools.lru_cache(maxsize=8)
def _de_halves(lexicon: Lexicon) -> tuple[dict[str, dict[str, Concept]], frozenset[str]]:
    """Left half → right half → concept, for every split of a term between two of its words (权力|制约),
    and every ending of a left half (the token before a 的 must be one)."""
    out: dict[str, dict[str, Concept]] = {}
    for term in lexicon.terms():
        for b in _word_bounds(term):
            out.setdefault(term[:b], {})[term[b:]] = lexicon.lookup_token(term)
    return out, frozenset(left[i:] for left in out for i in range(len(left)))


@functools.lru_cache(maxsize=4096)
def _word_bounds(term: str) -> frozenset[int]:
    """Offsets inside *term* where one of its plain words ends (权力制约 → {2}); words of one character do not count."""
    words = _plain()[0](term)
    if len(words) < 2 or any(len(w) < 2 for w in words):
        return frozenset()
    bounds, at = set(), 0
    for w in words[:-1]:
        at += len(w)
        bounds.add(at)
    return frozenset(bounds)


@functools.cache
def _plain():
    return plain_tokenizer()


def _blocked(prep: str) -> bytearray:
    """Where *prep* is not discussion: 1 at each character of a document title in 《》 or a person's name, else 0."""
    from xianjice.extract.mentions import persons

    spans = [(m.start(), m.end()) for m in _TITLE.finditer(prep)] if "《" in prep else []
    spans += [(at, at + len(name)) for name, _, at in persons(prep)]
    mask = bytearray(len(prep))
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _in_unit_name(prep: str, end: int) -> bool:
    """Whether the term ending at *end* is the head of a unit name (法制部门, 风险管理处, 缉私局)."""
    if prep[end:end + 1] not in _UNIT_FIRST and prep[end + 2:end + 3] not in _UNIT_FIRST:
        return False
    rest = prep[end:end + 4]
    if not rest:
        return False
    if rest.startswith(UNIT_WORDS):
        return True  # 法制部门
    is_word = _plain()[1]
    if prep[end + 2:end + 6].startswith(UNIT_WORDS) and is_word(rest[:2]):
        return True  # with one word between: 法制预审部门
    if not rest or rest[0] not in UNIT_CHARS:
        return False
    nxt = rest[1:2]
    if not nxt or not _HAN.match(nxt):
        return True
    return not (is_word(rest[:2]) or is_word(rest[:3]))


def snippet(text: str, start: int, end: int, *, width: int = SNIPPET) -> str:
    """The text around ``text[start:end]``, on one line, with … where it was cut.

    >>> snippet("一二三四五六七八九十", 4, 6, width=2)
    '…三四五六七八…'
    """
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + _SPACE.sub(" ", text[a:b]).strip() + ("…" if b < len(text) else "")


def concepts_in(text: str, *, lexicon: Lexicon, tokenizer: Segmenter) -> tuple[str, ...]:
    """Labels of the concepts named in *text*, in order of first appearance.

    Examples
    --------
    >>> from xianjice.extract.lexicon import load_lexicon
    >>> from xianjice.extract.segment import tokenizer
    >>> lex = load_lexicon()
    >>> concepts_in("加大党建工作力度，防范两个风险，推进党的建设", lexicon=lex, tokenizer=tokenizer(lex))
    ('党建', '两大风险')
    """
    return tuple(dict.fromkeys(m.concept.label for m in matches(text, lexicon=lexicon, tokenizer=tokenizer)))


@dataclass
class _Tally:
    first_line: int
    snippet: str
    title: int = 0
    body: int = 0
    surfaces: dict[str, None] = field(default_factory=dict)


def concept_links(title: str, title_line: int, body: Body | None, *, lexicon: Lexicon,
                  tokenizer: Segmenter) -> tuple[ConceptLink, ...]:
    """The concepts an essay speaks of, from its title and (when present) its body.

    Parameters
    ----------
    title
        The essay title (from the contents).
    title_line
        The line of the title, reported as evidence for title matches.
    body
        The body, or ``None`` when the book does not hold it.  Its subtitle
        counts as body text, on the body's first line; a paragraph's matches
        are placed on the source line that holds them.
    lexicon, tokenizer
        The lexicon and a tokenizer from :func:`xianjice.extract.segment.tokenizer`.

    Returns
    -------
    tuple of ConceptLink
        Sorted by count (descending), first line, then label.
    """
    tallies: dict[str, _Tally] = {}
    _tally(tallies, [(title, lambda _: title_line)], "title", lexicon, tokenizer)
    if body is not None:
        texts = [(body.subtitle, lambda _: body.lines.start)] if body.subtitle else []
        texts += [(p.text, p.line_at) for p in body.paragraphs]
        _tally(tallies, texts, "body", lexicon, tokenizer)
    links = []
    for label, t in tallies.items():
        concept = lexicon.lookup(label)
        where = "title+body" if t.title and t.body else ("title" if t.title else "body")
        surfaces = tuple(t.surfaces)
        links.append(ConceptLink(concept=label, theme=concept.theme, where=where, count=t.title + t.body,
                                 first_line=t.first_line, surface=surfaces[0], surfaces=surfaces, snippet=t.snippet))
    return tuple(sorted(links, key=lambda link: (-link.count, link.first_line, link.concept)))


def _tally(tallies: dict[str, _Tally], texts: Iterable, where: str, lexicon: Lexicon, tokenizer: Segmenter) -> None:
    for text, line_at in texts:
        for m in matches(text, lexicon=lexicon, tokenizer=tokenizer):
            tally = tallies.get(m.concept.label)
            if tally is None:
                tally = tallies[m.concept.label] = _Tally(first_line=line_at(m.start),
                                                          snippet=snippet(text, m.start, m.end))
            surface = m.surface if m.surface.isalnum() else _SPACE.sub(" ", m.surface)
            tally.surfaces.setdefault(surface, None)
            if where == "title":
                tally.title += 1
            else:
                tally.body += 1
