"""The fast segmenter (rjieba) gives exactly the reference's (jieba, HMM off) tokens."""

import importlib.util
import sys
from pathlib import Path

import pytest

from xianjice.extract.lexicon import load_lexicon
from xianjice.extract.segment import DISCOVERY, default_engine, tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


@pytest.fixture(scope="module")
def engines():
    lexicon = load_lexicon()
    return tokenizer(lexicon, "jieba"), tokenizer(lexicon, "rjieba")


def test_rjieba_is_installed_and_the_default(monkeypatch):
    assert importlib.util.find_spec("rjieba") is not None
    monkeypatch.delenv("XIANJICE_SEGMENTER", raising=False)
    assert default_engine() == "rjieba"
    monkeypatch.setenv("XIANJICE_SEGMENTER", "jieba")
    assert default_engine() == "jieba"


def test_same_tokens_on_the_seed(engines, seed_text):
    reference, fast = engines
    for line in seed_text.splitlines():
        assert fast.cut(line) == reference.cut(line), line


def test_same_tokens_on_a_generated_corpus(engines):
    from make_corpus import make_corpus

    reference, fast = engines
    text = make_corpus(120, seed=7)
    assert fast.cut(text) == reference.cut(text)


def test_same_analysis_and_triples_with_either_engine(monkeypatch, seed_path):
    from xianjice.extract.pipeline import extract_files
    from xianjice.extract.concepts import matches
    from xianjice.extract.segment import token_starts
    from xianjice.graph.build import build_graph
    from xianjice.graph.rdf.triples import graph_triples

    results = []
    for engine in ("jieba", "rjieba"):
        monkeypatch.setenv("XIANJICE_SEGMENTER", engine)
        token_starts.cache_clear()
        matches.cache_clear()
        (c,) = extract_files([seed_path])
        results.append((c, set(graph_triples(build_graph([c])))))
    assert results[0][0] == results[1][0]
    assert results[0][1] == results[1][1]


def test_lexicon_terms_stay_whole_in_both(engines):
    for seg in engines:
        assert "大监管体系" in seg.cut("构建海关大监管体系")
        assert "两大风险" in seg.cut("防范两大风险")


def test_discovery_engine_guesses_unknown_words():
    seg = tokenizer(load_lexicon(), DISCOVERY)
    assert "关区" in seg.cut("就广东关区来讲")


def test_organisation_pinyin_is_the_same_with_either_engine(seed_compilation):
    from xianjice.extract.gazetteer import load_gazetteer
    from xianjice.graph.ids import org_pinyin

    names = {o.name for o in load_gazetteer().organisations}
    names |= {part for e in seed_compilation.essays for u in e.entry.units for part in u.path}
    for name in sorted(names):
        assert org_pinyin(name, engine="rjieba") == org_pinyin(name, engine="jieba"), name
