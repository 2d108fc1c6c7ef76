"""What the essays are about: concepts, cited documents, mentions and proposals.

:func:`analyse` runs every analysis extractor over a compilation and returns
a copy with the results filled in.  jieba segments each title and paragraph
once (tokens are cached by :mod:`extract.segment`), so concepts and
proposals share the work.
"""

from __future__ import annotations

from dataclasses import replace

from extract.concepts import concept_links
from extract.documents import cited_documents
from extract.lexicon import Lexicon, load_lexicon
from extract.mentions import mentions
from extract.proposals import proposals
from extract.records import Compilation, Essay
from extract.segment import tokenizer as make_tokenizer


def analyse(compilation: Compilation, *, lexicon: Lexicon | None = None, gazetteer=None) -> Compilation:
    """A copy of *compilation* whose essays carry concepts, documents, mentions and proposals.

    Parameters
    ----------
    compilation
        As returned by :func:`extract.book.extract_compilation`.
    lexicon
        The lexicon to match concepts with; the bundled one by default.
    gazetteer
        The organisations mentions are resolved against; the bundled one by default.

    Returns
    -------
    Compilation
        ``concepts`` lists the lexicon concepts linked to at least one essay
        (in lexicon order) and ``themes`` the themes of those concepts (in
        lexicon order): the part of the scheme the book uses.
    """
    lexicon = lexicon or load_lexicon()
    if gazetteer is None:
        from extract.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    tok = make_tokenizer(lexicon)
    essays = tuple(_analyse_essay(e, lexicon, tok, gazetteer) for e in compilation.essays)
    used = {link.concept for e in essays for link in e.concepts}
    concepts = tuple(c for c in lexicon.concepts if c.label in used)
    themes_used = {c.theme for c in concepts}
    themes = tuple(t for t in lexicon.themes if t.label in themes_used)
    return replace(compilation, essays=essays, concepts=concepts, themes=themes)


def _analyse_essay(essay: Essay, lexicon: Lexicon, tok, gazetteer) -> Essay:
    links = concept_links(essay.entry.title, essay.entry.lines.start, essay.body, lexicon=lexicon, tokenizer=tok)
    if essay.body is None:
        return replace(essay, concepts=links, documents=(), mentions=(), proposals=())
    return replace(essay, concepts=links, documents=cited_documents(essay.body),
                   mentions=mentions(essay.body, gazetteer=gazetteer),
                   proposals=proposals(essay.body, lexicon=lexicon, tokenizer=tok))
