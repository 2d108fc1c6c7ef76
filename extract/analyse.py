"""What the essays are about: concepts, cited documents, mentions and proposals.

:func:`analyse` runs every analysis extractor over a compilation and returns
a copy with the results filled in.  jieba segments each title and paragraph
once (tokens are cached by :mod:`xianjice.extract.segment`), so concepts and
proposals share the work.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from xianjice.extract.concepts import concept_links
from xianjice.extract.documents import cited_documents
from xianjice.extract.lexicon import Lexicon, load_lexicon
from xianjice.extract.mentions import mentions
from xianjice.extract.proposals import proposals
from xianjice.extract.records import Compilation, Essay
from xianjice.extract.segment import tokenizer as make_tokenizer

#: Books with this many characters of body text or more are analysed in two processes.
PARALLEL_CHARS = 1_000_000


def analyse(compilation: Compilation, *, lexicon: Lexicon | None = None, gazetteer=None, workers: int | None = None,
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
    workers
        1 analyses in this process; 2 forks a second process that analyses
        the second half of the essays.  By default two are used for books
        with at least :data:`PARALLEL_CHARS` characters of body text, where
        the fork pays for itself.  The result is the same either way.
    on_essay
        Called after each essay this process analyses (for a progress bar).

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
    job = _Job(compilation.essays, lexicon, tok, gazetteer, on_essay)
    n = len(compilation.essays)
    if workers is None:
        workers = 2 if _body_chars(compilation) >= PARALLEL_CHARS else 1
    if workers > 1 and n > 1 and "fork" in multiprocessing.get_all_start_methods():
        parts = _in_two_processes(job)
    else:
        parts = [job.parts(i) for i in range(n)]
    essays = tuple(replace(e, concepts=c, documents=d, mentions=m, proposals=p)
                   for e, (c, d, m, p) in zip(compilation.essays, parts))
    used = {link.concept for e in essays for link in e.concepts}
    concepts = tuple(c for c in lexicon.concepts if c.label in used)
    themes_used = {c.theme for c in concepts}
    themes = tuple(t for t in lexicon.themes if t.label in themes_used)
    return replace(compilation, essays=essays, concepts=concepts, themes=themes)


class _Job:
    """The analysis of one compilation, shared with a forked worker by inheritance (no pickling)."""

    def __init__(self, essays, lexicon, tok, gazetteer, on_essay):
        self.essays, self.lexicon, self.tok, self.gazetteer, self.on_essay = essays, lexicon, tok, gazetteer, on_essay

    def parts(self, i: int) -> tuple:
        essay = self.essays[i]
        links = concept_links(essay.entry.title, essay.entry.lines.start, essay.body, lexicon=self.lexicon,
                              tokenizer=self.tok)
        if self.on_essay is not None:
            self.on_essay()
        if essay.body is None:
            return links, (), (), ()
        return (links, cited_documents(essay.body), mentions(essay.body, gazetteer=self.gazetteer),
                proposals(essay.body, lexicon=self.lexicon, tokenizer=self.tok))

    def run(self, start: int, stop: int) -> list[tuple]:
        return [self.parts(i) for i in range(start, stop)]


_FORKED_JOB: _Job | None = None


def _forked_run(start: int, stop: int) -> list[tuple]:
    assert _FORKED_JOB is not None
    _FORKED_JOB.on_essay = None  # progress is drawn by the parent only
    return _FORKED_JOB.run(start, stop)


def _in_two_processes(job: _Job) -> list[tuple]:
    """The first half of the essays here, the second in a forked process, at the same time."""
    global _FORKED_JOB
    half = (len(job.essays) + 1) // 2
    _FORKED_JOB = job
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            second = pool.submit(_forked_run, half, len(job.essays))
            first = job.run(0, half)
            return first + second.result()
    finally:
        _FORKED_JOB = None


def _body_chars(compilation: Compilation) -> int:
    return sum(len(p.text) for e in compilation.essays if e.body for p in e.body.paragraphs)
