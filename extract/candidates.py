"""Terms the lexicon lacks, found by keyness against general Chinese: material to grow it.

Every title, subtitle and paragraph is segmented with the lexicon's
tokenizer (HMM off, so no word is guessed: fragments such as ``地去``,
``对本关``, ``四是`` are never proposed).  Before that, what is not discussion
is blanked out: document titles in 《》 and persons' names.  A word is a
candidate when it is a dictionary word of two or more Chinese characters,
tagged in jieba's dictionary as a noun, verbal noun, abbreviation or set
phrase (``n nz vn j l an``) — never a person (``nr``), place (``ns``) or
organisation (``nt``), never a unit name (a word ending in 处, 科, 局 …), never
one of ``extract/data/candidate_stopwords.txt``, never a lexicon term.  Two
adjacent nouns the dictionary does not join (单一 + 窗口) are proposed as one
compound when the pair recurs in at least ``min_essays`` essays.

Each candidate is scored by its **keyness**: Dunning's log-likelihood ratio
G² (Dunning 1993, "Accurate methods for the statistics of surprise and
coincidence", *Computational Linguistics* 19(1)) of its frequency in the
compilation against its frequency in the reference list jieba's dictionary
ships (``dict.txt``, about 60 million tokens of general Chinese).  Only words
used more often than in the reference (positive keyness), with an effect
size — Hardie's Log Ratio, log2 of the ratio of relative frequencies — of at
least ``min_log_ratio``, and by at least ``min_essays`` essays are kept.  A compound absent from the reference counts
0.5 there (add-half smoothing).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from pathlib import Path

from xianjice.extract.lexicon import Lexicon, load_lexicon
from xianjice.extract.records import Compilation, Essay
from xianjice.extract.text import HAN
from xianjice.extract.segment import tokenizer as make_tokenizer
from xianjice.extract.segment import token_spans

_WORD = re.compile(f"^[{HAN}]{{2,}}$")
_TITLE = re.compile(r"《[^《》]*》")
#: Samples listed per candidate.
SAMPLES = 5
#: Part-of-speech tags (of jieba's dictionary) a candidate may carry.
KEEP_TAGS = frozenset({"n", "nz", "vn", "j"})
#: Tags the first and second word of a compound candidate (单一 + 窗口) may carry.
COMPOUND_FIRST = frozenset({"n", "nz", "vn", "j", "b"})
COMPOUND_SECOND = frozenset({"n", "nz", "j", "s"})  # a term is head-final: its last word is a noun
#: Words of general Chinese (inverse document frequency in jieba's IDF table below this) are never proposed,
#: however often an essay uses them: 有关, 年度, 检查, 设置 …
MIN_IDF = 7.0
#: Two words form a compound candidate only when they cling together: symmetric conditional probability
#: ``c(ab)² / (c(a)·c(b))`` (da Silva & Lopes 1999) at least this.
MIN_SCP = 0.25
#: Default least effect size: log2 of how many times more often the compilation uses a word than the reference
#: does (Hardie 2014, "Log Ratio"): 5 = 32 times.
MIN_LOG_RATIO = 5.0
#: Last characters of unit names (秘书处, 缉私局, 政治部 …): such words are organisations, not terms.
UNIT_ENDINGS = tuple("处科局司室办部委股厅")
#: Words every essay of the domain uses; never a part of a compound candidate either.
DOMAIN_WORDS = frozenset({"海关", "关区", "总署", "直属", "隶属", "全国", "我国", "当前", "现行", "目前", "新形势"})
STOPWORDS = Path(__file__).with_name("data") / "candidate_stopwords.txt"


@functools.cache
def reference() -> tuple[dict[str, int], dict[str, str], int]:
    """``(frequency, tag, total)`` of jieba's dictionary (``dict.txt``): the reference corpus."""
    import jieba

    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    path = Path(jieba.__file__).with_name("dict.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
    return freq, tags, sum(freq.values())


@functools.cache
def idf() -> dict[str, float]:
    """Inverse document frequencies of general Chinese words (jieba's ``idf.txt``)."""
    import jieba.analyse

    return jieba.analyse.TFIDF().idf_freq


@functools.cache
def stopwords() -> frozenset[str]:
    """The words never proposed: ``candidate_stopwords.txt`` and the domain's everyday words."""
    own = (line.strip() for line in STOPWORDS.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in own if w and not w.startswith("#")) | DOMAIN_WORDS


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's G² of a word seen *a* times in a corpus of *c* tokens and *b* times in a reference of *d*.

    Positive when the word is over-used in the corpus, negative when under-used.

    >>> round(log_likelihood(10, 100, 1_000, 1_000_000), 2)
    71.36
    >>> log_likelihood(1, 10_000, 1_000, 1_000_000) < 0
    True
    """
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    return g2 if a / c >= b / d else -g2


def essay_texts(essay: Essay) -> list[str]:
    """The title, subtitle and paragraphs of an essay (what candidates are drawn from)."""
    texts = [essay.entry.title]
    if essay.body is not None:
        texts += [essay.body.subtitle] if essay.body.subtitle else []
        texts += [p.text for p in essay.body.paragraphs]
    return texts


def _discussion(text: str) -> str:
    """*text* with document titles and persons' names blanked (a comma each, so no word spans them)."""
    from xianjice.extract.mentions import persons

    text = _TITLE.sub("，", text) if "《" in text else text
    for name, _, at in sorted(persons(text), key=lambda p: -p[2]):
        text = text[:at] + "，" + text[at + len(name):]
    return text


def _general(word: str, idfs: dict[str, float]) -> bool:
    return word in idfs and idfs[word] < MIN_IDF


def _is_word(token: str, lexicon: Lexicon, stop: frozenset[str], tags: dict[str, str], idfs) -> bool:
    return (bool(_WORD.match(token)) and token in tags and tags[token] in KEEP_TAGS and token not in stop
            and not token.endswith(UNIT_ENDINGS) and not _abstract(token) and not _general(token, idfs)
            and lexicon.lookup_token(token) is None)


def _abstract(word: str) -> bool:
    """An abstract quality noun (针对性, 局限性, 紧迫感): never a term of the domain."""
    return len(word) >= 3 and word.endswith(("性", "感"))


def _compound(a: str, b: str, lexicon: Lexicon, stop: frozenset[str], tags: dict[str, str], idfs) -> bool:
    return (bool(_WORD.match(a)) and bool(_WORD.match(b)) and len(a) + len(b) <= 6 and min(len(a), len(b)) == 2
            and a + b not in stop and tags.get(a) in COMPOUND_FIRST
            and tags.get(b) in COMPOUND_SECOND and a not in stop and b not in stop and not b.endswith(UNIT_ENDINGS)
            and not _general(a, idfs) and not _general(b, idfs)
            and lexicon.lookup_token(a) is None and lexicon.lookup_token(b) is None
            and lexicon.lookup(a + b) is None)


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's Log Ratio: log2 of the relative frequency in the corpus over that in the reference.

    >>> log_ratio(10, 100, 1_000, 1_000_000)
    6.643856189774724
    """
    return math.log2((a / c) / (b / d))


def candidate_terms(compilation: Compilation, *, lexicon: Lexicon | None = None, top: int = 50,
                    min_essays: int = 2, min_log_ratio: float = MIN_LOG_RATIO) -> list[dict]:
    """The *top* key terms of *compilation* that *lexicon* does not know (see the module docs).

    Parameters
    ----------
    compilation
        An extracted compilation.
    lexicon
        The lexicon whose terms are known already; the bundled one by default.
    top
        How many candidates at most.
    min_essays
        Keep a candidate only when this many essays use it.
    min_log_ratio
        Keep a candidate only when its Log Ratio (effect size) against the
        reference is at least this: significance (G²) alone favours every
        frequent word of a large book.

    Returns
    -------
    list of dict
        ``term``, ``count`` (occurrences), ``essays`` (how many essays use
        it), ``reference`` (its count in jieba's dictionary), ``score`` (G²,
        rounded to 3 decimals), ``log_ratio`` (rounded to 2) and ``sample``
        (the first essay seqs using it), best first; ties broken by term, so
        the list is deterministic.
    """
    lexicon = lexicon or load_lexicon()
    tok = make_tokenizer(lexicon)
    freq, tags, total_ref = reference()
    stop = stopwords()
    idfs = idf()
    counts: Counter[str] = Counter()
    words_seen: Counter[str] = Counter()
    seen_in: dict[str, list[int]] = {}
    parts: dict[str, tuple[str, str]] = {}
    total = 0
    for essay in compilation.essays:
        here: Counter[str] = Counter()
        for text in essay_texts(essay):
            words = [t for _, t in token_spans(_discussion(text), tok)]
            total += len(words)
            words_seen.update(words)
            here.update(w for w in words if _is_word(w, lexicon, stop, tags, idfs))
            for a, b in zip(words, words[1:]):
                if _compound(a, b, lexicon, stop, tags, idfs):
                    here[a + b] += 1
                    parts.setdefault(a + b, (a, b))
        counts.update(here)
        for term in here:
            seen_in.setdefault(term, []).append(essay.seq)
    rows = []
    for term, essays in seen_in.items():
        if len(essays) < min_essays:
            continue
        if term in parts and term not in tags:
            a, b = parts[term]
            if counts[term] ** 2 < MIN_SCP * words_seen[a] * words_seen[b]:
                continue  # two words that merely meet
        ref = freq.get(term, 0)
        score = log_likelihood(counts[term], ref or 0.5, max(total, 1), total_ref)
        ratio = log_ratio(counts[term], ref or 0.5, max(total, 1), total_ref)
        if score <= 0 or ratio < min_log_ratio:
            continue
        rows.append({"term": term, "count": counts[term], "essays": len(essays), "reference": ref,
                     "score": round(score, 3), "log_ratio": round(ratio, 2), "sample": sorted(essays)[:SAMPLES]})
    rows.sort(key=lambda r: (-r["score"], r["term"]))
    return rows[:top]
