"""Word segmentation, taught every term of a lexicon.

Two engines give the same tokens:

``jieba``
    the reference: a dedicated :class:`jieba.Tokenizer` (never the global
    one) with every lexicon label and alias added as a word, cutting with the
    HMM off (so no unknown word is guessed and the result depends only on
    the dictionary);
``rjieba``
    the fast path: rjieba, a binding of jieba-rs with the same dictionary,
    given the same words; about 15× faster and ready in 0.1 s instead of
    0.8 s.  ``tests/test_segment_engines.py`` proves the tokens equal on the
    seed and on a generated corpus.

A third engine, :data:`DISCOVERY`, is jieba with its HMM on, guessing words
its dictionary lacks; nothing of xianjice uses it by default any more
(lexicon candidates segment with the HMM off, so that no fragment spanning
two words is proposed).

The engine is ``rjieba`` when it is installed, unless the environment
variable ``XIANJICE_SEGMENTER`` says ``jieba``.  Either way ``大监管体系``
stays one token.  Dictionaries load on first use, never at import, and the
tokens of a text are cached: concepts, proposals and candidates segment each
paragraph once between them.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

from xianjice.errors import XianjiceError
from xianjice.extract.lexicon import Lexicon
from xianjice.extract.text import QUOTES, nfkc

_CACHE_SIZE = 8192
_NO_QUOTES = str.maketrans({c: None for c in QUOTES})
_QUOTE_SET = frozenset(QUOTES)
_QUOTE_RUN = re.compile(f"[{re.escape(QUOTES)}]+")
_SPACE = re.compile(r"\s")  # what str.strip() strips: Unicode whitespace
ENGINES = ("rjieba", "jieba")
#: jieba with its HMM on, guessing words its dictionary lacks: for discovering
#: lexicon candidates (``广东关区`` → 关区), never for matching concepts.
DISCOVERY = "jieba-hmm"


class Segmenter:
    """A word segmenter that knows a lexicon's terms.

    Build one with :func:`tokenizer`; call :meth:`cut` or, better,
    :func:`tokens` (which caches).
    """

    def __init__(self, engine: str, cut: Callable[[str], list[str]]):
        self.engine = engine
        self._cut = cut

    def cut(self, text: str) -> list[str]:
        """The tokens of *text*, as is (no normalisation)."""
        return self._cut(text)

    def __repr__(self) -> str:
        return f"<Segmenter {self.engine}>"


def default_engine() -> str:
    """``rjieba`` when installed, unless ``XIANJICE_SEGMENTER=jieba``; else ``jieba``."""
    wanted = os.environ.get("XIANJICE_SEGMENTER", "").strip().lower()
    if wanted:
        if wanted not in ENGINES:
            raise XianjiceError(f"XIANJICE_SEGMENTER={wanted!r}: use one of {', '.join(ENGINES)}")
        return wanted
    return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"


def tokenizer(lexicon: Lexicon, engine: str | None = None) -> Segmenter:
    """A segmenter knowing every term of *lexicon* (cached per lexicon and engine).

    Examples
    --------
    >>> from xianjice.extract.lexicon import load_lexicon
    >>> seg = tokenizer(load_lexicon())
    >>> seg is tokenizer(load_lexicon())
    True
    >>> tokens("构建“大监管”体系，防范两大风险", seg)
    ['构建', '大监管体系', ',', '防范', '两大风险']
    """
    return _tokenizer(lexicon, engine or default_engine())


@functools.lru_cache(maxsize=8)
def _tokenizer(lexicon: Lexicon, engine: str) -> Segmenter:
    if engine not in (*ENGINES, DISCOVERY):
        raise XianjiceError(f"unknown segmenter {engine!r}: use one of {', '.join(ENGINES)}")
    cut, _, add_word = _new_engine("jieba" if engine == DISCOVERY else engine, hmm=engine == DISCOVERY)
    for term in lexicon.terms():
        if len(term) > 1:
            add_word(term)
    return Segmenter(engine, cut)


def plain_tokenizer(engine: str | None = None) -> tuple[Callable[[str], list[str]], Callable[[str], bool]]:
    """``(cut, is_word)`` of an engine with its own dictionary only (no lexicon terms), HMM off.

    For text that is not an essay's, such as organisation names read out in
    pinyin; both engines give the same words.  Cached per engine.

    >>> cut, is_word = plain_tokenizer()
    >>> cut("拱北海关综合统计处"), is_word("海关"), is_word("大监管体系")
    (['拱北', '海关', '综合', '统计', '处'], True, False)
    >>> plain_tokenizer() is plain_tokenizer()
    True
    """
    return _plain_tokenizer(engine or default_engine())


@functools.cache
def _plain_tokenizer(engine: str) -> tuple[Callable[[str], list[str]], Callable[[str], bool]]:
    if engine not in ENGINES:
        raise XianjiceError(f"unknown segmenter {engine!r}: use one of {', '.join(ENGINES)}")
    cut, is_word, _ = _new_engine(engine, hmm=False)
    return cut, is_word


def _new_engine(engine: str, *, hmm: bool) -> tuple[Callable, Callable, Callable]:
    """``(cut, is_word, add_word)`` of a fresh tokenizer of ``engine`` (``rjieba`` or ``jieba``), never a shared one."""
    if engine == "rjieba":
        import rjieba

        r = rjieba.Jieba()
        return (lambda text: r.cut(text, hmm)), r.has_word, (lambda word: r.add_word(word, r.suggest_freq(word), None))
    import jieba

    jieba.default_logger.setLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    tok = jieba.Tokenizer()
    tok.initialize()
    return (lambda text: list(tok.cut(text, HMM=hmm))), (lambda word: tok.FREQ.get(word, 0) > 0), tok.add_word


def prepare(text: str) -> str:
    """Text as it is segmented: NFKC, quotes dropped (so ``“大监管”体系`` reads 大监管体系).

    >>> prepare("防范“两大风险”")
    '防范两大风险'
    """
    return prepared(text)[0]


@functools.lru_cache(maxsize=_CACHE_SIZE)
def prepared(text: str) -> tuple[str, Sequence[int]]:
    """``(prepare(text), offsets)``: offsets[i] is the position in *text* of character i of the prepared form.

    NFKC is applied character by character, so every prepared character
    maps back to the character it came from (one more entry maps the end).

    >>> prep, offsets = prepared("“党建”，")
    >>> prep, list(offsets)
    ('党建,', [1, 2, 4, 5])
    """
    stripped = _QUOTE_RUN.sub("", text)
    norm = nfkc(stripped)
    if len(norm) == len(stripped) and not _QUOTE_RUN.search(norm):  # the usual case: one to one
        return norm, KeptOffsets(text) if len(stripped) < len(text) else range(len(text) + 1)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _QUOTE_SET:
            continue
        norm = unicodedata.normalize("NFKC", ch).translate(_NO_QUOTES)
        out.append(norm)
        offsets.extend([i] * len(norm))
    offsets.append(len(text))
    return "".join(out), tuple(offsets)


class KeptOffsets(Sequence[int]):
    """Offsets in *text* of the characters that are not quotes, then ``len(text)``; looked up by bisection.

    Cheaper than listing them: a paragraph has thousands of characters and a
    few quotes, and only the ends of the matches are looked up.

    >>> list(KeptOffsets("“党建”，")), KeptOffsets("“党建”，")[-1]
    ([1, 2, 4, 5], 5)
    """

    def __init__(self, text: str):
        self._starts = [0]  # offset, among the kept characters, where each run between quotes starts
        self._shifts = [0]  # characters dropped before that run
        dropped = 0
        for m in _QUOTE_RUN.finditer(text):
            dropped += m.end() - m.start()
            self._starts.append(m.end() - dropped)
            self._shifts.append(dropped)
        self._len = len(text) - dropped + 1

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):
        if type(i) is int and 0 <= i < self._len:  # the usual case first: one lookup per end of a match
            return i + self._shifts[bisect_right(self._starts, i) - 1]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._len))]
        if -self._len <= i < 0:
            return self[i + self._len]
        raise IndexError(i)


def tokens(text: str, tok: Segmenter) -> list[str]:
    """The tokens of *text* in its :func:`prepare` form (NFKC: ``，`` reads ``,``), spaces dropped.

    Results are cached per (text, segmenter), so segmenting the same
    paragraph twice costs nothing.
    """
    return [t for _, t in token_spans(text, tok)]


def token_spans(text: str, tok: Segmenter) -> tuple[tuple[int, str], ...]:
    """``(start, token)`` of each token of *text*: start is an offset into :func:`prepare` (*text*), spaces dropped.

    >>> from xianjice.extract.lexicon import load_lexicon
    >>> token_spans("防范“两大风险”", tokenizer(load_lexicon()))
    ((0, '防范'), (2, '两大风险'))
    """
    return tuple(zip(*token_starts(text, tok)))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def token_starts(text: str, tok: Segmenter) -> tuple[list[int], list[str]]:
    """:func:`token_spans` as two lists, ``(starts, tokens)``: cheaper to make and to search (cached; do not change them).

    >>> from xianjice.extract.lexicon import load_lexicon
    >>> token_starts("防范 “两大风险”", tokenizer(load_lexicon()))
    ([0, 3], ['防范', '两大风险'])
    """
    prep = prepared(text)[0]
    cut = tok.cut(prep)
    starts = list(accumulate(map(len, cut), initial=0))
    starts.pop()
    if _SPACE.search(prep) is None:  # no blank token to drop (jieba yields no empty one)
        return starts, cut
    kept = [k for k, t in enumerate(cut) if t.strip()]
    return [starts[k] for k in kept], [cut[k] for k in kept]
