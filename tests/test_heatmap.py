"""The unit × theme heatmap: the pip font, a vector SVG, a colour scale by row share, missing glyphs reported."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import networkx as nx
import pytest
from browser import sample_graph, seed_graph
from picture_content import png_size, svg_content

from xianjice.errors import FontMissingError
from xianjice.graph.writers import heatmap
from xianjice.graph.writers.heatmap import Matrix, heatmap_files, heatmap_matrix, heatmap_report, write_heatmap

MONGOLIAN = "ᠮᠣᠩᠭᠣᠯ海关"  # a unit name in Mongolian script, which Noto Sans SC lacks
TIBETAN = "བོད"


def test_seed_pictures_are_deterministic_vector_and_show_the_matrix(tmp_path):
    G = seed_graph()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = write_heatmap(G, tmp_path / "a")
    assert not [w for w in caught if "missing from" in str(w.message)]  # every glyph found
    second = write_heatmap(G, tmp_path / "b")
    assert [p.name for p in first] == ["units-themes.png", "units-themes.svg"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    png, svg = first[0].read_bytes(), first[1].read_bytes()
    assert b"Matplotlib v" not in png and b"<dc:date>" not in svg
    units, themes, counts, essays = heatmap_matrix(G)
    assert units and themes and sum(map(sum, counts)) > 0
    shown = svg_content(svg)
    assert shown["images"] == 0  # no embedded bitmap: cells and colour bar are vector shapes
    cells, scale = shown["meshes"]
    assert len(cells) == len(units) * len(themes) and len(scale) == len(heatmap.SHARE_STEPS) - 1
    texts = shown["texts"]  # text as text (svg.fonttype none), not glyph outlines
    assert [f"{u} ({n})" for u, n in zip(units, essays)] == [t for t in texts if t.endswith(")") and "(" in t
                                                             and t.split(" (")[0] in units]
    assert set(themes) <= set(texts) and heatmap.TITLE in texts
    assert sorted(int(t) for t in texts if t.isdigit()) == sorted(c for row in counts for c in row if c)
    width, height = png_size(png)
    assert width > 600 and height > 600


def test_colour_is_the_share_of_the_units_essays_so_a_large_unit_washes_nothing_out():
    matrix = Matrix(["大关", "小关"], ["监管", "风险"], [[139, 0], [1, 1]], [139, 2])
    cells, scale = svg_content(heatmap_files(matrix)["units-themes.svg"])["meshes"]
    big_all, big_none, small_half, small_half_too = cells
    assert big_none == "#ffffff"  # an empty cell stays white
    assert big_all == scale[-1]  # 139 of 139: the darkest step
    assert small_half == small_half_too == scale[5]  # 1 of 2 essays: the 50–60 % step, however small the unit
    assert len(set(scale)) == len(scale) and "#ffffff" not in scale  # the lightest step is not the empty white
    assert "share of the unit's essays" in " ".join(svg_content(heatmap_files(matrix)["units-themes.svg"])["texts"])


def test_labels_the_font_lacks_are_reported_and_matplotlib_stays_quiet():
    matrix = Matrix([MONGOLIAN, "海关总署"], ["监管", TIBETAN], [[1, 1], [2, 0]], [1, 2])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        files = heatmap_files(matrix)
    assert not caught
    assert heatmap_report(matrix)["missing_glyphs"] == [MONGOLIAN, TIBETAN]
    assert MONGOLIAN + " (1)" in svg_content(files["units-themes.svg"])["texts"]  # the SVG keeps the text
    code = ("from xianjice.graph.writers.heatmap import Matrix, heatmap_files\n"
            f"heatmap_files(Matrix([{MONGOLIAN!r}], [{TIBETAN!r}], [[1]], [1]))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stderr == ""


def test_a_build_reports_the_heatmap(tmp_path):
    from graph_records import compilations

    from xianjice.graph.writers.export import write_build

    report = write_build(compilations(), tmp_path / "out")
    assert report["heatmap"]["missing_glyphs"] == []
    assert report["heatmap"]["font"].startswith("Noto Sans SC")
    assert report["heatmap"]["units"] == len(heatmap_matrix(
        __import__("xianjice.graph.build", fromlist=["build_graph"]).build_graph(compilations())).units)


def test_the_font_comes_from_pip_whatever_the_system_has(monkeypatch):
    import matplotlib
    import pylopdf_fonts_zh_cn
    from matplotlib import font_manager

    assert Path(heatmap.cjk_font()).parent == Path(pylopdf_fonts_zh_cn.__file__).parent
    matrix = heatmap_matrix(sample_graph())
    before = heatmap_files(matrix)
    other = str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "cmr10.ttf")
    lookup = font_manager.fontManager.findfont

    def another_system(prop, *args, **kwargs):  # a machine whose font list yields another font
        named = isinstance(prop, font_manager.FontProperties) and prop.get_file()
        return lookup(prop, *args, **kwargs) if named else other

    monkeypatch.setattr(font_manager.fontManager, "findfont", another_system)
    assert heatmap_files(matrix) == before  # whatever a font lookup by name finds, no text uses it
    assert b"font-family: 'Noto Sans SC'" in before["units-themes.svg"]


def test_without_the_font_package_a_clear_error(monkeypatch, tmp_path):
    heatmap.cjk_font.cache_clear()
    monkeypatch.setattr(heatmap, "FONT_PACKAGE", "no_such_font_package")
    try:
        with pytest.raises(FontMissingError, match="pylopdf-fonts-zh-cn"):
            write_heatmap(sample_graph(), tmp_path)
    finally:
        heatmap.cjk_font.cache_clear()


def test_an_empty_graph_says_so(tmp_path):
    assert heatmap_matrix(nx.MultiDiGraph()) == Matrix([], [], [], [])
    png, svg = write_heatmap(nx.MultiDiGraph(), tmp_path)
    assert png.stat().st_size > 0
    assert heatmap.EMPTY in svg_content(svg.read_bytes())["texts"]


def test_the_layout_is_computed_once_and_places_the_axes_as_tight_layout_does(monkeypatch):
    """No layout engine stays on the figure (savefig would lay every text out again before each
    rendering), and the files are the bytes ``fig.tight_layout()`` gives."""
    from matplotlib.layout_engine import TightLayoutEngine

    m = heatmap_matrix(sample_graph())
    assert m.units and m.themes
    assert heatmap.heatmap_figure(m).get_layout_engine() is None
    ours = heatmap_files(m)

    execute = TightLayoutEngine.execute

    def the_usual_way(engine, fig):  # what Figure.tight_layout does: execute, then leave a placeholder engine
        fig.set_layout_engine(engine)
        execute(engine, fig)
        fig.set_layout_engine("none")

    monkeypatch.setattr(TightLayoutEngine, "execute", the_usual_way)
    assert heatmap.heatmap_figure(m).get_layout_engine() is not None  # the patch took
    assert heatmap_files(m) == ours
