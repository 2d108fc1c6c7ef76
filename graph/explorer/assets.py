"""The files inlined into the HTML explorer: vis-network (shipped inside pyvis),
the page's own script and style, and its Jinja template (the template pyvis's
``Network.generate_html`` renders in place of its own, see :mod:`graph.html`).

Everything is read lazily and cached, so importing :mod:`graph.html` costs
nothing; the page embeds every byte it needs and loads nothing from the
network.
"""

from __future__ import annotations

import functools
from pathlib import Path

#: vis-network version bundled with pyvis 0.3.2 (pyvis/templates/lib/vis-<version>).
VIS_VERSION = "9.1.2"

DATA_DIR = Path(__file__).parent / "data"
TEMPLATE = "explorer.html"


def vis_dir() -> Path:
    """Return the folder of the vis-network files shipped inside the pyvis package.

    >>> (vis_dir() / "vis-network.min.js").is_file()
    True
    """
    import pyvis

    return Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"


@functools.cache
def asset(name: str) -> str:
    """Return the text of one inlined asset: ``vis.js``, ``vis.css``, ``app.js`` or ``app.css``.

    Raises ``KeyError`` for an unknown name; the text is checked not to close
    its ``<script>``/``<style>`` element early.

    >>> "vis" in asset("vis.js")[:2000].lower()
    True
    """
    paths = {
        "vis.js": vis_dir() / "vis-network.min.js",
        "vis.css": vis_dir() / "vis-network.css",
        "app.js": DATA_DIR / "explorer.js",
        "app.css": DATA_DIR / "explorer.css",
    }
    text = paths[name].read_text(encoding="utf-8")
    for tag in ("</script", "</style"):
        if tag in text.lower():
            raise ValueError(f"{paths[name]} contains {tag}> and cannot be inlined")
    return text


@functools.cache
def template_env():
    """Return the Jinja environment of the page template (autoescaping on, compact UTF-8 JSON).

    ``tojson`` (which writes pyvis's nodes and edges) keeps Chinese as UTF-8,
    sorts keys, and escapes ``<``, ``>``, ``&`` and ``'`` as ``\\u00XX``, so no
    input text can close the ``<script>`` it sits in.
    """
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(DATA_DIR)), autoescape=True, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env
