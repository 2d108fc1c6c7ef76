"""The concept matcher as it was before it was made fast (v0.x, kept as a reference for the tests).

Written for clarity, not speed: the text is normalised and its quotes
dropped character by character, the tokens listed as ``(start, token)``
pairs, a 的 or a stray space searched for everywhere, and every blocked span
compared with every match.  ``tests/test_concept_matching.py`` checks that
:func:`xianjice.extract.concepts.matches` finds exactly what this finds.
"""

from __future__ import annotations

import unicodedata

from xianjice.extract import concepts as fast
from xianjice.extract.text import QUOTES

_QUOTE_SET = frozenset(QUOTES)
_NO_QUOTES = str.maketrans({c: None for c in QUOTES})


def prepared(text):
    """(NFKC text without quotes, offset in *text* of each of its characters and of its end)."""
    if any(q in text for q in QUOTES):
        keep = [i for i, ch in enumerate(text) if ch not in _QUOTE_SET]
        stripped = "".join(text[i] for i in keep)
    else:
        keep, stripped = None, text
    norm = unicodedata.normalize("NFKC", stripped)
    if len(norm) == len(stripped) and not any(q in norm for q in QUOTES):
        return norm, (*(range(len(text)) if keep is None else keep), len(text))
    out, offsets = [], []
    for i, ch in enumerate(text):
        if ch in _QUOTE_SET:
            continue
        norm = unicodedata.normalize("NFKC", ch).translate(_NO_QUOTES)
        out.append(norm)
        offsets.extend([i] * len(norm))
    offsets.append(len(text))
    return "".join(out), tuple(offsets)


def token_spans(text, tok):
    out = []
    at = 0
    for t in tok.cut(prepared(text)[0]):
        if t.strip():
            out.append((at, t))
        at += len(t)
    return tuple(out)


def matches(text, *, lexicon, tokenizer):
    """``(start, end, concept label, surface)`` of every occurrence, as :func:`fast.matches` should give them."""
    prep, offsets = prepared(text)
    spans = token_spans(text, tokenizer)
    found = [(at, at + len(token), c) for at, token in spans if (c := lexicon.lookup_token(token)) is not None]
    more = []
    if "的" in prep:
        more += _de_matches(prep, spans, lexicon)
    if " " in prep or "\t" in prep or "\u3000" in prep:
        more += _gap_matches(prep, lexicon)
    if lexicon.phrases:
        more += [(m.start(), m.end(), lexicon.lookup_token(m.group()))
                 for m in fast._phrase_pattern(lexicon).finditer(prep)]
    if more:
        taken = bytearray(len(prep))
        kept = []
        for f in sorted(found + more, key=lambda f: (f[0] - f[1], f[0])):
            if not any(taken[f[0]:f[1]]):
                taken[f[0]:f[1]] = b"\x01" * (f[1] - f[0])
                kept.append(f)
        found = sorted(kept)
    blocked = _blocked(prep)
    out = []
    for start, end, concept in found:
        if any(s <= start < e for s, e in blocked) or fast._in_unit_name(prep, end):
            continue
        a, b = offsets[start], offsets[end - 1] + 1
        out.append((a, b, concept.label, text[a:b].translate(_NO_QUOTES)))
    return out


def _gap_matches(prep, lexicon):
    squeezed, where = [], []
    for i, ch in enumerate(prep):
        if not ch.isspace():
            squeezed.append(ch)
            where.append(i)
    s = "".join(squeezed)
    gaps = [k for k in range(1, len(where)) if where[k] - where[k - 1] > 1]
    out = []
    for g in gaps:
        best = None
        for i in range(max(0, g - fast._GAP_SPAN), g):
            for j in range(min(len(s), i + fast._GAP_SPAN), g, -1):
                concept = lexicon.lookup_token(s[i:j])
                if concept is not None and (best is None or j - i > best[1] - best[0]):
                    best = (i, j, concept)
                    break
        if best is not None:
            out.append((where[best[0]], where[best[1] - 1] + 1, best[2]))
    return out


def _de_matches(prep, spans, lexicon):
    halves, lasts = fast._de_halves(lexicon)
    out = []
    for k in [k for k in range(1, len(spans) - 1) if spans[k][1] == "的" and spans[k - 1][1] in lasts]:
        at = spans[k][0]
        for i in range(k - 1, max(-1, k - 4), -1):
            rights = halves.get(prep[spans[i][0]:at].replace(" ", ""))
            if not rights:
                continue
            for j in range(k + 1, min(len(spans), k + 4)):
                end = spans[j][0] + len(spans[j][1])
                concept = rights.get(prep[at + 1:end].replace(" ", ""))
                if concept is not None:
                    out.append((spans[i][0], end, concept))
    return out


def _blocked(prep):
    from xianjice.extract.mentions import persons

    spans = [(m.start(), m.end()) for m in fast._TITLE.finditer(prep)]
    spans += [(at, at + len(name)) for name, _, at in persons(prep)]
    return spans
