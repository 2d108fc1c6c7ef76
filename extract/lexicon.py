"""The domain lexicon: a SKOS concept scheme of the domain's own terminology.

The lexicon is data, not code.  ``extract/data/lexicon.csv`` holds one
concept a row, ``extract/data/themes.csv`` the themes (``id,label,english``),
the top concepts every concept hangs under.  The columns of a concept row:

``id``
    an ASCII slug (the stable part of its IRI); empty = pinyin of the label;
``label``, ``english``
    ``skos:prefLabel`` in Chinese and English;
``theme``
    a theme label;
``broader``
    the label of the broader concept (``skos:broader``), or empty;
``aliases``
    ``skos:altLabel``: true synonyms and abbreviations only, separated by ``|``;
``hidden``
    ``skos:hiddenLabel``: traditional-character forms, separated by ``|``;
``frame``
    ``yes`` for the campaign's slogans (科学发展观, 解放思想 …): a frame layer;
``source``
    where the term comes from (a law's article, a party regulation …).

Only ``id,label,english,theme`` are required, so an old five-column file
(``id,label,english,theme,aliases``) still loads.  A user lexicon's themes
come from a ``themes.csv`` next to it when there is one, else from the
bundled themes.  Every term is compared in its *match form*
(:func:`match_form`): NFKC, without quotes or spaces, so ``“大监管”体系`` and
``大监管体系`` are one term.  Terms that hold punctuation (``金关工程（二期）``,
``3·15``) cannot be one word of the segmenter: they are matched as phrases
(:attr:`Lexicon.phrases`), and :meth:`Lexicon.notes` says which.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from xianjice.errors import LexiconError
from xianjice.extract.records import Concept, Theme
from xianjice.extract.text import QUOTES, term_form

DATA = Path(__file__).with_name("data")
DEFAULT_LEXICON = DATA / "lexicon.csv"
DEFAULT_THEMES = DATA / "themes.csv"

#: Characters dropped from a term (and from text) before matching.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CONCEPT_COLUMNS = ("id", "label", "english", "theme", "broader", "aliases", "hidden", "frame", "source")
_REQUIRED = ("id", "label", "english", "theme")
#: Characters a segmenter word may hold (jieba's ``re_han_default``); a term with any other is a phrase.
_WORD_CHARS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffa-zA-Z0-9+#&._%\-]+")
_TRUE = {"yes", "y", "true", "1", "x", "是"}
_THEME_COLUMNS = ("id", "label", "english")


def match_form(term: str) -> str:
    """The form a term is compared in: NFKC, no quotes, no spaces.

    Examples
    --------
    >>> match_form("“大监管”体系")
    '大监管体系'
    >>> match_form(" 党建 工作 ")
    '党建工作'
    """
    return term_form(term, spaces=False)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Concepts and themes, with a lookup from any label or alias to its concept.

    Equality and hashing are by identity, so a lexicon can key caches
    (:func:`xianjice.extract.segment.tokenizer`) cheaply.
    """

    concepts: tuple[Concept, ...]
    themes: tuple[Theme, ...]
    source: str = ""
    problems: tuple[str, ...] = ()  # what was ignored while loading (a broader concept not in the file …)
    _index: dict[str, Concept] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._index:
            for concept in self.concepts:
                for term in terms_of(concept):
                    self._index.setdefault(match_form(term), concept)

    @property
    def phrases(self) -> tuple[str, ...]:
        """Terms (match form) holding punctuation, matched as phrases rather than as words, longest first.

        >>> lex = load_lexicon()
        >>> "金关工程(二期)" in lex.phrases, "大监管体系" in lex.phrases
        (True, False)
        """
        return tuple(sorted((t for t in self._index if not _WORD_CHARS.fullmatch(t)), key=lambda t: (-len(t), t)))

    def notes(self) -> list[str]:
        """What a user should know about this lexicon's terms: those with spaces or punctuation.

        >>> load_lexicon().notes()[0]
        'lexicon: 2 terms hold spaces or punctuation and are matched with them ignored or as phrases: AEO 认证, 金关工程（二期）'
        """
        odd = [t for c in self.concepts for t in (c.label, *c.aliases)
               if t != match_form(t) and not _quoted_only(t) or not _WORD_CHARS.fullmatch(match_form(t))]
        notes = list(self.problems)
        if odd:
            notes.insert(0, f"lexicon: {len(odd)} terms hold spaces or punctuation and are matched with them "
                            f"ignored or as phrases: {', '.join(odd)}")
        return notes

    def broader(self, concept: Concept) -> Concept | None:
        """The broader concept of *concept*, or ``None``.

        >>> lex = load_lexicon()
        >>> lex.broader(lex.lookup("一岗双责")).label
        '党风廉政建设'
        """
        return self.lookup(concept.broader) if concept.broader else None

    def lookup(self, term: str) -> Concept | None:
        """The concept whose label or alias is *term* (in match form), else ``None``.

        >>> lex = load_lexicon()
        >>> lex.lookup("“大监管”体系").label, lex.lookup("两个风险").label, lex.lookup("海关")
        ('大监管体系', '两大风险', None)
        """
        found = self._index.get(term)  # tokens come in match form already: skip NFKC
        return found if found is not None else self._index.get(match_form(term))

    def lookup_token(self, token: str) -> Concept | None:
        """Like :meth:`lookup` for a token already in match form (from :func:`xianjice.extract.segment.tokens`).

        >>> load_lexicon().lookup_token("两个风险").label
        '两大风险'
        """
        return self._index.get(token)

    def terms(self) -> tuple[str, ...]:
        """Every label and alias in match form, sorted (the words jieba must keep whole).

        >>> "大监管体系" in load_lexicon().terms()
        True
        """
        return tuple(sorted(self._index))

    def theme(self, label: str) -> Theme | None:
        """The theme called *label*."""
        return next((t for t in self.themes if t.label == label), None)


