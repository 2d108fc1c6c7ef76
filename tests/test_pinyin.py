"""Pinyin of names in labels, search keys and @zh-Latn-pinyin literals: surnames, middle dots, rare characters."""

from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from graph_records import book_a, unit
from rdflib import Literal, URIRef

from xianjice.graph.build import build_graph
from xianjice.graph.explorer import views as html_views
from xianjice.graph.explorer.pages import render_page
from xianjice.graph.ids import DEFAULT_BASE, org_pinyin, person_id, person_pinyin, syllables
from xianjice.graph.rdf.triples import PINYIN, graph_triples

# Each surname read as a surname, not with the character's common reading (in brackets).
SURNAMES = [
    ("曾国藩", "Zēng Guófān"),  # céng
    ("单雄信", "Shàn Xióngxìn"),  # dān
    ("解缙", "Xiè Jìn"),  # jiě
    ("仇英", "Qiú Yīng"),  # chóu
    ("查良镛", "Zhā Liángyōng"),  # chá
    ("区家麟", "Ōu Jiālín"),  # qū
    ("翟志刚", "Zhái Zhìgāng"),  # dí
    ("覃勇", "Qín Yǒng"),  # tán
    ("缪德", "Miào Dé"),  # móu
    ("乐嘉", "Yuè Jiā"),  # lè
    ("朴树", "Piáo Shù"),  # pǔ
    ("盖聪", "Gě Cōng"),  # gài
    ("任志强", "Rén Zhìqiáng"),  # rèn
    ("华罗庚", "Huà Luógēng"),  # huá
    ("葛优", "Gě Yōu"),  # gé
    ("薄一波", "Bó Yībō"),  # báo
    ("燕小六", "Yān Xiǎoliù"),  # yàn
    ("欧阳修", "Ōuyáng Xiū"),
    ("万俟卨", "Mòqí Xiè"),  # wàn qí
    ("澹台灭明", "Tántái Mièmíng"),  # dàn tái
    ("王绍波", "Wáng Shàobō"),
    ("曾", "Zēng"),
]


@pytest.mark.parametrize("name, reading", SURNAMES)
def test_surname_reading_in_labels(name, reading):
    assert person_pinyin(name) == reading


@pytest.mark.parametrize("name, reading", SURNAMES)
def test_label_slug_and_search_key_read_the_surname_alike(name, reading):
    key = "".join(syllables(name, person=True))
    assert html_views.compact_pinyin(reading) == key == html_views.search_key(name, person=True)
    assert person_id(name, None).startswith("person/no-unit/" + "-".join(syllables(name, person=True)) + "-")


@pytest.mark.parametrize("name, reading", [
    ("买买提·艾力", "Mǎimǎití Àilì"),
    ("阿沛·阿旺晋美", "Āpèi Āwàngjìnměi"),
    ("曾·伊力", "Céng Yīlì"),  # a transliterated name has no surname of the table
    ("买买提・艾力", "Mǎimǎití Àilì"),  # katakana middle dot, as some input methods type it
    ("买买提•艾力", "Mǎimǎití Àilì"),
])
def test_names_with_middle_dots_give_one_word_per_part(name, reading):
    assert person_pinyin(name) == reading


@pytest.mark.parametrize("text", ["王𠮷", "𠮷田", "张\U0002EBF0"])
def test_rare_characters_without_a_reading_give_no_pinyin(text):
    assert person_pinyin(text) == ""
    assert org_pinyin(text + "海关") == ""


def _scripts(html: str) -> dict:
    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.id, self.out = None, {}

        def handle_starttag(self, tag, attrs):
            self.id = dict(attrs).get("id") if tag == "script" else None

        def handle_data(self, data):
            if self.id:
                self.out[self.id] = self.out.get(self.id, "") + data

    p = P()
    p.feed(html)
    return p.out


def test_graph_rdf_and_explorer():
    a = book_a()
    e5, e7 = a.essays[4], a.essays[6]
    e5 = replace(e5, entry=replace(e5.entry, authors=("曾国藩", "买买提·艾力")))
    e7 = replace(e7, entry=replace(e7.entry, authors=("王𠮷",), units=(unit("𠮷田海关", known=False),)))
    a = replace(a, essays=(*a.essays[:4], e5, a.essays[5], e7))
    G = build_graph([a])
    persons = {d["label"]: (n, d) for n, d in G.nodes(data=True) if d["kind"] == "person"}
    zeng, zeng_data = persons["曾国藩"]
    assert zeng_data["pinyin"] == "Zēng Guófān"
    assert "/zeng-guo-fan-" in zeng
    assert persons["买买提·艾力"][1]["pinyin"] == "Mǎimǎití Àilì"
    rare, rare_data = persons["王𠮷"]
    assert rare_data["pinyin"] == ""
    orgs = {d["label"]: n for n, d in G.nodes(data=True) if d["kind"] == "organisation"}
    assert G.nodes[orgs["𠮷田海关"]]["pinyin"] == ""

    triples = set(graph_triples(G))
    pinyin = {(s, o) for s, _, o in triples if isinstance(o, Literal) and o.language == PINYIN}
    assert (URIRef(DEFAULT_BASE + zeng), Literal("Zēng Guófān", lang=PINYIN)) in pinyin
    assert not [o for _, o in pinyin if any("\u3400" <= ch <= "\u9fff" or ord(ch) >= 0x20000 for ch in o)]
    assert URIRef(DEFAULT_BASE + rare) not in {s for s, _ in pinyin}

    data = json.loads(_scripts(render_page(G, html_views.whole_view(G), links=[]))["xj-data"])
    keys = dict(zip(data["ids"], data["py"]))
    assert keys[zeng] == "zengguofan"
    assert keys[persons["买买提·艾力"][0]] == "maimaitiaili"
    assert keys[rare] == "wang"  # found by the syllable it has
