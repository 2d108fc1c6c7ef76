"""The unit × theme matrix: counts of essays, roll-up to top-level units, renderers."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from concept_graphs import ROOT, tiny_graph
from xianjice.graph.analysis.themes import (UNKNOWN_UNIT, essay_units, matrix_csv, matrix_json, matrix_table, top_unit_label,
                          unit_theme_matrix, unit_label, write_themes_csv)

THEMES = {"a": "监管", "b": "监管", "c": "税收", "d": "风险"}
ESSAYS = {"e1": "ab", "e2": "c", "e3": "ac", "e4": "d", "e5": ""}
UNITS = {"e1": ("甲关", "一处"), "e2": ("甲关", "二处"), "e3": ("甲关",), "e4": ("乙关", "三科")}


@pytest.fixture
def G():
    return tiny_graph(ESSAYS, themes=THEMES, units=UNITS)


def rows(matrix):
    return {r["unit"]: (r["essays"], r["themes"]) for r in matrix["rows"]}


def test_unit_level(G):
    m = unit_theme_matrix(G)
    assert m["level"] == "unit"
    # 监管 in e1 and e3 (e1 counts once although it discusses two 监管 concepts); 税收 in e2, e3; 风险 in e4
    assert m["totals"] == {"essays": 5, "themes": {"监管": 2, "税收": 2, "风险": 1}}
    assert rows(m) == {
        "甲关": (1, {"监管": 1, "税收": 1, "风险": 0}),
        "甲关/一处": (1, {"监管": 1, "税收": 0, "风险": 0}),
        "甲关/二处": (1, {"监管": 0, "税收": 1, "风险": 0}),
        "乙关/三科": (1, {"监管": 0, "税收": 0, "风险": 1}),
        UNKNOWN_UNIT: (1, {"监管": 0, "税收": 0, "风险": 0}),
    }


def test_columns_by_total_then_code_point(G):
    # 监管 (U+76D1) and 税收 (U+7A0E) both count 2 essays: code point order
    assert unit_theme_matrix(G)["themes"] == ["监管", "税收", "风险"]


def test_rows_sorted_by_label(G):
    units = [r["unit"] for r in unit_theme_matrix(G)["rows"]]
    assert units == sorted(units)


def test_roll_up_to_top_level(G):
    m = unit_theme_matrix(G, level="top")
    assert rows(m) == {
        "甲关": (3, {"监管": 2, "税收": 2, "风险": 0}),
        "乙关": (1, {"监管": 0, "税收": 0, "风险": 1}),
        UNKNOWN_UNIT: (1, {"监管": 0, "税收": 0, "风险": 0}),
    }
    # rolled up, every unit's column sums stay within the unit's essays
    for essays, counts in rows(m).values():
        assert all(n <= essays for n in counts.values())


def test_joint_essay_counts_for_each_unit():
    G = tiny_graph({"e1": "a"}, themes=THEMES, units={"e1": ("甲关", "一处")})
    G.add_node(f"{ROOT}/乙关", kind="organisation", label="乙关", org_kind="customs")
    G.add_edge(f"{ROOT}/乙关", ROOT, key="sub_organisation_of")
    G.add_edge("essay/e1", f"{ROOT}/乙关", key="unit")
    assert rows(unit_theme_matrix(G, level="top")) == {"乙关": (1, {"监管": 1}), "甲关": (1, {"监管": 1})}


def test_headquarters_departments_roll_up_to_the_root():
    G = nx.MultiDiGraph()
    G.add_node("org/r", kind="organisation", label="海关总署")
    G.add_node("org/r/b", kind="organisation", label="办公厅", org_kind="department")
    G.add_node("org/r/b/s", kind="organisation", label="秘书处", org_kind="section")
    G.add_edge("org/r/b", "org/r", key="sub_organisation_of")
    G.add_edge("org/r/b/s", "org/r/b", key="sub_organisation_of")
    G.add_node("e", kind="essay", top_unit="海关总署")
    G.add_edge("e", "org/r/b/s", key="unit")
    assert unit_label(G, "org/r/b/s") == "办公厅/秘书处"
    assert top_unit_label(G, "org/r/b/s") == "海关总署"
    assert essay_units(G, "e", level="top") == ("海关总署",)


def test_essay_without_unit_falls_back_on_top_unit_attribute():
    G = nx.MultiDiGraph()
    G.add_node("e", kind="essay", top_unit="拱北海关")
    assert essay_units(G, "e", level="top") == ("拱北海关",)
    assert essay_units(G, "e") == (UNKNOWN_UNIT,)


def test_bad_level(G):
    with pytest.raises(ValueError, match="level"):
        unit_theme_matrix(G, level="province")


def test_csv(G, tmp_path):
    m = unit_theme_matrix(G, level="top")
    table = list(csv.reader(io.StringIO(matrix_csv(m))))
    assert table[0] == ["unit", "essays", "监管", "税收", "风险"]
    assert ["甲关", "3", "2", "2", "0"] in table
    path = tmp_path / "themes.csv"
    size = write_themes_csv(G, path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + matrix_csv(unit_theme_matrix(G)).encode("utf-8")
    assert size == path.stat().st_size


def test_json_round_trips(G):
    m = unit_theme_matrix(G)
    assert json.loads(matrix_json(m)) == m


def test_table_aligns_and_totals(G):
    lines = matrix_table(unit_theme_matrix(G, level="top")).splitlines()
    assert lines[0].split() == ["unit", "essays", "监管", "税收", "风险"]
    assert lines[-1].split() == ["total", "5", "2", "2", "1"]
    assert len({len(line.encode("gbk")) for line in lines}) == 1  # GBK: a Chinese character is two bytes wide


@pytest.mark.parametrize("shuffle_seed", range(3))
def test_insertion_order_does_not_matter(shuffle_seed):
    shuffled = tiny_graph(ESSAYS, themes=THEMES, units=UNITS, shuffle_seed=shuffle_seed)
    reference = tiny_graph(ESSAYS, themes=THEMES, units=UNITS)
    for level in ("unit", "top"):
        assert matrix_csv(unit_theme_matrix(shuffled, level=level)) == matrix_csv(unit_theme_matrix(reference, level=level))
