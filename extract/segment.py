"""Word segmentation with jieba, taught every term of a lexicon.

Each lexicon gets its own :class:`jieba.Tokenizer` (never the global one), with
every label and alias added as a word so that ``大监管体系`` stays one token.
jieba is the slowest step of the tool, so dictionaries load on first use
(never at import) and the tokens of a text are cached: concepts, proposals
and candidates segment each paragraph once between them.
"""

from __future__ import annotations

import functools
import logging
import unicodedata

import jieba

from extract.lexicon import QUOTES, Lexicon

_CACHE_SIZE = 8192


@functools.lru_cache(maxsize=8)
def tokenizer(lexicon: Lexicon) -> jieba.Tokenizer:
    """A dedicated jieba tokenizer knowing every term of *lexicon* (cached per lexicon).

    Examples
    --------
    >>> from extract.lexicon import load_lexicon
    >>> tok = tokenizer(load_lexicon())
    >>> tok is tokenizer(load_lexicon())
    True
    >>> tokens("构建“大监管”体系，防范两大风险", tok)
    ['构建', '大监管体系', ',', '防范', '两大风险']
    """
    jieba.default_logger.setLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    tok = jieba.Tokenizer()
    tok.initialize()
    for term in lexicon.terms():
        if len(term) > 1:
            tok.add_word(term)
    return tok


def prepare(text: str) -> str:
    """Text as it is segmented: NFKC, quotes dropped (so ``“大监管”体系`` reads 大监管体系).

    >>> prepare("防范“两大风险”")
    '防范两大风险'
    """
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c not in QUOTES)


def tokens(text: str, tok: jieba.Tokenizer) -> list[str]:
    """The jieba tokens of *text* in its :func:`prepare` form (NFKC: ``，`` reads ``,``), spaces dropped.

    Results are cached per (text, tokenizer), so segmenting the same
    paragraph twice costs nothing.
    """
    return list(_cut(text, tok))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _cut(text: str, tok: jieba.Tokenizer) -> tuple[str, ...]:
    return tuple(t for t in tok.cut(prepare(text)) if t.strip())
