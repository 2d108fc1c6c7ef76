"""What a layout recognizer returns: claims on lines, each explaining them as entries.

Layout recognition and field labelling are kept apart, as reference parsers
of varied layouts do (GROBID's segmentation model before its header and
citation models, CERMINE's zone classification before metadata extraction):
a recognizer says which lines form one entry and which part of them is the
title, the byline and the tier; :mod:`xianjice.extract.layouts.byline` then
labels a byline's units and persons with the shared name models, the same for
every layout.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """One entry as a recognizer read it (fields as printed).

    Attributes
    ----------
    title : str
        The title as printed (no 《》, no numbering).
    units : str
        The unit(s) as printed, ``、``-joined when several; "" when none.
    authors : tuple of str
        Persons, padded names joined.
    lines : tuple of int
        The 1-based lines the entry was read from (first, last).
    tier : str or None
        The tier stated for this entry, as printed.
    tier_line : int or None
        The line of the heading, sentence or table cell stating it.
    tier_how : str
        ``"heading"``, ``"sentence"`` or ``"column"``.
    page : str
        The page as printed, "" when none.
    bare : bool
        A title line with nothing else to show it is one (no byline, no 《》, no page).
    """

    title: str
    units: str
    authors: tuple[str, ...]
    lines: tuple[int, int]
    tier: str | None = None
    tier_line: int | None = None
    tier_how: str = "heading"
    page: str = ""
    bare: bool = False


@dataclass(frozen=True)
class Claim:
    """Lines a recognizer explains, and the entries it reads from them (a prose line may hold several)."""

    layout: str
    lines: frozenset[int]
    entries: tuple[Found, ...]


@dataclass(frozen=True)
class TierMark:
    """A tier stated above entries: a heading line or a sentence ending in a colon."""

    line: int
    label: str | None  # None for a heading that only closes a tier (空缺)
    how: str
