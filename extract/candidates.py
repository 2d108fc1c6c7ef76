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
used more often than in the reference (positive keyness) and by at least
``min_essays`` essays are kept.  A compound absent from the reference counts
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
from xianjice.extract.segment import tokenizer as make_tokenizer
from xianjice.extract.segment import token_spans

_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_TITLE = re.compile(r"《[^《》]*》")
#: Samples listed per candidate.
SAMPLES = 5
#: Part-of-speech tags (of jieba's dictionary) a candidate may carry.
KEEP_TAGS = frozenset({"n", "nz", "vn", "j", "l", "an"})
#: Tags the first and second word of a compound candidate (单一 + 窗口) may carry.
COMPOUND_FIRST = frozenset({"n", "nz", "vn", "j", "b", "an"})
COMPOUND_SECOND = frozenset({"n", "nz", "vn", "j"})
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
def stopwords() -> frozenset[str]:
    """The words never proposed: ``candidate_stopwords.txt`` and the domain's everyday words."""
    own = (line.strip() for line in STOPWORDS.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in own if w and not w.startswith("#")) | DOMAIN_WORDS


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's G² of a word seen *a* times in a corpus of *c* tokens and *b* times in a reference of *d*.

    Positive when the word is over-used in the corpus, negative when under-used.

    >>> round(log_likelihood(10, 100, 1_000, 1_000_000), 2)
    41.5
    >>> log_likelihood(1, 1000, 1000, 1_000_000) < 0
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


def _is_word(token: str, lexicon: Lexicon, stop: frozenset[str], tags: dict[str, str]) -> bool:
    return (bool(_WORD.match(token)) and token in tags and tags[token] in KEEP_TAGS and token not in stop
            and not token.endswith(UNIT_ENDINGS) and lexicon.lookup_token(token) is None)


def _compound(a: str, b: str, lexicon: Lexicon, stop: frozenset[str], tags: dict[str, str]) -> bool:
    return (bool(_WORD.match(a)) and bool(_WORD.match(b)) and tags.get(a) in COMPOUND_FIRST
            and tags.get(b) in COMPOUND_SECOND and a not in stop and b not in stop and not b.endswith(UNIT_ENDINGS)
            and lexicon.lookup_token(a) is None and lexicon.lookup_token(b) is None
            and lexicon.lookup(a + b) is None)


def candidate_terms(compilation: Compilation, *, lexicon: Lexicon | None = None, top: int = 50,
                    min_essays: int = 2) -> list[dict]:
    """The *top* key terms of *compilation* that *lexicon* does not know (see the module docs).

    Returns
    -------
    list of dict
        ``term``, ``count`` (occurrences), ``essays`` (how many essays use
        it), ``reference`` (its count in jieba's dictionary), ``score`` (G²,
        rounded to 3 decimals) and ``sample`` (the first essay seqs using
        it), best first; ties broken by term, so the list is deterministic.
    """
    lexicon = lexicon or load_lexicon()
    tok = make_tokenizer(lexicon)
    freq, tags, total_ref = reference()
    stop = stopwords()
    counts: Counter[str] = Counter()
    seen_in: dict[str, list[int]] = {}
    total = 0
    for essay in compilation.essays:
        here: Counter[str] = Counter()
        for text in essay_texts(essay):
            words = [t for _, t in token_spans(_discussion(text), tok)]
            total += len(words)
            here.update(w for w in words if _is_word(w, lexicon, stop, tags))
            here.update(a + b for a, b in zip(words, words[1:]) if _compound(a, b, lexicon, stop, tags))
        counts.update(here)
        for term in here:
            seen_in.setdefault(term, []).append(essay.seq)
    rows = []
    for term, essays in seen_in.items():
        if len(essays) < min_essays:
            continue
        ref = freq.get(term, 0)
        score = log_likelihood(counts[term], ref or 0.5, max(total, 1), total_ref)
        if score <= 0:
            continue
        rows.append({"term": term, "count": counts[term], "essays": len(essays), "reference": ref,
                     "score": round(score, 3), "sample": sorted(essays)[:SAMPLES]})
    rows.sort(key=lambda r: (-r["score"], r["term"]))
    return rows[:top]
