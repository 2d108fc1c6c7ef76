"""A static picture for papers and slides: the unit × theme heatmap (PNG and SVG).

Rows are top-level units, columns themes, cells the number of essays (from
:func:`xianjice.graph.analysis.themes.unit_theme_matrix`).  Chinese labels are drawn with
Noto Sans CJK (Debian's ``fonts-noto-cjk``); without it the function raises
rather than drawing tofu boxes.  Both files are byte-identical across runs:
no dates, no software version, a fixed SVG hash salt, glyphs as paths.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from xianjice.errors import FontMissingError, XianjiceError

if TYPE_CHECKING:  # the background painter imports this module first thing: keep it light
    import networkx as nx

#: Font families tried, in order, for the Chinese labels.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Noto Serif CJK SC")
#: Directory of Debian's fonts-noto-cjk, searched when matplotlib's font list does not know it yet.
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")


@functools.cache
def cjk_font() -> str:
    """Return the path of a font file that draws Chinese (Noto Sans CJK).

    Raises
    ------
    FontMissingError
        When none is installed (``apt-get install fonts-noto-cjk``, or run
        ``python tests/prepare.py``).
    """
    from matplotlib import font_manager

    for family in CJK_FAMILIES:
        try:
            return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        except ValueError:
            continue
    for name in ("NotoSansCJK-Regular.ttc", "NotoSerifCJK-Regular.ttc"):
        if (NOTO_DIR / name).is_file():
            return str(NOTO_DIR / name)
    raise FontMissingError("no Chinese font for the heatmap: install Debian's fonts-noto-cjk "
                           "(python tests/prepare.py does it)")


def heatmap_matrix(G: nx.MultiDiGraph) -> tuple[list[str], list[str], list[list[int]]]:
    """Return (units, themes, counts): units by essays descending then label, themes by total.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org/r", label="总署"); G.add_node("org/r/a", label="甲关"); G.add_node("org/r/b", label="乙关")
    >>> for o in ("org/r/a", "org/r/b"): _ = G.add_edge(o, "org/r", key="sub_organisation_of")
    >>> G.add_node("concept/x", kind="concept", label="x", theme="监管")
    >>> for e, unit in [("e1", "org/r/a"), ("e2", "org/r/b"), ("e3", "org/r/b")]:
    ...     G.add_node(e, kind="essay"); _ = G.add_edge(e, unit, key="unit"); _ = G.add_edge(e, "concept/x", key="about")
    >>> heatmap_matrix(G)
    (['乙关', '甲关'], ['监管'], [[2], [1]])
    """
    from xianjice.graph.analysis.themes import unit_theme_matrix

    return heatmap_table(unit_theme_matrix(G, level="top"))


def records_heatmap_matrix(compilations) -> Matrix:
    """:func:`heatmap_matrix` computed from the records, before any graph exists (the same result, tested)."""
    from xianjice.graph.analysis.toplevel import theme_matrix, top_unit_theme_rows

    return heatmap_table(theme_matrix(top_unit_theme_rows(compilations), level="top"))


def heatmap_table(m: dict) -> Matrix:
    """(units, themes, counts) of a top-level unit × theme matrix: units by essays descending then label."""
    rows = sorted(m["rows"], key=lambda r: (-r["essays"], r["unit"]))
    return [r["unit"] for r in rows], list(m["themes"]), [[r["themes"][t] for t in m["themes"]] for r in rows]


Matrix = tuple[list[str], list[str], list[list[int]]]


def heatmap_figure(matrix: Matrix, *, title: str = "单位 × 主题：征文篇数  Units × themes: essays"):
    """Return a matplotlib ``Figure`` of a :func:`heatmap_matrix` (no pyplot state is touched)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    units, themes, counts = matrix
    font = FontProperties(fname=cjk_font())
    width = max(6.0, 2.2 + 0.55 * len(themes))
    height = max(3.0, 1.6 + 0.28 * len(units))
    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if not units or not themes:
        ax.text(0.5, 0.5, "没有数据 no data", ha="center", va="center", fontproperties=font)
        ax.set_axis_off()
        return fig
    top = max(max(row) for row in counts) or 1
    image = ax.imshow(counts, cmap="Blues", vmin=0, vmax=top, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(themes)), themes, rotation=45, ha="right", fontproperties=font, fontsize=9)
    ax.set_yticks(range(len(units)), units, fontproperties=font, fontsize=8)
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                        color="white" if value > top * 0.6 else "#222222")
    ax.set_title(title, fontproperties=font, fontsize=11)
    from matplotlib.ticker import MaxNLocator

    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, ticks=MaxNLocator(integer=True))
    bar.set_label("征文 essays", fontproperties=font)
    fig.tight_layout()
    return fig


def write_heatmap(G: nx.MultiDiGraph, out_dir: str | Path, *, stem: str = "units-themes") -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg`` of the unit × theme heatmap into ``out_dir``; return their paths.

    Raises
    ------
    FontMissingError
        When no Chinese font is installed.
    """
    return draw_heatmap(heatmap_matrix(G), out_dir, stem=stem)


def warm_up() -> None:
    """Load matplotlib and the Chinese font ahead of time (in a background process)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
    from matplotlib.font_manager import get_font

    get_font(cjk_font())


def draw_heatmap(matrix: Matrix, out_dir: str | Path, *, stem: str = "units-themes") -> list[Path]:
    """Write the PNG and SVG of a :func:`heatmap_matrix`; see :func:`write_heatmap`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in heatmap_files(matrix, stem=stem).items():
        (out_dir / name).write_bytes(data)
        paths.append(out_dir / name)
    return paths


def heatmap_files(matrix: Matrix, *, stem: str = "units-themes") -> dict[str, bytes]:
    """The PNG and SVG of a :func:`heatmap_matrix`, by file name (no metadata: byte-identical across runs)."""
    import io

    import matplotlib

    out = {}
    with matplotlib.rc_context({"svg.hashsalt": "xianjice", "svg.fonttype": "path", "axes.unicode_minus": False}):
        fig = heatmap_figure(matrix)
        for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=metadata)
            out[f"{stem}.{fmt}"] = buffer.getvalue()
    return out
