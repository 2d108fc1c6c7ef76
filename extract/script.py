"""Traditional characters: the printed text is kept, matching goes through a simplified form.

Tiers, units, concepts and names printed in traditional characters
(``一等獎``, ``自治區高級人民法院``) are matched through their simplified form
(``一等奖``, ``自治区高级人民法院``); records keep the text as printed.  The
conversion is OpenCC's ``t2s`` dictionaries through ``opencc-python-reimplemented``
(pure Python: same dictionaries as OpenCC, no compiled extension to build on
any platform).
"""

from __future__ import annotations

import functools

from opencc import OpenCC


@functools.lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """Return *text* in simplified characters (other characters unchanged).

    Examples
    --------
    >>> simplified("一等獎(3篇)"), simplified("自治區高級人民法院"), simplified("北京海关")
    ('一等奖(3篇)', '自治区高级人民法院', '北京海关')
    """
    convertible = _convertible()
    if text.isascii() or (convertible and convertible.isdisjoint(text)):
        return text
    return _converter().convert(text)


@functools.lru_cache(maxsize=1)
def _convertible() -> frozenset[str]:
    """Every character of a key of the converter's dictionaries (phrases and characters).

    Text holding none of them converts to itself, so it needs no pass through
    the (pure Python, slow) converter.  Empty when the dictionaries cannot be
    read this way: then every text goes through the converter.
    """
    try:
        dictionaries = [entry[2] for entry in _converter().dict_cache.values()]
    except (AttributeError, IndexError, TypeError):
        return frozenset()
    if not dictionaries:
        return frozenset()
    return frozenset(ch for table in dictionaries for key in table for ch in key)