def terms_of(concept: Concept) -> tuple[str, ...]:
    """Every form a concept is found by: its label, aliases and hidden labels."""
    return (concept.label, *concept.aliases, *concept.hidden)


def _quoted_only(term: str) -> bool:
    """A term that differs from its match form only by quotes (``“大监管”体系``): nothing to say."""
    return match_form(term) == unicodedata.normalize("NFKC", term).translate(str.maketrans({c: None for c in QUOTES}))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load a lexicon file; the bundled one when *path* is ``None`` (cached).

    Raises :class:`~xianjice.errors.LexiconError` naming the file and line of
    the first problem (missing file, wrong columns, empty label, unknown
    theme, a duplicate id, label or alias).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex is load_lexicon()
    True
    >>> c = lex.lookup("党的建设")
    >>> c.id, c.label, c.theme, c.broader, c.frame
    ('dangjian', '党建', '党建与纪检', '', False)
    """
    if path is None:
        return _default()
    path = Path(path)
    themes_path = path.with_name("themes.csv")
    return _load(path, themes_path if themes_path.is_file() and path.name != "themes.csv" else DEFAULT_THEMES)


@functools.cache
def _default() -> Lexicon:
    return _load(DEFAULT_LEXICON, DEFAULT_THEMES)


def _load(path: Path, themes_path: Path) -> Lexicon:
    rows = [(line, _theme(row, line, themes_path)) for line, row in _rows(themes_path, _THEME_COLUMNS)]
    _unique(themes_path, [(line, t.id) for line, t in rows], "theme id")
    _unique(themes_path, [(line, t.label) for line, t in rows], "theme label")
    themes = tuple(t for _, t in rows)
    by_label = {t.label: t for t in themes}
    concepts: list[Concept] = []
    seen_ids: dict[str, int] = {}
    seen_terms: dict[str, tuple[str, int]] = {}
    for line, row in _rows(path, _CONCEPT_COLUMNS):
        concept = _concept(row, line, path, by_label)
        if concept.id in seen_ids:
            raise LexiconError(f"{path}:{line}: id {concept.id!r} already used on line {seen_ids[concept.id]}")
        seen_ids[concept.id] = line
        for term in terms_of(concept):
            form = match_form(term)
            owner = seen_terms.get(form)
            if owner and owner[0] != concept.label:
                raise LexiconError(f"{path}:{line}: term {term!r} already belongs to {owner[0]!r} (line {owner[1]})")
            seen_terms[form] = (concept.label, line)
        concepts.append(concept)
    if not concepts:
        raise LexiconError(f"{path}: no concepts (expected a header {','.join(_CONCEPT_COLUMNS)} and rows)")
    labels = {c.label for c in concepts}
    problems = []
    for i, c in enumerate(concepts):
        if c.broader and c.broader not in labels:  # a row copied from a bigger lexicon: keep it, say so
            problems.append(f"{path}:{seen_ids[c.id]}: broader concept {c.broader!r} of {c.label!r} is not in "
                            f"this lexicon (ignored)")
            concepts[i] = replace(c, broader="")
    _no_cycles(path, concepts, seen_ids)
    return Lexicon(concepts=tuple(concepts), themes=themes, source=str(path), problems=tuple(problems))


def _no_cycles(path: Path, concepts: list[Concept], lines: dict[str, int]) -> None:
    up = {c.label: c.broader for c in concepts}
    for c in concepts:
        seen, label = set(), c.label
        while label:
            if label in seen:
                raise LexiconError(f"{path}:{lines[c.id]}: broader concepts of {c.label!r} run in a cycle")
            seen.add(label)
            label = up.get(label, "")


def _rows(path: Path, columns: tuple[str, ...]):
    """(line number, row dict) for each non-blank, non-comment data row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: no such lexicon file") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror})") from exc
    reader = csv.reader(text.splitlines())
    header = None
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in row]
        if header is None:
            header = cells
            missing = [c for c in (_REQUIRED if columns == _CONCEPT_COLUMNS else columns) if c not in header]
            if missing:
                raise LexiconError(f"{path}:{line}: header lacks column(s) {', '.join(missing)} "
                                   f"(expected {','.join(columns)})")
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{path}:{line}: {len(cells)} fields, the header has {len(header)} (quote fields with commas)")
        yield line, dict(zip(header, cells + [""] * (len(header) - len(cells))))
    if header is None:
        raise LexiconError(f"{path}: empty file (expected a header {','.join(columns)})")


