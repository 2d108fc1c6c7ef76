"""A full book: the seed's front matter and contents with a body for every essay and the appendix.

The real book has all 60 bodies; this builds one from the seed's own text so
that the body finder, the truncation rule and a results list are exercised
on every entry, in every header form the seed shows (stray spaces, a wrapped
title, a ``——`` subtitle, a byline).
"""

import pytest

from xianjice.extract.book import extract_compilation

PARAGRAPHS = [
    "学习实践科学发展观，就是要解放思想，勇于改革创新，着力解决影响和制约科学发展的各种体制机制问题。",
    "一、现状与问题",
    "海关系统基层点多线长，执法任务重，风险高，关员自由裁量权大，具有与其他行业难以同比的特殊性，更需要从组织上加强",
    "",
    "监督和保证。",
    "二、对策建议",
    "（一）完善制度。建立健全相关制度，明确职责。",
    "（二）加强培训。科学、适宜、有计划地组织培训。",
]


def full_book(seed_text, *, results_list=False):
    lines = seed_text.splitlines()
    head = lines[:283]  # front matter, contents and the first, complete body
    from xianjice.extract.book import extract_compilation as ex

    entries = [e.entry for e in ex(seed_text, source="seed").essays]
    out = list(head)
    for entry in entries[1:]:
        title = entry.title
        if entry.seq % 3 == 0 and len(title) > 12:
            out += ["", title[:10], title[10:]]  # a title wrapped over two lines
        elif entry.seq % 3 == 1:
            out += ["", " ".join(title[i:i + 7] for i in range(0, len(title), 7))]  # stray spaces
        else:
            out += ["", title]
        if entry.seq == 2:
            out += ["", "——关于海关缉私局刑事执法职能调整的探讨"]
        out += ["", entry.byline, ""]
        out += [p for para in PARAGRAPHS for p in (para, "")]
    out += ["", "海关总署关于开展“我为海关工作献计策”征文活动的通知", "", "各直属海关：", "", "现将有关事项通知如下。", ""]
    out += ["", "海关总署学习实践活动领导小组办公室关于“我为海关工作献计策”征文评选结果的通报", "", "各直属海关：", ""]
    if results_list:
        out += ["一等奖（20篇）", ""]
        for entry in entries:
            if entry.seq == 21:
                out += ["", "二等奖（40篇）", ""]
            # the results list swaps essays 20 and 21 to prove that a stated tier wins over the inference
            label_seq = {20: 21, 21: 20}.get(entry.seq, entry.seq)
            out += [f"{entry.seq}. {entries[label_seq - 1].title} {entries[label_seq - 1].byline}"]
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def full(seed_text):
    return extract_compilation(full_book(seed_text), source="full.txt")


def test_every_essay_has_its_body(full):
    assert len(full.essays) == 60
    assert [e.seq for e in full.essays if e.body is None] == []
    assert not any(e.body.truncated for e in full.essays)
    assert full.unparsed == ()


def test_bodies_keep_headings_and_mend_page_breaks(full):
    for essay in full.essays[1:]:
        texts = [p.text for p in essay.body.paragraphs]
        assert "一、现状与问题" in texts and "二、对策建议" in texts
        assert any(t.endswith("更需要从组织上加强监督和保证。") for t in texts), essay.seq
        assert texts[-1] == "（二）加强培训。科学、适宜、有计划地组织培训。"
    assert full.essays[1].body.subtitle == "关于海关缉私局刑事执法职能调整的探讨"
    assert full.essays[3].body.byline == "长春海关 孙玉明"


def test_appendix_bodies_are_not_essays(full):
    assert all(a.body is not None for a in full.appendix)
    assert full.essays[-1].body.lines.end < full.appendix[0].body.lines.start


def test_a_results_list_states_tiers_and_wins(seed_text):
    c = extract_compilation(full_book(seed_text, results_list=True), source="full.txt")
    tiers = [e.tier for e in c.essays]
    assert all(t.source.startswith("stated: results list") for t in tiers)
    assert tiers[19].label == "二等奖" and tiers[20].label == "一等奖"
    assert [t.label for t in tiers].count("一等奖") == 20


def test_two_essays_with_the_same_title_keep_their_own_bodies():
    text = """序

共收到10个海关单位报送的征文30篇。

- 关于加强海关队伍建设的思考
..... 北京海关 王绍波 / 1
- 关于加强海关队伍建设的思考
..... 天津海关 李明 / 5

关于加强海关队伍建设的思考

北京海关 王绍波

北京的正文。

关于加强海关队伍建设的思考

天津海关 李明

天津的正文。
"""
    c = extract_compilation(text, source="dup.txt")
    assert [e.body.paragraphs[0].text for e in c.essays] == ["北京的正文。", "天津的正文。"]
    assert any("same title as entry 1" in w for w in c.warnings)
    assert c.unparsed == ()
