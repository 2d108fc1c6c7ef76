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
    ("两大风险", "两大风险", "内控与监督"),
    ("两个风险", "两大风险", "内控与监督"),
    ("执法和廉政风险", "两大风险", "内控与监督"),
    ("执法风险", "执法风险", "内控与监督"),
    ("内控", "内部控制", "内控与监督"),
    ("风险管理", "风险管理", "监管"),  # a control technique, not one of the two great risks
    ("党建", "党建", "党建与纪检"),
    ("党的建设", "党建", "党建与纪检"),
    ("黨建", "党建", "党建与纪检"),  # traditional form: a hidden label
    ("一岗双责", "一岗双责", "党建与纪检"),
    ("三会一课", "三会一课", "党建与纪检"),
    ("政工", "政治工作", "党建与纪检"),
    ("政治部", "政治机关", "党建与纪检"),
    ("垂直领导", "垂直管理", "法治与行政"),
    ("查缉走私", "缉私", "缉私与刑事执法"),
    ("编制统计", "海关统计", "统计"),
    ("征税", "税收征管", "税收"),
    ("AEO", "经认证的经营者", "监管"),
    ("AEO 认证", "经认证的经营者", "监管"),
    ("金关工程（二期）", "金关工程（二期）", "信息化"),
    ("科学发展观", "科学发展观", "科学发展"),
])
def test_lookup_folds_synonyms_into_their_concept(term, label, theme):
    concept = LEX.lookup(term)
    assert concept is not None, term
    assert (concept.label, concept.theme) == (label, theme)


@pytest.mark.parametrize(("term", "not_label"), [
    # wrong folds of the old fitted lexicon (issue 16)
    ("政工", "思想政治工作"), ("政治工作", "思想政治工作"), ("监管资源整合", "物流监控"), ("关警融合", "缉私警察"),
    ("职业道德", "廉政"), ("大通关", "口岸管理"), ("电子数据", "电子通关"),
])
def test_no_wrong_folds(term, not_label):
    found = LEX.lookup(term)
    assert found is None or found.label != not_label


@pytest.mark.parametrize("term", ["海关", "监管体系", "风险", "工作", "", "编制", "应急", "人才", "学校", "侦查", "体制机制"])
def test_generic_words_are_no_terms(term):
    assert LEX.lookup(term) is None


def test_bundled_lexicon_is_a_consistent_scheme():
    themes = {t.label for t in LEX.themes}
    assert {"监管", "内控与监督", "党建与纪检", "税收", "统计", "信息化", "缉私与刑事执法", "法治与行政", "科学发展"} <= themes
    assert len(LEX.concepts) >= 120
    ids = [c.id for c in LEX.concepts] + [t.id for t in LEX.themes]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)
    assert len(set(c.id for c in LEX.concepts)) == len(LEX.concepts)
    assert all(c.theme in themes and c.english and c.source for c in LEX.concepts)
    used = {c.theme for c in LEX.concepts}
    assert used == themes  # no empty theme
    labels = {c.label for c in LEX.concepts}
    assert all(c.broader in labels for c in LEX.concepts if c.broader)


def test_the_campaign_slogans_are_the_frame_layer():
    frame = {c.label for c in LEX.concepts if c.frame}
    assert {"科学发展观", "科学发展", "解放思想", "改革创新", "以人为本"} <= frame
    assert all(LEX.lookup(label).theme == "科学发展" for label in frame)
    assert not {"党建", "监管", "两大风险"} & frame


def test_broader_and_hidden_labels():
    assert LEX.broader(LEX.lookup("执法风险")).label == "两大风险"
    assert LEX.broader(LEX.lookup("侦审合一")).label == "侦审模式"
    assert LEX.broader(LEX.lookup("监管")) is None
    assert "黨建" in LEX.lookup("党建").hidden and "黨建" not in LEX.lookup("党建").aliases


def test_old_five_column_files_still_load(tmp_path):
    path = write(tmp_path, "id,label,english,theme,aliases\nxinci,新词,New word,监管,新的词\n")
    c = load_lexicon(path).lookup("新的词")
    assert (c.label, c.broader, c.hidden, c.frame, c.source) == ("新词", "", (), False, "")


def test_full_columns(tmp_path):
    path = write(tmp_path, "id,label,english,theme,broader,aliases,hidden,frame,source\n"
                           "a,甲概念,A,监管,,甲,,yes,某法 第1条\n"
                           "b,乙概念,B,监管,甲概念,,乙概念x,,\n")
    lex = load_lexicon(path)
    a, b = lex.lookup("甲"), lex.lookup("乙概念x")
    assert (a.frame, a.source, b.broader, b.hidden) == (True, "某法 第1条", "甲概念", ("乙概念x",))


@pytest.mark.parametrize(("rows", "message"), [
    ("a,甲概念,A,监管,乙概念,,,,\nb,乙概念,B,监管,甲概念,,,,\n", "run in a cycle"),
    ("a,甲概念,A,监管,,,,maybe,\n", "frame 'maybe'"),
])
def test_bad_broader_and_frame(tmp_path, rows, message):
    path = write(tmp_path, "id,label,english,theme,broader,aliases,hidden,frame,source\n" + rows)
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def test_a_broader_concept_missing_from_the_file_is_ignored_and_said(tmp_path):
    path = write(tmp_path, "id,label,english,theme,broader\na,甲概念,A,监管,没有\n")
    lex = load_lexicon(path)
    assert lex.lookup("甲概念").broader == ""
    assert lex.notes() == [f"{path}:2: broader concept '没有' of '甲概念' is not in this lexicon (ignored)"]


def test_terms_with_spaces_or_punctuation_are_reported(tmp_path):
    path = write(tmp_path, "id,label,english,theme,aliases\n"
                           "aeo,AEO认证,AEO,监管,AEO 认证\nsan,3·15,Consumer day,监管,\nx,“大监管”格局,Y,监管,\n")
    lex = load_lexicon(path)
    assert "3·15" in lex.phrases
    (note,) = lex.notes()
    assert "AEO 认证" in note and "3·15" in note and "大监管" not in note


def test_ids_are_explicit_in_the_data_file():
    # ids never change with the pinyin library: every row of the bundled file spells its id
    rows = DEFAULT_LEXICON.read_text(encoding="utf-8").splitlines()[1:]
    assert all(row.split(",")[0] for row in rows if row and not row.startswith("#"))
    assert LEX.lookup("大监管体系").id == "dajianguantixi"


def test_terms_are_match_forms_and_cover_every_alias():
    terms = set(LEX.terms())
    for concept in LEX.concepts:
        for term in (concept.label, *concept.aliases, *concept.hidden):
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
