import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xianjice.errors import LexiconError, XianjiceError
from xianjice.extract.lexicon import DEFAULT_LEXICON, load_lexicon, match_form

LEX = load_lexicon()


@pytest.mark.parametrize(("term", "label", "theme"), [
    ("大监管体系", "大监管体系", "监管"),
    ("大监管", "大监管体系", "监管"),
    ("“大监管”体系", "大监管体系", "监管"),
    ("两大风险", "两大风险", "风险"),
    ("两个风险", "两大风险", "风险"),
    ("“两大风险”", "两大风险", "风险"),
    ("执法风险", "执法风险", "风险"),
    ("廉政风险", "廉政风险", "风险"),
    ("风险管理", "风险管理", "风险"),
    ("党建", "党建", "党建与队伍"),
    ("党建工作", "党建", "党建与队伍"),
    ("党的建设", "党建", "党建与队伍"),
    ("科学发展观", "科学发展观", "科学发展"),
    ("通关", "通关", "监管"),
    ("通关无纸化", "通关无纸化", "监管"),
    ("加工贸易", "加工贸易", "监管"),
    ("保税监管", "保税监管", "监管"),
    ("稽查", "稽查", "监管"),
    ("缉私", "缉私", "法制与缉私"),
    ("反走私", "缉私", "法制与缉私"),
    ("归类", "归类", "税收"),
    ("税收征管", "税收征管", "税收"),
    ("统计", "统计", "统计"),
    ("舱单", "舱单", "监管"),
    ("电子口岸", "电子口岸", "信息化"),
    ("口岸管理", "口岸管理", "口岸与合作"),
    ("信息化", "信息化", "信息化"),
    ("信息安全", "信息安全", "信息化"),
    ("风险分析", "风险分析", "风险"),
    ("企业分类管理", "企业分类管理", "监管"),
    ("思想政治工作", "思想政治工作", "党建与队伍"),
    ("廉政", "廉政", "党建与队伍"),
    ("队伍建设", "队伍建设", "党建与队伍"),
    ("教育培训", "教育培训", "党建与队伍"),
    ("后勤保障", "后勤保障", "综合管理"),
    ("预算管理", "预算管理", "综合管理"),
    ("国际合作", "国际合作", "口岸与合作"),
])
def test_lookup_folds_aliases_into_their_concept(term, label, theme):
    concept = LEX.lookup(term)
    assert concept is not None, term
    assert (concept.label, concept.theme) == (label, theme)


@pytest.mark.parametrize("term", ["海关", "监管体系", "风险", "工作", ""])
def test_lookup_of_unknown_terms_is_none(term):
    assert LEX.lookup(term) is None


def test_bundled_lexicon_is_a_consistent_scheme():
    themes = {t.label for t in LEX.themes}
    assert {"监管", "风险", "党建与队伍", "税收", "统计", "信息化", "法制与缉私"} <= themes
    assert len(LEX.concepts) >= 60
    ids = [c.id for c in LEX.concepts] + [t.id for t in LEX.themes]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)
    assert len(set(c.id for c in LEX.concepts)) == len(LEX.concepts)
    assert all(c.theme in themes and c.english for c in LEX.concepts)
    used = {c.theme for c in LEX.concepts}
    assert used == themes  # no empty theme


def test_ids_are_explicit_in_the_data_file():
    # ids never change with the pinyin library: every row of the bundled file spells its id
    rows = DEFAULT_LEXICON.read_text(encoding="utf-8").splitlines()[1:]
    assert all(row.split(",")[0] for row in rows if row and not row.startswith("#"))
    assert LEX.lookup("大监管体系").id == "dajianguantixi"


def test_terms_are_match_forms_and_cover_every_alias():
    terms = set(LEX.terms())
    for concept in LEX.concepts:
        for term in (concept.label, *concept.aliases):
            assert match_form(term) in terms
    assert all(t == match_form(t) for t in terms)
    assert list(LEX.terms()) == sorted(terms)


@given(st.text(alphabet="大监管体系“”\" 　两个风险ＡＢ", max_size=20))
def test_match_form_is_idempotent(text):
    assert match_form(match_form(text)) == match_form(text)


def write(tmp_path, text, name="lexicon.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_lexicon_with_its_own_themes(tmp_path):
    write(tmp_path, "id,label,english\nmaoyi,贸易,Trade\n", "themes.csv")
    path = write(tmp_path, "id,label,english,theme,aliases\n"
                           "# a comment line\n"
                           "danyi-chuangkou,单一窗口,Single window,贸易,“单一窗口”|单一窗口平台\n"
                           ",跨境电商,Cross-border e-commerce,贸易,\n")
    lex = load_lexicon(path)
    assert [t.label for t in lex.themes] == ["贸易"]
    assert lex.lookup("单一窗口平台").id == "danyi-chuangkou"
    assert lex.lookup("跨境电商").id == "kuajingdianshang"  # empty id → pinyin slug
    assert lex.lookup("大监管体系") is None
    assert lex is not load_lexicon(path)  # user files are not cached


def test_user_lexicon_without_themes_uses_the_bundled_ones(tmp_path):
    path = write(tmp_path, "id,label,english,theme,aliases\nxinci,新词,New word,监管,\n")
    assert load_lexicon(path).lookup("新词").theme == "监管"


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty file"),
    ("label,english\n", "header lacks column(s) id, theme"),
    ("id,label,english,theme,aliases\nx,新词,New,没有的主题,\n", "lexicon.csv:2: unknown theme '没有的主题'"),
    ("id,label,english,theme,aliases\n\nx,甲词,A,监管,\ny,乙词,B,监管,甲词\n", "lexicon.csv:4: term '甲词' already belongs to '甲词' (line 3)"),
    ("id,label,english,theme,aliases\nx,甲词,A,监管,\nx,乙词,B,监管,\n", "lexicon.csv:3: id 'x' already used on line 2"),
    ("id,label,english,theme,aliases\nBad Id,甲词,A,监管,\n", "lexicon.csv:2: id 'Bad Id' is not a lower-case ASCII slug"),
    ("id,label,english,theme,aliases\nx,,A,监管,\n", "lexicon.csv:2: empty concept label"),
    ("id,label,english,theme,aliases\nx,甲词,A,监管,a,b\n", "lexicon.csv:2: 6 fields"),
])
def test_bad_user_lexicon_names_file_and_line(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert isinstance(info.value, XianjiceError)


def test_missing_and_undecodable_lexicon(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon file"):
        load_lexicon(tmp_path / "nope.csv")
    path = tmp_path / "gbk.csv"
    path.write_bytes("id,label,english,theme\nx,党建,P,监管\n".encode("gb18030"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicon(path)
