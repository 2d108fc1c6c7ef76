import math

import pytest

from analysis_helpers import body_from_lines, compilation, essay
from xianjice.extract.candidates import candidate_terms
from xianjice.extract.lexicon import load_lexicon

LEX = load_lexicon()


def book(*texts):
    """A compilation of essays whose bodies are the given one-paragraph texts."""
    return compilation(*(essay(i + 1, f"题目{i + 1}", body_from_lines([(10 * (i + 1), text)]))
                         for i, text in enumerate(texts)))


def terms(rows):
    return [r["term"] for r in rows]


def test_a_term_used_in_two_essays_is_a_candidate_one_in_one_is_not():
    rows = candidate_terms(book("推进单一窗口建设，单一窗口很重要。", "依托单一窗口平台。", "研究跨境电商。"), lexicon=LEX)
    found = {r["term"]: r for r in rows}
    row = found["单一窗口"]
    assert {k: row[k] for k in ("term", "count", "essays", "reference", "sample")} == {
        "term": "单一窗口", "count": 3, "essays": 2, "reference": 0, "sample": [1, 2]}
    assert row["score"] > 0 and row["log_ratio"] >= 5
    assert "跨境电商" not in found
    assert "跨境电商" in terms(candidate_terms(book("研究跨境电商。"), lexicon=LEX, min_essays=1))


def test_lexicon_terms_and_generic_words_are_never_candidates():
    rows = candidate_terms(book("加强稽查工作，推进大监管体系。", "稽查工作和大监管体系的问题。"), lexicon=LEX,
                           min_essays=1)
    assert not {"稽查", "大监管体系", "工作", "问题", "加强", "推进"} & set(terms(rows))


def test_growing_the_lexicon_removes_the_candidate(tmp_path):
    texts = ("推进单一窗口建设。", "依托单一窗口平台。")
    assert "单一窗口" in terms(candidate_terms(book(*texts), lexicon=LEX))
    path = tmp_path / "lexicon.csv"
    path.write_text("id,label,english,theme,aliases\ndanyi-chuangkou,单一窗口,Single window,监管,\n", encoding="utf-8")
    assert "单一窗口" not in terms(candidate_terms(book(*texts), lexicon=load_lexicon(path)))


@pytest.fixture(scope="module")
def seed_rows(seed_compilation):
    return candidate_terms(seed_compilation, lexicon=LEX, top=30)


def test_seed_candidates(seed_rows, seed_compilation):
    assert 0 < len(seed_rows) <= 30
    assert all(r["essays"] >= 2 and r["count"] >= r["essays"] for r in seed_rows)
    assert all(LEX.lookup(r["term"]) is None for r in seed_rows)
    assert all(r["sample"] == sorted(r["sample"]) and len(r["sample"]) <= 5 for r in seed_rows)
    scores = [(-r["score"], r["term"]) for r in seed_rows]
    assert scores == sorted(scores)
    assert candidate_terms(seed_compilation, lexicon=LEX, top=30) == seed_rows  # deterministic
    assert terms(candidate_terms(seed_compilation, lexicon=LEX, top=5)) == terms(seed_rows)[:5]
    # fragments spanning two words, names, units and document titles are never proposed (issue 16)
    everything = terms(candidate_terms(seed_compilation, lexicon=LEX, top=1000, min_essays=1, min_log_ratio=0))
    assert not {"地去", "对本关", "四是", "科上", "现行海关", "关区", "鲁培军", "盛光祖", "综合统计处", "秘书处",
                "基层党组织工作登记本", "暂行条例"} & set(everything)
    assert {"党费", "党规", "提请逮捕"} <= set(everything)


def test_min_essays_filters(seed_compilation):
    loose = candidate_terms(seed_compilation, lexicon=LEX, top=1000, min_essays=1)
    strict = candidate_terms(seed_compilation, lexicon=LEX, top=1000, min_essays=3)
    assert len(strict) < len(loose)
    assert all(r["essays"] >= 3 for r in strict)


def test_keyness_statistics():
    from xianjice.extract.candidates import log_likelihood, log_ratio

    # Dunning's G2 by hand: a=10 in c=1000, b=100 in d=1e6
    e1, e2 = 1000 * 110 / 1_001_000, 1_000_000 * 110 / 1_001_000
    expected = 2 * (10 * math.log(10 / e1) + 100 * math.log(100 / e2))
    assert log_likelihood(10, 100, 1000, 1_000_000) == pytest.approx(expected)
    assert log_likelihood(1, 10_000, 1000, 1_000_000) < 0  # under-used
    assert log_ratio(10, 100, 1000, 1_000_000) == pytest.approx(math.log2(100))


def test_names_and_document_titles_are_blanked():
    texts = ("盛光祖署长指出单一窗口很重要，《单一窗口暂行办法》。", "盛光祖署长强调单一窗口。")
    rows = {r["term"]: r for r in candidate_terms(book(*texts), lexicon=LEX, min_log_ratio=0)}
    assert rows["单一窗口"]["count"] == 2  # not the one inside 《》
    assert "盛光祖" not in rows and "光祖" not in rows


def test_general_words_and_weak_compounds_are_left_out():
    texts = ["有关部门要正确对待检查，针对性地安排年度计划。"] * 3
    found = set(terms(candidate_terms(book(*texts), lexicon=LEX, min_log_ratio=0)))
    assert not {"有关", "有关部门", "部门", "正确对待", "检查", "针对性", "年度", "安排"} & found
