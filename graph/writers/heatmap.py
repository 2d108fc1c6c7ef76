"""A static picture for papers and slides: the unit × theme heatmap (PNG and SVG).

Rows are top-level units, columns themes (from
:func:`xianjice.graph.analysis.themes.unit_theme_matrix` at ``level="top"``).
Each row label gives the unit's number of essays in brackets; each cell
prints the number of them that discuss the theme and is shaded by that
number's **share of the unit's essays** (in steps of 10 %),
so that one large unit cannot wash the others out; the colour bar says so.

The Chinese labels are drawn with Noto Sans SC from the ``pylopdf-fonts-zh-cn``
package that pip installs with xianjice, never with a font of the system, so
the picture does not depend on the machine.  Labels in scripts that font lacks
(Mongolian, Tibetan …) still go into the SVG as text; the PNG shows boxes for
them, and :func:`missing_glyphs` lists them (``report.json``: ``heatmap``).

The SVG is a vector picture: its text is text (selectable, searchable) and its
cells are vector shapes.  Both files are byte-identical across runs in one
environment: no dates, no software version, a fixed SVG hash salt.
"""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from xianjice.errors import FontMissingError

if TYPE_CHECKING:
    import networkx as nx

#: The PyPI package whose font draws the labels (a dependency of xianjice).
FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_FILE = "NotoSansSC-Regular.otf"
#: Font families a viewer of the SVG is asked for, in order (the text is text there).
SVG_FAMILIES = ("Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")
#: Upper edges of the colour steps: shares of the unit's essays.
SHARE_STEPS = tuple(i / 10 for i in range(11))
TITLE = "单位 × 主题：征文篇数  Units × themes: essays"
SCALE_LABEL = "占该单位征文（括号内）的比例  share of the unit's essays (in brackets)"
EMPTY = "没有数据 no data"


class Matrix(NamedTuple):
    """What the heatmap shows: rows, columns, counts and each row's number of essays."""

    units: list[str]
    themes: list[str]
    counts: list[list[int]]
    essays: list[int]


@functools.cache
def cjk_font() -> str:
    """Return the path of the font the labels are drawn with (Noto Sans SC, from pip).

    Raises
    ------
    FontMissingError
        When the package ``pylopdf-fonts-zh-cn`` (a dependency) is not installed.
    """
    from importlib import resources

    try:
        path = resources.files(FONT_PACKAGE) / FONT_FILE
    except ModuleNotFoundError as exc:
        raise FontMissingError("no Chinese font for the heatmap: the package pylopdf-fonts-zh-cn is not installed "
                               "(it comes with xianjice: pip install -e . again)") from exc
    if not path.is_file():
        raise FontMissingError(f"no Chinese font for the heatmap: {path} is missing (reinstall pylopdf-fonts-zh-cn)")
    return str(path)


