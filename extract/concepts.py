"""Essay → concept links, each with its evidence.

A concept is found when a jieba token of the title or the body *is* one of
its terms (label or alias, compared in match form) — never by substring
alone, so ``加大监管力度`` does not speak of 大监管.  Aliases fold into their
concept.  Every link says where the concept was found (``title``, ``body`` or
``title+body``), how often, on which line first and in which form; there is
no link without evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


from xianjice.extract.lexicon import Lexicon
from xianjice.extract.records import Body, ConceptLink
from xianjice.extract.segment import Segmenter, tokens


@dataclass
class _Tally:
    title: int = 0
    body: int = 0
    first_line: int = 0
    surface: str = ""


def concepts_in(text: str, *, lexicon: Lexicon, tokenizer: Segmenter) -> tuple[str, ...]:
    """Labels of the concepts named in *text*, in order of first appearance.

    Examples
    --------
    >>> from xianjice.extract.lexicon import load_lexicon
    >>> from xianjice.extract.segment import tokenizer
    >>> lex = load_lexicon()
    >>> concepts_in("加大党建工作力度，防范两个风险，推进党的建设", lexicon=lex, tokenizer=tokenizer(lex))
    ('党建', '两大风险')
    """
    found = (lexicon.lookup_token(t) for t in tokens(text, tokenizer))
    return tuple(dict.fromkeys(c.label for c in found if c is not None))


def concept_links(title: str, title_line: int, body: Body | None, *, lexicon: Lexicon,
                  tokenizer: Segmenter) -> tuple[ConceptLink, ...]:
    """The concepts an essay speaks of, from its title and (when present) its body.

    Parameters
    ----------
    title
        The essay title (from the contents).
    title_line
        The line of the title, reported as evidence for title matches.
    body
        The body, or ``None`` when the book does not hold it.  Its subtitle
        counts as body text, on the body's first line.
    lexicon, tokenizer
        The lexicon and a tokenizer from :func:`xianjice.extract.segment.tokenizer`.

    Returns
    -------
    tuple of ConceptLink
        Sorted by count (descending), first line, then label.
    """
    tallies: dict[str, _Tally] = {}
    _tally(tallies, [(title, title_line)], "title", lexicon, tokenizer)
    if body is not None:
        texts = [(body.subtitle, body.lines.start)] if body.subtitle else []
        texts += [(p.text, p.lines.start) for p in body.paragraphs]
        _tally(tallies, texts, "body", lexicon, tokenizer)
    links = []
    for label, t in tallies.items():
        concept = lexicon.lookup(label)
        where = "title+body" if t.title and t.body else ("title" if t.title else "body")
        links.append(ConceptLink(concept=label, theme=concept.theme, where=where, count=t.title + t.body,
                                 first_line=t.first_line, surface=t.surface))
    return tuple(sorted(links, key=lambda link: (-link.count, link.first_line, link.concept)))


def _tally(tallies: dict[str, _Tally], texts: Iterable[tuple[str, int]], where: str, lexicon: Lexicon,
           tokenizer: Segmenter) -> None:
    for text, line in texts:
        for token in tokens(text, tokenizer):
            concept = lexicon.lookup_token(token)
            if concept is None:
                continue
            tally = tallies.get(concept.label)
            if tally is None:
                tally = tallies[concept.label] = _Tally(first_line=line, surface=token)
            if where == "title":
                tally.title += 1
            else:
                tally.body += 1
