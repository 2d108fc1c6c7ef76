"""Terms the lexicon lacks, found by keyness against general Chinese: material to grow it.

Every title, subtitle and paragraph is segmented with the lexicon's
tokenizer (HMM off, so no word is guessed: fragments such as ``地去``,
``对本关``, ``四是`` are never proposed).  Before that, what is not discussion
is blanked out: document titles in 《》 and persons' names.

**What may be a candidate** (terms are noun phrases: Justeson & Katz 1995,
"Technical terminology: some linguistic properties and an algorithm for
identification in text", *Natural Language Engineering* 1(1)):

- a dictionary word of two or more Chinese characters tagged in jieba's
  dictionary as a noun, verbal noun or abbreviation (``n nz vn j``);
- a four-character entry of the dictionary tagged otherwise (set phrase
  ``l``/``i``, or a person, place or organisation tag jieba gives many
  four-character entries by mistake) when its two halves are dictionary
  words forming a noun phrase (modifier + noun): 纪检 + 监察, 审查 + 起诉, but
  not 大力 + 加强 or 明确 + 要求;
- two adjacent nouns the dictionary does not join (单一 + 窗口), when the
  pair clings together: symmetric conditional probability ``c(ab)² /
  (c(a)·c(b))`` at least ``MIN_SCP`` (da Silva & Lopes 1999), and not
  only ever a piece of one longer noun phrase (民事 公益 in 民事公益诉讼): a
  nested candidate whose every occurrence lies in the same longer one has a
  C-value of 0 (Frantzi, Ananiadou & Mima 2000, "Automatic recognition of
  multi-word terms: the C-value/NC-value method", *International Journal on
  Digital Libraries* 3(2)).  A generic noun of the stopword list after it
  (单一窗口 | 建设) frames a term, it does not extend it.

Never a person (``nr``), place (``ns``) or organisation name, never a unit
name (a word ending in 处, 科, 局 … whose last two characters are not a word
of their own: 秘书处 and 缉私局 are units, 党员干部 and 服务大局 are not), never
an abstract quality noun in 性/感, never a word of general Chinese (inverse
document frequency below ``MIN_IDF`` in jieba's IDF table), never one of
``extract/data/candidate_stopwords.txt`` (generic nouns of any essay and the
set phrases of official prose), never a lexicon term.

**How candidates are ranked** (keyness against the reference frequency list
jieba's dictionary ships, ``dict.txt``, about 60 million tokens of general
Chinese): significance filters, effect size ranks, as the keyness literature
recommends (Hardie 2014, "Log Ratio: an informal introduction", CASS;
Gabrielatos 2018, "Keyness analysis", in *Corpus Approaches to Discourse*).

- **Significance**: Dunning's log-likelihood G² (Dunning 1993, "Accurate
  methods for the statistics of surprise and coincidence", *Computational
  Linguistics* 19(1)) must exceed the χ² (1 d.f.) critical value at
  p < 0.001 with a Bonferroni correction for the number of terms tested.
- **Effect size**: Hardie's Log Ratio, log2 of the ratio of relative
  frequencies, at least ``min_log_ratio``; candidates are ranked by it
  (ties by G²), so a word of general Chinese the book merely uses a lot
  (讲话, 报纸) ranks below a term the reference hardly knows (党费, 关长).
- **Dispersion**: at least ``min_essays`` essays use the term; Gries' DP
  (Gries 2008, "Dispersions and adjusted frequencies in corpora",
  *International Journal of Corpus Linguistics* 13(4)) over the essays is
  reported (0 = spread as evenly as the text, near 1 = in one essay).

A term absent from the reference counts 0.5 there (add-half smoothing).
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
#: Part-of-speech tags (of jieba's dictionary) a candidate may carry: nouns, proper nouns of other kinds
#: (nz), verbal nouns, abbreviations.
KEEP_TAGS = frozenset({"n", "nz", "vn", "j"})
#: Tags of four-character dictionary entries judged by their two halves (set phrases, idioms, and the
#: person/place/organisation tags jieba gives many such entries by mistake: 纪检监察 nr, 直属机关 ns).
PHRASE_TAGS = frozenset({"l", "i", "nr", "ns", "nt"})
#: Tags the first and second word of a compound candidate (单一 + 窗口) may carry.
COMPOUND_FIRST = frozenset({"n", "nz", "vn", "j", "b"})
COMPOUND_SECOND = frozenset({"n", "nz", "j", "s"})  # a term is head-final: its last word is a noun proper
#: Tags the second half of a four-character dictionary phrase may carry (the dictionary vouches it is one word).
PHRASE_SECOND = frozenset({"n", "nz", "vn", "j"})
#: Words of general Chinese (inverse document frequency in jieba's IDF table below this) are never proposed,
#: however often an essay uses them: 有关, 年度, 检查, 设置 …
MIN_IDF = 7.0
#: Two words form a compound candidate only when they cling together: symmetric conditional probability
#: ``c(ab)² / (c(a)·c(b))`` (da Silva & Lopes 1999) at least this.
MIN_SCP = 0.25
#: Default least effect size: log2 of how many times more often the compilation uses a word than the reference
#: does (Hardie 2014, "Log Ratio"): 3 = 8 times.  Ranking is by Log Ratio, so this only bounds the list.
MIN_LOG_RATIO = 3.0
#: Significance level of the G² filter, before the Bonferroni correction for the number of terms tested.
ALPHA = 0.001
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


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's Log Ratio: log2 of the relative frequency in the corpus over that in the reference.

    >>> log_ratio(10, 100, 1_000, 1_000_000)
    6.643856189774724
    """
    return math.log2((a / c) / (b / d))


