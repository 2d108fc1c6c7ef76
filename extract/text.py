"""Reading input bytes: encodings, line endings, spaces.

Every extractor works on the lines :func:`normalise_lines` returns, so that a
book saved as UTF-8, UTF-8 with BOM, GB18030/GBK or UTF-16, with LF, CRLF or
CR line ends and ASCII, full-width or ideographic spaces gives the same
records.
"""

from __future__ import annotations

import re
import unicodedata

from xianjice.errors import InputError

#: Characters treated as a plain space: ideographic space, no-break spaces,
#: the typographic spaces of U+2000–U+200A and tabs.
_SPACES = "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\v\f"
_SPACE_TABLE = str.maketrans({c: " " for c in _SPACES} | {"\u200b": None, "\ufeff": None, "\u200c": None, "\u200d": None})
_RUN_OF_SPACES = re.compile(r" {2,}")
#: The one range of Han characters every pattern uses, for a regex character class: CJK Unified
#: Ideographs with Extension A, the compatibility ideographs, and the supplementary planes' extensions.
HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
#: One Han character.
HAN_CHAR = re.compile(f"[{HAN}]")
#: Control characters (Unicode category Cc) other than line ends and tabs.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, *, source: str) -> str:
    """Decode the bytes of a compilation, guessing among UTF-8, UTF-16 and GB18030.

    Raises :class:`~xianjice.errors.InputError` for empty or binary input.

    Examples
    --------
    >>> decode("海关".encode("gb18030"), source="x.txt")
    '海关'
    >>> decode(b"\\xef\\xbb\\xbf" + "海关".encode("utf-8"), source="x.txt")
    '海关'
    >>> decode("海关".encode("utf-16"), source="x.txt")
    '海关'
    """
    if not data.strip():
        raise InputError(source, "the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source)
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise InputError(source, "binary data, not text (NUL bytes found)")
        return _strict(data, guess, source)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _reject_control_characters(text, source)
        return text
    raise InputError(source, "not text in UTF-8, UTF-16 or GB18030 (binary data?)")


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 LE or BE for text with NUL bytes and no BOM: the one that reads as text."""
    if len(data) % 2:
        return None
    best, best_score = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plain = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
        # line ends and ASCII spaces read as such only in the right byte order
        score = plain / max(1, len(text)) + sum(text.count(c) for c in "\n \r") / max(1, len(text))
        if score > best_score:
            best, best_score = encoding, score
    return best if best_score > 0.95 else None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid {encoding.upper()} text (byte {exc.start})") from exc
    _reject_control_characters(text, source)
    return text


def _reject_control_characters(text: str, source: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 200):
        raise InputError(source, "binary data, not text (control characters found)")
    if not text.strip(_SPACES + " \n\r\ufeff\u200b"):
        raise InputError(source, "the file is empty")


def normalise_line(line: str) -> str:
    """Map every kind of space to one ASCII space, collapse runs, strip the ends.

    Examples
    --------
    >>> normalise_line("\\u3000\\u3000谭\\u3000武\\t黄燕鹏  ")
    '谭 武 黄燕鹏'
    """
    return _RUN_OF_SPACES.sub(" ", line.translate(_SPACE_TABLE)).strip()


def normalise_lines(text: str) -> list[str]:
    """Split text into normalised lines (LF, CRLF and CR all end a line).

    Line ``n`` of the file is ``lines[n - 1]``.

    Examples
    --------
    >>> normalise_lines("a\\r\\nb\\rc\\n")
    ['a', 'b', 'c']
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [normalise_line(line) for line in lines]


_KEY_DROP = re.compile(r"[\s\u3000]+")

#: Quotation marks: a term is compared without them (“大监管”体系 reads 大监管体系).
QUOTES = "“”‘’\"'「」『』〝〞＂＇"
_NO_QUOTES = str.maketrans({c: None for c in QUOTES})
_NO_QUOTES_OR_SPACES = str.maketrans({c: None for c in QUOTES + " \u3000\t"})


#: Full-width forms common in Chinese prose, with their NFKC forms (each its whole compatibility decomposition).
_FULL_WIDTH = (("，", ","), ("（", "("), ("）", ")"), ("；", ";"), ("：", ":"), ("！", "!"), ("？", "?"), ("\u3000", " "))


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, fast on Chinese prose.

    NFKC leaves Chinese characters as they are but must rewrite the
    full-width punctuation of nearly every sentence (``，`` → ``,``), and its
    general path is slow.  The usual full-width marks are replaced first,
    each by its own decomposition (so the result is the same), and the
    normaliser finds the rest already in form in most texts.

    >>> nfkc("加强监管，（一）ＡＥＯ认证…") == unicodedata.normalize("NFKC", "加强监管，（一）ＡＥＯ认证…")
    True
    """
    for wide, narrow in _FULL_WIDTH:
        text = text.replace(wide, narrow)
    return unicodedata.normalize("NFKC", text)


def term_form(text: str, *, spaces: bool = True) -> str:
    """The form a term is matched and segmented in: NFKC, quotes dropped, spaces too unless ``spaces``.

    The one normaliser of the lexicon (:func:`xianjice.extract.lexicon.match_form`) and the
    segmenter (:func:`xianjice.extract.segment.prepare`); :func:`key` compares titles.

    Examples
    --------
    >>> term_form("防范“两大风险”"), term_form(" 党建 工作 ", spaces=False)
    ('防范两大风险', '党建工作')
    """
    return nfkc(text).translate(_NO_QUOTES if spaces else _NO_QUOTES_OR_SPACES)



def key(text: str) -> str:
    """A comparison key: NFKC (full-width → ASCII), no spaces, unified quotes and dashes.

    Used to match a title in the contents with the same title above its body,
    whatever stray spaces or full-width forms the typesetting left.

    Examples
    --------
    >>> key("完善海关系统，促进 海关党建") == key("完善海关系统,促进海关党建")
    True
    """
    text = nfkc(text).translate(_QUOTES)
    return _KEY_DROP.sub("", text)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"', "—": "-", "–": "-"})