@functools.cache
def _font_chars(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


def missing_glyphs(labels, *, font: str | None = None) -> list[str]:
    """The labels holding a character the heatmap's font cannot draw (blanks aside), in order, once each.

    >>> missing_glyphs(["海关总署", "一等獎", "ᠮᠣᠩᠭᠣᠯ", "海关总署"])
    ['ᠮᠣᠩᠭᠣᠯ']
    """
    chars = _font_chars(font or cjk_font())
    out = []
    for label in labels:
        if label not in out and any(not c.isspace() and ord(c) not in chars for c in label):
            out.append(label)
    return out


def heatmap_matrix(G: nx.MultiDiGraph) -> Matrix:
    """Return the :class:`Matrix` of the graph: units by essays descending then label, themes by total.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", label="总署"); G.add_node("org/r/a", label="甲关"); G.add_node("org/r/b", label="乙关")
    >>> for o in ("org/r/a", "org/r/b"): _ = G.add_edge(o, "org/r", key="sub_organisation_of")
    >>> G.add_node("concept/x", kind="concept", label="x", theme="监管")
    >>> for e, unit in [("e1", "org/r/a"), ("e2", "org/r/b"), ("e3", "org/r/b")]:
    ...     G.add_node(e, kind="essay"); _ = G.add_edge(e, unit, key="unit"); _ = G.add_edge(e, "concept/x", key="about")
    >>> heatmap_matrix(G)
    Matrix(units=['乙关', '甲关'], themes=['监管'], counts=[[2], [1]], essays=[2, 1])
    """
    from xianjice.graph.analysis.themes import unit_theme_matrix

    return heatmap_table(unit_theme_matrix(G, level="top"))


def heatmap_table(m: dict) -> Matrix:
    """The :class:`Matrix` of a top-level unit × theme matrix: units by essays descending then label."""
    rows = sorted(m["rows"], key=lambda r: (-r["essays"], r["unit"]))
    return Matrix([r["unit"] for r in rows], list(m["themes"]), [[r["themes"][t] for t in m["themes"]] for r in rows],
                  [r["essays"] for r in rows])


def shares(matrix: Matrix) -> list[list[float]]:
    """Each cell's count as a share of its row's essays (0 for a row without essays).

    >>> shares(Matrix(["甲"], ["a", "b"], [[1, 4]], [4]))
    [[0.25, 1.0]]
    """
    return [[c / n if n else 0.0 for c in row] for row, n in zip(matrix.counts, matrix.essays)]


def heatmap_figure(matrix: Matrix, *, title: str = TITLE):
    """Return a matplotlib ``Figure`` of a :class:`Matrix` (no pyplot state is touched).

    Cells are a ``pcolormesh`` (vector shapes in SVG), shaded by :func:`shares`
    in the steps of :data:`SHARE_STEPS`; empty cells stay white.
    """
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import BoundaryNorm
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.layout_engine import TightLayoutEngine

    units, themes, counts, essays = matrix
    font = FontProperties(fname=cjk_font())
    width = max(6.0, 2.6 + 0.55 * len(themes))
    height = max(3.0, 1.8 + 0.28 * len(units))
    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if not units or not themes:
        ax.text(0.5, 0.5, EMPTY, ha="center", va="center", fontproperties=font)
        ax.set_axis_off()
        _pip_font_everywhere(fig, font)
        return fig
    share = np.ma.masked_equal(np.array(shares(matrix)), 0.0)
    cmap = _colormap()
    norm = BoundaryNorm(SHARE_STEPS, cmap.N)
    mesh = ax.pcolormesh(np.arange(len(themes) + 1), np.arange(len(units) + 1), share, cmap=cmap, norm=norm,
                         edgecolors="white", linewidth=0.5)
    ax.set_xlim(0, len(themes))
    ax.set_ylim(len(units), 0)
    ax.set_xticks([j + 0.5 for j in range(len(themes))], themes, rotation=45, ha="right", fontproperties=font,
                  fontsize=9)
    ax.set_yticks([i + 0.5 for i in range(len(units))], [f"{u} ({n})" for u, n in zip(units, essays)],
                  fontproperties=font, fontsize=8)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            if value:
                dark = share[i, j] > 0.6
                ax.text(j + 0.5, i + 0.5, str(value), ha="center", va="center", fontsize=7,
                        color="white" if dark else "#222222", fontproperties=font, in_layout=False)
    ax.set_title(title, fontproperties=font, fontsize=11)
    bar = fig.colorbar(mesh, ax=ax, fraction=0.04, pad=0.02)
    bar.set_ticks(SHARE_STEPS[::2], labels=[f"{s:.0%}" for s in SHARE_STEPS[::2]], fontproperties=font, fontsize=7)
    bar.solids.set_rasterized(False)  # a vector colour bar in the SVG too
    bar.set_label(SCALE_LABEL, fontproperties=font, fontsize=8)
    _pip_font_everywhere(fig, font)
    # fig.tight_layout() would leave a placeholder layout engine on the figure, and savefig then lays
    # every text out once more before each of the two renderings; executing the engine once places the
    # axes the same (byte-identical files) without it: a quarter of the drawing time.
    TightLayoutEngine().execute(fig)
    return fig


def _pip_font_everywhere(fig, font) -> None:
    """Give the pip font to every text of the figure, the empty ones matplotlib makes too.

    Left with the default font, an empty title or offset text would be
    measured with whatever font the system's font list yields, and the
    layout could move with it.
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        size = text.get_fontsize()
        text.set_fontproperties(font)
        text.set_fontsize(size)


def _colormap():
    """Ten blues from light to dark (the lightest still unlike the white of an empty cell)."""
    from matplotlib import colormaps
    from matplotlib.colors import ListedColormap

    steps = len(SHARE_STEPS) - 1
    blues = colormaps["Blues"]
    cmap = ListedColormap([blues(0.15 + 0.85 * i / (steps - 1)) for i in range(steps)], name="xianjice-shares")
    return cmap.with_extremes(bad="white")


def write_heatmap(G: nx.MultiDiGraph, out_dir: str | Path, *, stem: str = "units-themes") -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg`` of the unit × theme heatmap into ``out_dir``; return their paths.

    Raises
    ------
    FontMissingError
        When the font package is not installed.
    """
    return draw_heatmap(heatmap_matrix(G), out_dir, stem=stem)


def draw_heatmap(matrix: Matrix, out_dir: str | Path, *, stem: str = "units-themes") -> list[Path]:
    """Write the PNG and SVG of a :class:`Matrix`; see :func:`write_heatmap`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in heatmap_files(matrix, stem=stem).items():
        (out_dir / name).write_bytes(data)
        paths.append(out_dir / name)
    return paths


def heatmap_files(matrix: Matrix, *, stem: str = "units-themes") -> dict[str, bytes]:
    """The PNG and SVG of a :class:`Matrix`, by file name (no metadata: byte-identical across runs).

    Matplotlib's warnings about glyphs the font lacks are silenced: :func:`missing_glyphs`
    says which labels they are.
    """
    import matplotlib

    out = {}
    style = {"svg.hashsalt": "xianjice", "svg.fonttype": "none", "axes.unicode_minus": False}
    with matplotlib.rc_context(style), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        fig = heatmap_figure(matrix)
        for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=metadata)
            out[f"{stem}.{fmt}"] = buffer.getvalue()
    out[f"{stem}.svg"] = _svg_families(out[f"{stem}.svg"])
    return out


def _svg_families(svg: bytes) -> bytes:
    """Name the fonts an SVG viewer should draw the text with (matplotlib names its defaults).

    Every text was drawn with the pip font; only the SVG's ``font-family``
    declarations say otherwise, and they are all replaced.
    """
    import re

    families = ", ".join(f"'{f}'" for f in SVG_FAMILIES) + ", sans-serif"
    return re.sub(rb"font-family: [^;\"]*", b"font-family: " + families.encode(), svg)


def heatmap_report(matrix: Matrix) -> dict:
    """What ``report.json`` says of the heatmap: its font, its colour scale, the labels the font cannot draw.

    >>> heatmap_report(Matrix(["ᠮᠣᠩᠭᠣᠯ", "海关总署"], ["监管"], [[1], [2]], [1, 2]))["missing_glyphs"]
    ['ᠮᠣᠩᠭᠣᠯ']
    """
    return fallback_report(matrix) | {"missing_glyphs": missing_glyphs([*matrix.units, *matrix.themes])}


def fallback_report(matrix: Matrix) -> dict:
    """:func:`heatmap_report` without the labels the font lacks (no font needed: for a heatmap not drawn).

    >>> fallback_report(Matrix(["海关总署"], ["监管"], [[2]], [2]))["units"]
    1
    """
    return {
        "font": f"Noto Sans SC ({FONT_PACKAGE.replace('_', '-')})",
        "colour": "share of the unit's essays, in steps of 10%",
        "units": len(matrix.units),
        "themes": len(matrix.themes),
    }
