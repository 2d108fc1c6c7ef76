"""Stable, readable ASCII ids for graph nodes, and their IRIs.

Every node key of the graph is a local id such as ``essay/9787801656490/01``
that doubles as an IRI path under a base IRI.  The rules (documented in the
README) are:

* ``book/<ISBN digits>`` (or ``book/<pinyin slug of the title>-<hash>``
  when no ISBN was printed);
* ``essay/<book>/<seq, two digits at least>`` and
  ``proposal/<book>/<seq>/<order>``;
* ``org/<slug>/<slug>/...`` — one pinyin slug per level of the hierarchy,
  from 海关总署 down.  Two different names under the same parent that share
  a slug (homophones) both get the hash suffix (see :func:`org_ids`);
* ``person/<scope>/<pinyin of the name>-<hash>``: ``scope`` is the slug path
  of the top-level unit the person wrote for (``no-unit`` when unknown), so
  the same name in two top-level units gives two persons, and the hash of
  the Chinese name keeps homophones apart;
* ``concept/<lexicon id>``, ``theme/<lexicon id>``, ``tier/<rank>``,
  ``doc/<slug>-<hash>``.

``<hash>`` is the first six hex digits of the SHA-256 of the NFC-normalised
Chinese text, so it never changes between runs or versions.  Everything is
percent-encoded where it is not an unreserved URI character.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import quote

from xianjice.errors import BaseIRIError, XianjiceError
from xianjice.extract.text import HAN_CHAR

HASH_LENGTH = 6
DEFAULT_BASE = "https://xianjice.example.org/id/"

#: Characters XML 1.0 cannot hold (and DEL): every writer replaces them with U+FFFD.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
#: Characters no IRI may hold (the IRIREF exclusions of Turtle and SPARQL).
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_ASCII_RUN = re.compile(r"[a-z0-9]+")
_HAN = HAN_CHAR
#: Middle dots that separate the parts of a transliterated name (买买提·艾力) and their look-alikes.
_NAME_DOT = re.compile("[\u00b7\u2022\u2027\u2219\u30fb\uff65]")


def _unsafe_iri(iri: str) -> bool:
    """A character no IRI may hold, or one outside ASCII (a base or graph IRI must be a plain URI)."""
    return bool(IRI_FORBIDDEN.search(iri)) or not iri.isascii()


def clean_text(text: str | None) -> str:
    """Return ``text`` made safe for every output format.

    Characters that XML 1.0 cannot hold (control characters other than tab
    and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, runs of
    whitespace become one space, and the ends are stripped.

    >>> clean_text("  海关\\x00总署\\n ")
    '海关\\ufffd总署'
    >>> clean_text(None)
    ''
    """
    if not text:
        return ""
    text = XML_INVALID.sub("\ufffd", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def compact_name(name: str) -> str:
    """Remove the spaces a typesetter puts inside two-character names.

    >>> compact_name("谭 武")
    '谭武'
    >>> compact_name("John Smith")
    'John Smith'
    """
    name = clean_text(name)
    if _HAN.search(name):
        return "".join(name.split())
    return name


def text_hash(text: str, length: int = HASH_LENGTH) -> str:
    """Return a short, stable hex digest of ``text``.

    >>> text_hash("王绍波")
    'e1d80d'
    >>> text_hash("王绍波") == text_hash("王绍波")
    True
    """
    data = unicodedata.normalize("NFC", text).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:length]


@cache
def _surnames() -> dict[str, str]:
    table: dict[str, str] = {}
    data = resources.files("xianjice.graph").joinpath("data/surnames.tsv").read_text("utf-8")
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surname, reading = line.split("\t")
        table[surname.strip()] = reading.strip()
    return table


def _strip_tones(syllable: str) -> str:
    syllable = syllable.replace("ü", "v").replace("Ü", "V")
    decomposed = unicodedata.normalize("NFKD", syllable)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pinyin(text: str, *, tone: bool) -> list[str]:
    return list(_pinyin_cached(text, tone))


@lru_cache(maxsize=65536)
def _pinyin_cached(text: str, tone: bool) -> tuple[str, ...]:
    """pypinyin's reading of *text* (cached: the same names recur across thousands of essays)."""
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE if tone else Style.NORMAL
    return tuple(lazy_pinyin(text, style=style, errors="default"))


def _surname_reading(name: str) -> tuple[int, list[str]]:
    """How many characters of a personal name are a surname of the table, and their reading.

    The one rule for surnames (used by IRIs, labels and search keys alike):
    the first two characters, else the first one, are looked up in
    ``graph/data/surnames.tsv`` (compound surnames, and surnames read
    otherwise than the common reading: 曾 zēng, 单 shàn, 区 ōu …); a name of
    one character is a surname too.  A name with middle dots (a
    transliterated name such as 买买提·艾力, whose parts are not surname and
    given name) has none: ``(0, [])``.

    >>> _surname_reading("曾国藩"), _surname_reading("欧阳修"), _surname_reading("王绍波"), _surname_reading("曾")
    ((1, ['zēng']), (2, ['ōu', 'yáng']), (0, []), (1, ['zēng']))
    """
    if _NAME_DOT.search(name):
        return 0, []
    for size in (2, 1):
        reading = _surnames().get(name[:size])
        if reading and len(name) >= size:
            return size, reading.split()
    return 0, []


def syllables(text: str, *, tone: bool = False, person: bool = False) -> list[str]:
    """Return the pinyin of ``text`` as lowercase chunks.

    Han characters give one syllable each; other text is passed through.
    With ``person=True`` the surname is read as a surname (曾 → zēng,
    单 → shàn; see :func:`_surname_reading`).

    >>> syllables("拱北海关")
    ['gong', 'bei', 'hai', 'guan']
    >>> syllables("曾文", person=True), syllables("曾文")
    (['zeng', 'wen'], ['ceng', 'wen'])
    >>> syllables("吕", tone=True)
    ['lǚ']
    """
    head: list[str] = []
    if person:
        size, head = _surname_reading(text)
        text = text[size:]
        if not tone:
            head = [_strip_tones(s) for s in head]
    return [s.lower() for s in head + _pinyin(text, tone=tone)]


def slug(text: str, *, max_length: int = 60, person: bool = False) -> str:
    """Return a lowercase ASCII slug of ``text`` (pinyin syllables joined by ``-``).

    Full-width forms are folded, anything that is neither Han nor an ASCII
    letter or digit separates words, and long slugs are cut at a hyphen.
    The result may be empty (for text in other scripts).

    >>> slug("拱北海关")
    'gong-bei-hai-guan'
    >>> slug("信息中心（电子通关中心）")
    'xin-xi-zhong-xin-dian-zi-tong-guan-zhong-xin'
    >>> slug("ＡＢＣ 12号")
    'abc-12-hao'
    >>> slug("«»")
    ''
    """
    text = unicodedata.normalize("NFKC", clean_text(text)).lower()
    parts: list[str] = []
    for chunk in syllables(text, person=person):
        parts.extend(_ASCII_RUN.findall(_strip_tones(chunk)))
    out = "-".join(parts)
    if len(out) > max_length:
        out = out[:max_length].rsplit("-", 1)[0]
    return out


def hashed_slug(text: str, *, max_length: int = 60, person: bool = False) -> str:
    """Return :func:`slug` with the stable hash of ``text`` appended.

    >>> hashed_slug("王绍波", person=True)
    'wang-shao-bo-e1d80d'
    >>> hashed_slug("«»")
    'x-955632'
    """
    base = slug(text, max_length=max_length, person=person) or "x"
    return f"{base}-{text_hash(clean_text(text))}"


def iri_segment(text: str) -> str:
    """Percent-encode ``text`` for use as one IRI path segment.

    >>> iri_segment("da-jian-guan")
    'da-jian-guan'
    >>> iri_segment("a b/c?")
    'a%20b%2Fc%3F'
    >>> iri_segment("..")
    '%2E%2E'
    """
    out = quote(text, safe="-._~")
    if out in ("", ".", ".."):
        out = "".join(f"%{ord(c):02X}" for c in text) or "_"
    return out


def is_absolute_iri(iri: str) -> bool:
    """True when ``iri`` has a scheme and no character an IRI may not hold.

    >>> is_absolute_iri("https://example.org/g#1"), is_absolute_iri("g1"), is_absolute_iri("urn:x y")
    (True, False, False)
    """
    scheme = iri.split(":", 1)[0] if ":" in iri else ""
    return bool(_SCHEME.fullmatch(scheme)) and not _unsafe_iri(iri)


def check_base(base: str) -> str:
    """Return ``base`` if it is an absolute IRI (RFC 3987) ending in ``/`` or ``#``.

    The IRI is checked by Oxigraph's parser (pyoxigraph's ``NamedNode``), the
    one that reads graph.ttl back: percent signs must start ``%XX`` escapes,
    a port is digits, an IP literal host is a valid address, and characters
    beyond ASCII (Chinese, say) are allowed, as in any IRI.

    >>> check_base("https://example.org/id/")
    'https://example.org/id/'
    >>> check_base("https://数据.example.org/献计策/")
    'https://数据.example.org/献计策/'
    >>> check_base("example.org")
    Traceback (most recent call last):
    ...
    xianjice.errors.BaseIRIError: base IRI 'example.org' is not absolute (it needs a scheme such as https:)
    >>> check_base("https://ex.org/%zz/")
    Traceback (most recent call last):
    ...
    xianjice.errors.BaseIRIError: base IRI 'https://ex.org/%zz/' is not a valid IRI: Invalid IRI percent encoding '%zz'
    """
    from pyoxigraph import NamedNode

    scheme = base.split(":", 1)[0] if ":" in base else ""
    if not _SCHEME.fullmatch(scheme):
        raise BaseIRIError(
            f"base IRI {base!r} is not absolute (it needs a scheme such as https:)"
        )
    try:
        NamedNode(base)
    except ValueError as exc:
        problem = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", str(exc))
        raise BaseIRIError(f"base IRI {base!r} is not a valid IRI: {problem}") from exc
    if not base.endswith(("/", "#")):
        raise BaseIRIError(f"base IRI {base!r} must end with '/' or '#'")
    if "#" in base[:-1]:
        raise BaseIRIError(f"base IRI {base!r} has a '#' before its end")
    return base


# --- the ids of each kind of node ---------------------------------------------


def isbn_digits(isbn: str | None) -> str:
    """Return the digits (and final X) of an ISBN, or "".

    >>> isbn_digits("ISBN 978-7-80165-649-0")
    '9787801656490'
    """
    if not isbn:
        return ""
    return "".join(c for c in unicodedata.normalize("NFKC", isbn).upper() if c.isdigit() or c == "X")


def book_id(isbn: str | None, title: str | None, source: str) -> str:
    """Return the id of a book: its ISBN, else a slug of its title or file.

    >>> book_id("978-7-80165-649-0", "汇编", "a.txt")
    'book/9787801656490'
    >>> book_id(None, "汇编", "a.txt")
    'book/hui-bian-ef3ef3'
    """
    digits = isbn_digits(isbn)
    if digits:
        return f"book/{digits}"
    return f"book/{hashed_slug(title or source, max_length=40)}"


def essay_id(book: str, seq: int) -> str:
    """Return the id of essay ``seq`` of ``book`` (an id from :func:`book_id`).

    >>> essay_id("book/9787801656490", 1)
    'essay/9787801656490/01'
    """
    return f"essay/{book.split('/', 1)[1]}/{seq:02d}"


def proposal_id(essay: str, order: int) -> str:
    """Return the id of proposal ``order`` of an essay.

    >>> proposal_id("essay/9787801656490/01", 3)
    'proposal/9787801656490/01/3'
    """
    return f"proposal/{essay.split('/', 1)[1]}/{order}"


def tier_id(rank: int) -> str:
    """Return the id of an award tier.

    >>> tier_id(1)
    'tier/1'
    """
    return f"tier/{rank}"


def concept_id(lexicon_id: str | None, label: str) -> str:
    """Return the id of a concept: its lexicon id, else a hashed slug of its label.

    >>> concept_id("da-jian-guan-ti-xi", "大监管体系")
    'concept/da-jian-guan-ti-xi'
    >>> concept_id(None, "大监管体系")
    'concept/da-jian-guan-ti-xi-622471'
    """
    if lexicon_id:
        return f"concept/{iri_segment(lexicon_id)}"
    return f"concept/{hashed_slug(label)}"


def theme_id(lexicon_id: str | None, label: str) -> str:
    """Return the id of a theme, like :func:`concept_id`.

    >>> theme_id("supervision", "监管")
    'theme/supervision'
    """
    if lexicon_id:
        return f"theme/{iri_segment(lexicon_id)}"
    return f"theme/{hashed_slug(label)}"


def document_id(name: str) -> str:
    """Return the id of a cited document.

    >>> document_id("中华人民共和国海关法")
    'doc/zhong-hua-ren-min-gong-he-guo-hai-guan-fa-51318d'
    """
    return f"doc/{hashed_slug(name, max_length=48)}"


def org_ids(paths: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """Give every organisation path (and every prefix of it) its id.

    Each level is the pinyin slug of its name; names under one parent whose
    slugs collide (homophones, or names differing only in punctuation) all
    get the hash suffix, so two organisations never share an id.

    >>> ids = org_ids([("海关总署", "拱北海关"), ("海关总署", "广东分署", "政工办")])
    >>> ids[("海关总署", "拱北海关")]
    'org/hai-guan-zong-shu/gong-bei-hai-guan'
    >>> ids[("海关总署",)]
    'org/hai-guan-zong-shu'
    >>> sorted(org_ids([("A处",), ("a处",)]).values())
    ['org/a-chu-76b988', 'org/a-chu-b6e220']
    """
    prefixes = {p[:i] for p in paths for i in range(1, len(p) + 1)}
    siblings: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for p in prefixes:
        siblings[p[:-1]][slug(p[-1])].add(p[-1])
    out: dict[tuple[str, ...], str] = {}
    for p in sorted(prefixes, key=len):
        name = p[-1]
        s = slug(name)
        if not s or len(siblings[p[:-1]][s]) > 1:
            s = hashed_slug(name)
        parent = out[p[:-1]] if len(p) > 1 else "org"
        out[p] = f"{parent}/{s}"
    return out


def person_id(name: str, scope: str | None) -> str:
    """Return the id of a person named ``name`` in a top-level unit.

    ``scope`` is the id of that unit (an ``org/...`` id), or None when the
    person's unit is unknown (editors, people mentioned in a text).

    >>> person_id("王绍波", "org/hai-guan-zong-shu/bei-jing-hai-guan")
    'person/hai-guan-zong-shu/bei-jing-hai-guan/wang-shao-bo-e1d80d'
    >>> person_id("王绍波", None)
    'person/no-unit/wang-shao-bo-e1d80d'
    """
    where = scope.split("/", 1)[1] if scope else "no-unit"
    return f"person/{where}/{hashed_slug(compact_name(name), person=True)}"


# --- labels in pinyin ------------------------------------------------------------


def _words(chunks: list[str]) -> str:
    """Join the syllables of one word, with an apostrophe before a, o, e (Xī'ān)."""
    out = ""
    for chunk in chunks:
        if out and _strip_tones(chunk[:1]).lower() in ("a", "o", "e"):
            out += "'"
        out += chunk
    return out


def _split_compound(word: str, is_word) -> list[str]:
    """Split a dictionary word such as 北京海关 into words the dictionary also knows."""
    if len(word) >= 4:
        for i in range(2, len(word) - 1):
            if is_word(word[:i]) and is_word(word[i:]):
                return _split_compound(word[:i], is_word) + _split_compound(word[i:], is_word)
    return [word]


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _latin_or_nothing(text: str) -> str:
    """``text``, or "" when a Han character was left in it (one pypinyin has no reading for, such as 𠮷).

    A ``@zh-Latn-pinyin`` literal must be Latin script: rather than a
    reading with a Han character in it, the node gets no pinyin.
    """
    return "" if _HAN.search(text) else text


def person_pinyin(name: str) -> str:
    """Return a person's name in pinyin with tone marks, surname first.

    The surname is read as a surname (:func:`_surname_reading`: 曾国藩 is
    Zēng Guófān, not Céng); a name in parts separated by middle dots
    (a transliterated minority or foreign name) gives one word per part,
    separated by spaces as GB/T 28039 writes them.  Empty when the name has
    no Han character, or has one without a pinyin reading.

    >>> person_pinyin("王绍波"), person_pinyin("曾国藩"), person_pinyin("欧阳修")
    ('Wáng Shàobō', 'Zēng Guófān', 'Ōuyáng Xiū')
    >>> person_pinyin("买买提·艾力")
    'Mǎimǎití Àilì'
    >>> person_pinyin("John Smith"), person_pinyin("王𠮷")
    ('', '')
    """
    name = compact_name(name)
    if not _HAN.search(name):
        return ""
    parts = [p for p in _NAME_DOT.split(name) if p.strip()]
    if len(parts) > 1:
        words = [_words(syllables(p.strip(), tone=True)) for p in parts]
    else:
        size, reading = _surname_reading(name)
        size = size or 1
        surname = _words(reading) if reading else _words(syllables(name[:size], tone=True))
        words = [surname, _words(syllables(name[size:], tone=True))]
    return _latin_or_nothing(" ".join(_capitalised(w) for w in words if w))


def org_pinyin(name: str, *, engine: str | None = None) -> str:
    """Return an organisation name in pinyin with tone marks, word by word.

    >>> org_pinyin("拱北海关综合统计处")
    'Gǒngběi Hǎiguān Zōnghé Tǒngjì Chù'
    >>> org_pinyin("海关总署")
    'Hǎiguān Zǒngshǔ'
    >>> org_pinyin("西安海关")
    "Xī'ān Hǎiguān"
    """
    name = clean_text(name)
    if not _HAN.search(name):
        return ""
    from xianjice.extract.segment import plain_tokenizer

    words = []
    cut, is_word = plain_tokenizer(engine)
    tokens = [w for t in cut(name) for w in _split_compound(t, is_word)]
    for word in tokens:
        text = _words(syllables(word, tone=True)).strip()
        if text:
            words.append(_capitalised(text))
    return _latin_or_nothing(" ".join(words))
