"""Person names as typeset in Chinese books.

Two-character names are often padded to the width of three with a space
(ASCII or ideographic): ``谭 武`` is one person, 谭武.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from xianjice.extract.text import HAN

_CJK = re.compile(f"^[{HAN}·•]+$")


def is_cjk_word(token: str) -> bool:
    """True when *token* is made only of Chinese characters (and a name dot).

    >>> is_cjk_word("王绍波"), is_cjk_word("ISBN")
    (True, False)
    """
    return bool(_CJK.match(token))


def merge_padded(tokens: Iterable[str]) -> Iterator[str]:
    """Join single-character tokens pairwise: padded two-character names.

    Examples
    --------
    >>> list(merge_padded(["谭", "武", "黄燕鹏", "石艳芬"]))
    ['谭武', '黄燕鹏', '石艳芬']
    >>> list(merge_padded(["梁剑青", "孙", "英"]))
    ['梁剑青', '孙英']
    """
    pending = ""
    for token in tokens:
        if len(token) == 1 and is_cjk_word(token):
            if pending:
                yield pending + token
                pending = ""
            else:
                pending = token
            continue
        if pending:
            yield pending
            pending = ""
        yield token
    if pending:
        yield pending


def looks_like_name(token: str) -> bool:
    """A plausible personal name: 2–4 Chinese characters (or a name with a dot).

    >>> looks_like_name("谭武"), looks_like_name("几点思考的若干"), looks_like_name("王")
    (True, False, False)
    """
    return is_cjk_word(token) and (2 <= len(token) <= 4 or ("·" in token and len(token) <= 12))