def critical_g2(tests: int, *, alpha: float = ALPHA) -> float:
    """The least G² significant at *alpha* after a Bonferroni correction for *tests* tests (χ², 1 d.f.).

    >>> round(critical_g2(1), 2)  # p < 0.001, the usual 10.83
    10.83
    >>> round(critical_g2(100), 2)  # p < 0.001 / 100
    19.51
    """
    from scipy.stats import chi2

    return float(chi2.isf(alpha / max(tests, 1), 1))


def gries_dp(counts: dict[int, int], sizes: dict[int, int]) -> float:
    """Gries' deviation of proportions of a term over the parts of a corpus (Gries 2008).

    *counts* maps a part (essay) to the term's occurrences there, *sizes* every
    part to its length in tokens.  ``0.5 · Σ |v_i/V − s_i/S|``: 0 when the term
    is spread in proportion to the parts, near 1 when it sits in one small part.

    >>> gries_dp({1: 1, 2: 1}, {1: 10, 2: 10})
    0.0
    >>> gries_dp({1: 4}, {1: 10, 2: 10, 3: 10, 4: 10})
    0.75
    """
    total_v = sum(counts.values())
    total_s = sum(sizes.values())
    present = sum(abs(v / total_v - sizes[p] / total_s) for p, v in counts.items())
    absent = 1 - sum(sizes[p] for p in counts) / total_s
    return 0.5 * (present + absent)


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


