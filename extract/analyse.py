"""What the essays are about: concepts, cited documents, mentions and proposals.

:func:`analyse` runs every analysis extractor over a compilation and returns
a copy with the results filled in.  jieba segments each title and paragraph
once (tokens are cached by :mod:`xianjice.extract.segment`), so concepts and
proposals share the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from xianjice.extract.concepts import concept_links
from xianjice.extract.documents import cited_documents
from xianjice.extract.lexicon import Lexicon, load_lexicon
from xianjice.extract.mentions import mentions
from xianjice.extract.proposals import proposals
from xianjice.extract.records import Compilation, Essay
from xianjice.extract.segment import tokenizer as make_tokenizer


def analyse(compilation: Compilation, *, lexicon: Lexicon | None = None, gazetteer=None,
            on_essay: Callable[[], None] | None = None) -> Compilation:
    """A copy of *compilation* whose essays carry concepts, documents, mentions and proposals.

    Parameters
    ----------
    compilation
        As returned by :func:`xianjice.extract.book.extract_compilation`.
    lexicon
        The lexicon to match concepts with; the bundled one by default.
    gazetteer
        The organisations mentions are resolved against; the bundled one by default.
    on_essay
        Called after each essay is analysed (for a progress bar): once per essay.

    Returns
    -------
    Compilation
        ``concepts`` lists the lexicon concepts linked to at least one essay
        (in lexicon order) and ``themes`` the themes of those concepts (in
        lexicon order): the part of the scheme the book uses.
    """
    lexicon = lexicon or load_lexicon()
    if gazetteer is None:
        from xianjice.extract.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    tok = make_tokenizer(lexicon)
    parts = [_essay_parts(e, lexicon, tok, gazetteer, on_essay) for e in compilation.essays]
    essays = tuple(replace(e, concepts=c, documents=d, mentions=m, proposals=p)
                   for e, (c, d, m, p) in zip(compilation.essays, parts))
    used = {link.concept for e in essays for link in e.concepts}
    concepts = tuple(c for c in lexicon.concepts if c.label in used)
    themes_used = {c.theme for c in concepts}
    themes = tuple(t for t in lexicon.themes if t.label in themes_used)
    return replace(compilation, essays=essays, concepts=concepts, themes=themes)


def _essay_parts(essay: Essay, lexicon: Lexicon, tok, gazetteer, on_essay) -> tuple:
    """(concept links, cited documents, mentions, proposals) of one essay."""
    links = concept_links(essay.entry.title, essay.entry.lines.start, essay.body, lexicon=lexicon, tokenizer=tok)
    if on_essay is not None:
        on_essay()
    if essay.body is None:
        return links, (), (), ()
    return (links, cited_documents(essay.body), mentions(essay.body, gazetteer=gazetteer),
            proposals(essay.body, lexicon=lexicon, tokenizer=tok))