def _unique(path: Path, items: list[tuple[int, str]], what: str) -> None:
    seen: dict[str, int] = {}
    for line, value in items:
        if value in seen:
            raise LexiconError(f"{path}:{line}: {what} {value!r} already used on line {seen[value]}")
        seen[value] = line


def _theme(row: dict[str, str], line: int, path: Path) -> Theme:
    label = row["label"]
    if not label:
        raise LexiconError(f"{path}:{line}: empty theme label")
    return Theme(id=_checked_id(row["id"], label, line, path), label=label, english=row["english"])


def _concept(row: dict[str, str], line: int, path: Path, themes: dict[str, Theme]) -> Concept:
    label = row["label"]
    if not label or not match_form(label):
        raise LexiconError(f"{path}:{line}: empty concept label")
    theme = row["theme"]
    if theme not in themes:
        known = "、".join(themes)
        raise LexiconError(f"{path}:{line}: unknown theme {theme!r} for {label!r} (known: {known}; "
                           f"add it to a themes.csv next to the lexicon)")
    aliases = _list(row.get("aliases", ""), label)
    hidden = tuple(h for h in _list(row.get("hidden", ""), label) if h not in aliases)
    broader = row.get("broader", "")
    if broader == label:
        raise LexiconError(f"{path}:{line}: {label!r} is its own broader concept")
    frame = row.get("frame", "").strip().lower()
    if frame and frame not in _TRUE | {"no", "n", "false", "0", "否"}:
        raise LexiconError(f"{path}:{line}: frame {frame!r} of {label!r}: use yes or leave it empty")
    return Concept(id=_checked_id(row["id"], label, line, path), label=label, english=row["english"],
                   theme=theme, aliases=aliases, broader=broader, hidden=hidden, frame=frame in _TRUE,
                   source=row.get("source", ""))


def _list(cell: str, label: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.strip() for a in cell.split("|") if a.strip() and a.strip() != label))


def _checked_id(value: str, label: str, line: int, path: Path) -> str:
    """An explicit id, or a pinyin slug of the label when the id cell is empty."""
    if not value:
        from pypinyin import lazy_pinyin

        value = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(label)).lower()).strip("-")
    if not _ID.match(value):
        raise LexiconError(f"{path}:{line}: id {value!r} is not a lower-case ASCII slug ([a-z0-9-])")
    return value