class _Rules:
    """The word-level rules of the module docs, with each word's verdict remembered (a book repeats words)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.freq, self.tags, self.total_ref = reference()
        self.stop = stopwords()
        self.idfs = idf()
        self._word: dict[str, bool] = {}
        self._part: dict[tuple[str, bool], bool] = {}

    def general(self, word: str) -> bool:
        return word in self.idfs and self.idfs[word] < MIN_IDF

    def unit(self, word: str) -> bool:
        """A unit name: ends in a unit character bound to what precedes it (秘书处), not in a word (干部)."""
        return word.endswith(UNIT_ENDINGS) and word[-2:] not in self.tags

    def known(self, word: str) -> bool:
        return self.lexicon.lookup_token(word) is not None

    def word(self, token: str) -> bool:
        """Whether *token* (one dictionary word) is a candidate by itself."""
        verdict = self._word.get(token)
        if verdict is None:
            verdict = self._word[token] = self._judge(token)
        return verdict

    def _judge(self, token: str) -> bool:
        if not _WORD.match(token) or token in self.stop or token not in self.tags:
            return False
        tag = self.tags[token]
        if tag in PHRASE_TAGS:
            if not (len(token) == 4 and self.tags.get(token[:2]) in COMPOUND_FIRST
                    and self.tags.get(token[2:]) in PHRASE_SECOND):
                return False
        elif tag not in KEEP_TAGS:
            return False
        return not (self.unit(token) or _abstract(token) or self.general(token) or self.known(token))

    def part(self, word: str, *, first: bool) -> bool:
        """Whether *word* may be the modifier (*first*) or the head of a two-word term."""
        key = (word, first)
        verdict = self._part.get(key)
        if verdict is None:
            verdict = self._part[key] = (
                bool(_WORD.match(word)) and word not in self.stop and not self.general(word)
                and (self.tags.get(word) in (COMPOUND_FIRST if first else COMPOUND_SECOND) or self.known(word))
                and not (not first and (self.unit(word) or _abstract(word))))
        return verdict

    def nominal(self, word: str) -> bool:
        """Whether *word* may stand in a noun phrase (a noun, verbal noun, abbreviation or lexicon term)."""
        return self.tags.get(word) in PHRASE_SECOND or (word not in self.tags and self.known(word))

    def extension(self, words: list[str], i: int) -> tuple[str, str] | None:
        """The longer noun phrase ``words[i:i+2]`` is a piece of here, as (left, right) neighbours; None when whole.

        A generic noun of the stopword list next to it (单一 窗口 | 建设) frames the term; it does not extend it.
        """
        def extends(word: str) -> str:
            return word if self.nominal(word) and word not in self.stop else ""

        left = extends(words[i - 1]) if i > 0 else ""
        right = extends(words[i + 2]) if i + 2 < len(words) else ""
        return (left, right) if left or right else None

    def compound(self, a: str, b: str) -> bool:
        """Whether adjacent words *a* + *b* may form a compound candidate (before the SCP test)."""
        return (len(a) + len(b) <= 6 and min(len(a), len(b)) == 2 and self.part(a, first=True)
                and self.part(b, first=False) and not (self.known(a) and self.known(b))
                and a + b not in self.stop and self.lexicon.lookup(a + b) is None)


def _abstract(word: str) -> bool:
    """An abstract quality noun (针对性, 局限性, 紧迫感): never a term of the domain."""
    return len(word) >= 3 and word.endswith(("性", "感"))


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
        reference is at least this.

    Returns
    -------
    list of dict
        ``term``, ``count`` (occurrences), ``essays`` (how many essays use
        it), ``reference`` (its count in jieba's dictionary), ``log_ratio``
        (rounded to 2; the ranking), ``score`` (G², rounded to 3), ``dp``
        (Gries' DP over the essays, rounded to 3) and ``sample`` (the first
        essay seqs using it), ranked by Log Ratio, then G², then term, so the
        list is deterministic.  Only terms whose G² is significant at
        p < 0.001 after a Bonferroni correction for the number of terms
        tested are listed.
    """
    rules = _Rules(lexicon or load_lexicon())
    tok = make_tokenizer(rules.lexicon)
    per_essay: dict[str, dict[int, int]] = {}
    words_seen: Counter[str] = Counter()
    parts: dict[str, tuple[str, str]] = {}
    nested: dict[str, set[tuple[str, str] | None]] = {}
    sizes: dict[int, int] = {}
    for essay in compilation.essays:
        here: Counter[str] = Counter()
        size = 0
        for text in essay_texts(essay):
            words = [t for _, t in token_spans(_discussion(text), tok)]
            size += len(words)
            words_seen.update(words)
            here.update(w for w in words if rules.word(w))
            for i, (a, b) in enumerate(zip(words, words[1:])):
                if rules.compound(a, b):
                    here[a + b] += 1
                    parts.setdefault(a + b, (a, b))
                    nested.setdefault(a + b, set()).add(rules.extension(words, i))
        sizes[essay.seq] = sizes.get(essay.seq, 0) + size
        for term, n in here.items():
            per_essay.setdefault(term, {})[essay.seq] = n
    total = max(sum(sizes.values()), 1)
    tested = []
    for term, where in per_essay.items():
        if len(where) < min_essays:
            continue
        count = sum(where.values())
        if term in parts and term not in rules.tags:
            a, b = parts[term]
            if count ** 2 < MIN_SCP * words_seen[a] * words_seen[b]:
                continue  # two words that merely meet
            if len(nested[term]) == 1 and None not in nested[term]:
                continue  # only ever a piece of one longer phrase: its C-value is 0 (民事公益 | 诉讼)
        tested.append((term, count, where))
    cut = critical_g2(len(tested))
    rows = []
    for term, count, where in tested:
        ref = rules.freq.get(term, 0)
        score = log_likelihood(count, ref or 0.5, total, rules.total_ref)
        ratio = log_ratio(count, ref or 0.5, total, rules.total_ref)
        if score < cut or ratio < min_log_ratio:
            continue
        rows.append({"term": term, "count": count, "essays": len(where), "reference": ref,
                     "log_ratio": round(ratio, 2), "score": round(score, 3), "dp": round(gries_dp(where, sizes), 3),
                     "sample": sorted(where)[:SAMPLES]})
    rows.sort(key=lambda r: (-r["log_ratio"], -r["score"], r["term"]))
    return rows[:top]
