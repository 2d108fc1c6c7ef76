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
    ranks = [(-r["log_ratio"], -r["score"], r["term"]) for r in seed_rows]
    assert ranks == sorted(ranks)  # effect size ranks (Hardie 2014)
    assert all(0 <= r["dp"] <= 1 for r in seed_rows)
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


# Short inputs → what is proposed and what never is (each text is used by two essays).
CASES = [
    # fragments spanning two words: a pair inside a longer noun phrase is no term
    ("完善证券民事公益诉讼的制度构建。", {"公益", "诉讼"}, {"民事公益", "公益诉讼", "证券民事"}),
    ("跨行政区划公益诉讼检察机制。", {"行政区划"}, {"区划公益", "公益诉讼", "诉讼检察"}),
    # a generic noun after a term frames it: 单一窗口 + 建设
    ("推进单一窗口建设。", {"单一窗口"}, {"单一窗口建设", "窗口建设"}),
    # persons' names
    ("盛光祖署长强调单一窗口。", {"单一窗口"}, {"盛光祖", "光祖", "署长"}),
    # unit names (but not words that merely end in a unit character: 干部, 大局)
    ("综合统计处和秘书处要关心党员干部，服务大局。", {"党员干部", "服务大局"}, {"综合统计处", "统计处", "秘书处"}),
    # words inside a document title in 《》
    ("依照《单一窗口暂行办法》执行。", set(), {"单一窗口", "暂行办法", "单一窗口暂行办法"}),
    # formula words of essay titles, abstract nouns, set phrases of official prose, general words
    ("浅谈基层党建的路径与启示。", set(), {"浅谈", "路径", "启示"}),
    ("提高针对性和实效性，正确对待检查。", set(), {"针对性", "实效性", "正确对待", "检查"}),
    # measure words and numbers
    ("节约经费三十万元，行程五百公里。", {"经费"}, {"万元", "公里", "三十万", "五百"}),
    # compounds the dictionary does not hold, and dictionary terms
    ("严格执行准军事化纪律。", {"准军事化纪律"}, set()),
    ("党委办事机构要明确职责。", {"党委办事机构", "党委"}, {"职责"}),
    ("支部书记要按时收缴党费。", {"支部书记", "党费"}, {"收缴", "按时"}),
]


@pytest.mark.parametrize("text, proposed, never", CASES, ids=[c[0][:8] for c in CASES])
def test_short_inputs(text, proposed, never):
    found = set(terms(candidate_terms(book(text, text), lexicon=LEX, min_log_ratio=0)))
    assert proposed <= found
    assert not never & found


def test_cli_default_log_ratio_is_the_library_default():
    from xianjice.commands_extract import concepts
    from xianjice.extract.candidates import MIN_LOG_RATIO

    option = next(p for p in concepts.params if p.name == "min_log_ratio")
    assert option.default == MIN_LOG_RATIO


def test_bonferroni_cut_grows_with_the_number_of_tests():
    from xianjice.extract.candidates import critical_g2

    assert critical_g2(1) == pytest.approx(10.828, abs=1e-3)  # χ²(1), p = 0.001
    assert critical_g2(1) < critical_g2(10) < critical_g2(1000)


def test_gries_dp():
    from xianjice.extract.candidates import gries_dp

    sizes = {1: 100, 2: 100, 3: 200}
    assert gries_dp({1: 1, 2: 1, 3: 2}, sizes) == pytest.approx(0.0)  # in proportion to the essays
    assert gries_dp({3: 5}, sizes) == pytest.approx(0.5)  # 0.5·(|1 − 0.5| + 0.25 + 0.25)
