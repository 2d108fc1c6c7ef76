"""Recurring terms not yet in the lexicon: material to grow it.

Every title, subtitle and paragraph is segmented with the lexicon's jieba
tokenizer (so known terms stay whole and drop out).  Each remaining word of
two or more Chinese characters is scored by TF-IDF — its count in the
compilation times its inverse document frequency in jieba's general-language
table (``jieba.analyse``), damped by ``log`` so one very long essay does not
dominate, times the number of essays using it — and kept only when at least
``min_essays`` essays use it.

Only nouns, verbal nouns, abbreviations and words unknown to jieba's
dictionary are proposed, never the generic words of
``extract/data/candidate_stopwords.txt``.  Two adjacent nouns jieba does not
join (单一 + 窗口) are proposed as one compound too; a word seen only inside
such a compound is not proposed on its own.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from pathlib import Path

from xianjice.extract.lexicon import Lexicon, load_lexicon
from xianjice.extract.records import Compilation, Essay
from xianjice.extract.segment import DISCOVERY
from xianjice.extract.text import HAN
from xianjice.extract.segment import tokenizer as make_tokenizer
from xianjice.extract.segment import tokens

_WORD = re.compile(f"^[{HAN}]{{2,}}$")
#: Samples listed per candidate.
SAMPLES = 5


#: Part-of-speech tags (of jieba's dictionary) a candidate may carry: nouns, verbal nouns,
#: abbreviations and set phrases.  Words jieba's dictionary lacks (new compounds) are kept too.
KEEP_TAGS = frozenset({"n", "nz", "vn", "j", "l", "an"})
STOPWORDS = Path(__file__).with_name("data") / "candidate_stopwords.txt"


@functools.cache
def _idf() -> tuple[dict[str, float], float, frozenset[str]]:
    import jieba.analyse  # imports jieba.posseg: only when candidates are asked for

    extractor = jieba.analyse.TFIDF()
    own = (line.strip() for line in STOPWORDS.read_text(encoding="utf-8").splitlines())
    stop = frozenset(extractor.stop_words) | {w for w in own if w and not w.startswith("#")}
    return extractor.idf_freq, extractor.median_idf, stop


@functools.cache
def _tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


#: Tags the two words of a compound candidate (单一 + 窗口) may carry.
COMPOUND_TAGS = KEEP_TAGS | {"b", "s", "ns", "nt", "ng"}


def _candidate(token: str, lexicon: Lexicon, stop_words: frozenset[str], tags: dict[str, str]) -> bool:
    return (bool(_WORD.match(token)) and token not in stop_words and lexicon.lookup(token) is None
            and tags.get(token, "n") in KEEP_TAGS)


def _compound(a: str, b: str, lexicon: Lexicon, stop_words: frozenset[str], tags: dict[str, str]) -> bool:
    """Two adjacent words that may form a term jieba does not know (单一窗口, 党务干部)."""
    return (bool(_WORD.match(a)) and bool(_WORD.match(b)) and not (a in stop_words and b in stop_words)
            and all(tags.get(w, "n") in COMPOUND_TAGS and lexicon.lookup(w) is None for w in (a, b))
            and lexicon.lookup(a + b) is None)


def essay_texts(essay: Essay) -> list[str]:
    """The title, subtitle and paragraphs of an essay (what candidates are drawn from)."""
    texts = [essay.entry.title]
    if essay.body is not None:
        texts += [essay.body.subtitle] if essay.body.subtitle else []
        texts += [p.text for p in essay.body.paragraphs]
    return texts


def candidate_terms(compilation: Compilation, *, lexicon: Lexicon | None = None, top: int = 50,
                    min_essays: int = 2) -> list[dict]:
    """The *top* recurring terms of *compilation* that *lexicon* does not know.

    Returns
    -------
    list of dict
        ``term``, ``count`` (occurrences), ``essays`` (how many essays use
        it), ``score`` (rounded TF-IDF weight) and ``sample`` (the first
        essay seqs using it), best first; ties broken by term, so the list
        is deterministic.
    """
    lexicon = lexicon or load_lexicon()
    tok = make_tokenizer(lexicon, DISCOVERY)
    idf, median, stop_words = _idf()
    tags = _tags()
    counts: Counter[str] = Counter()
    seen_in: dict[str, list[int]] = {}
    compounds: dict[str, tuple[str, str]] = {}
    for essay in compilation.essays:
        here: Counter[str] = Counter()
        for text in essay_texts(essay):
            words = tokens(text, tok)
            here.update(w for w in words if _candidate(w, lexicon, stop_words, tags))
            for a, b in zip(words, words[1:]):
                if _compound(a, b, lexicon, stop_words, tags):
                    here[a + b] += 1
                    compounds.setdefault(a + b, (a, b))
        counts.update(here)
        for term in here:
            seen_in.setdefault(term, []).append(essay.seq)
    kept = {term for term, essays in seen_in.items() if len(essays) >= min_essays}
    # a word only ever seen inside one kept compound is part of that term, not a term of its own
    parts_only = {w for term in kept if term in compounds for w in compounds[term] if counts[w] == counts[term]}
    rows = []
    for term in sorted(kept - parts_only):
        count, essays = counts[term], seen_in[term]
        if term in compounds and term not in idf:
            weight = sum(idf.get(w, median) for w in compounds[term]) / 2
        else:
            weight = idf.get(term, median)
        score = (1 + math.log(count)) * len(essays) * weight
        rows.append({"term": term, "count": count, "essays": len(essays), "score": round(score, 3),
                     "sample": sorted(essays)[:SAMPLES]})
    rows.sort(key=lambda r: (-r["score"], r["term"]))
    return rows[:top]
