"""Concept matching: each context rule on short texts, and the fast matcher against the plain reference."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_matching
from xianjice.extract.concepts import matches
from xianjice.extract.lexicon import load_lexicon
from xianjice.extract.segment import KeptOffsets, prepared, token_spans, token_starts, tokenizer

LEX = load_lexicon()
TOK = tokenizer(LEX)


def found(text):
    return [(m.start, m.end, m.concept.label, m.surface) for m in matches(text, lexicon=LEX, tokenizer=TOK)]


@pytest.mark.parametrize("text, expected", [
    # a token is the term: offsets are into the text as printed
    ("加强监管", [(2, 4, "监管", "监管")]),
    ("推进通关无纸化，加强稽查", [(2, 7, "通关无纸化", "通关无纸化"), (10, 12, "稽查", "稽查")]),
    # a substring alone is not the term
    ("加大监管力度", [(2, 4, "监管", "监管")]),
    # quotes are dropped for matching: the match runs from the first to the last character of the term, its surface drops the quotes inside
    ("构建“大监管”体系", [(3, 9, "大监管体系", "大监管体系")]),
    ("“党建”，", [(1, 3, "党建", "党建")]),
    # one 的 between two words of the term
    ("办案权力的制约", [(0, 2, "办案", "办案"), (2, 7, "权力制约", "权力的制约")]),
    # a stray space, ASCII or full width, inside the term
    ("防范两大 风险", [(2, 7, "两大风险", "两大 风险")]),
    ("防范两大\u3000风险", [(2, 7, "两大风险", "两大\u3000风险")]),
    # a term holding punctuation, found as a phrase, full-width brackets and all
    ("推进金关工程（二期）建设", [(2, 10, "金关工程（二期）", "金关工程（二期）")]),
    # inside a document title in 《》: not discussion
    ("落实《海关政治工作暂行条例》，加强政治工作", [(17, 21, "政治工作", "政治工作")]),
    # the head of a unit name: not discussion
    ("在法制部门设立预审科", []),
    ("加强法制建设", [(2, 6, "法制", "法制建设")]),  # an alias, not a unit
    # part of a person's name printed with a title: not discussion
    ("王监管副关长指出", []),
    ("加强监管，王监管副关长指出", [(2, 4, "监管", "监管")]),
])
def test_context_rules(text, expected):
    assert found(text) == expected


def test_prepared_offsets_map_back_to_the_text():
    text = "“大监管”体系，‘两大风险’"
    prep, offsets = prepared(text)
    assert prep == "大监管体系,两大风险"
    assert [text[offsets[i]] for i in range(len(prep))] == ["大", "监", "管", "体", "系", "，", "两", "大", "风", "险"]
    assert offsets[len(prep)] == len(text)


@pytest.mark.parametrize("text", ["", "无引号", "“", "““”", "a“b”c", "“甲”乙“丙”", "‘’“”"])
def test_kept_offsets_list_the_characters_that_are_not_quotes(text):
    expected = [i for i, ch in enumerate(text) if ch not in "“”‘’"] + [len(text)]
    offsets = KeptOffsets(text)
    assert list(offsets) == expected
    assert len(offsets) == len(expected)
    assert offsets[-1] == len(text)
    with pytest.raises(IndexError):
        offsets[len(expected)]


def test_token_starts_and_spans_agree():
    text = "防范 “两大风险”，加强\t监管"
    starts, words = token_starts(text, TOK)
    assert list(zip(starts, words)) == list(token_spans(text, TOK))
    assert words == ["防范", "两大风险", ",", "加强", "监管"]
    prep = prepared(text)[0]
    assert [prep[s:s + len(w)] for s, w in zip(starts, words)] == words


# Random texts built from what the rules look at: lexicon terms, their halves around 的,
# 《》 titles, persons with titles, unit endings, quotes, spaces, full-width marks and noise.
_TERMS = [t for t in LEX.terms() if len(t) <= 8]
_PIECES = st.one_of(
    st.sampled_from(_TERMS),
    st.sampled_from(_TERMS).map(lambda t: t[:2] + "的" + t[2:]),
    st.sampled_from(_TERMS).map(lambda t: t[:2] + " " + t[2:]),
    st.sampled_from(_TERMS).map(lambda t: "“" + t + "”"),
    st.sampled_from(_TERMS).map(lambda t: "《" + t + "条例》"),
    st.sampled_from(["王监管副关长", "盛光祖署长", "鲁培军主任", "李稽查科长"]),
    st.sampled_from(["部门", "处", "科", "局", "办公室", "处理", "科学", "部署", "的", "了"]),
    st.sampled_from(["，", "。", "、", "（", "）", "：", "；", " ", "\u3000", "\t", "“", "”", "‘", "’", "…", "ＡＥＯ", "AEO"]),
    st.text(alphabet="加强推进海关建设工作体系风险管理党的一二三甲乙", min_size=1, max_size=4),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_fast_matcher_agrees_with_the_reference(text):
    assert found(text) == reference_matching.matches(text, lexicon=LEX, tokenizer=TOK)


def test_fast_matcher_agrees_with_the_reference_on_the_seed(seed_compilation):
    texts = [e.entry.title for e in seed_compilation.essays]
    texts += [p.text for e in seed_compilation.essays if e.body for p in e.body.paragraphs]
    assert any(found(t) for t in texts)
    for text in texts:
        assert found(text) == reference_matching.matches(text, lexicon=LEX, tokenizer=TOK), text


def test_text_without_a_convertible_character_skips_the_converter():
    from xianjice.extract.script import _convertible, _converter, simplified

    assert "獎" in _convertible() and "海" not in _convertible()
    for text in ("一等獎(3篇)", "自治區高級人民法院", "北京海关", "乾隆", "海关总署"):
        assert simplified(text) == _converter().convert(text)
