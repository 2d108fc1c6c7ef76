"""What a heatmap shows, read back from its files: compare pictures by content, not by bytes.

Bytes differ between matplotlib or FreeType versions (anti-aliasing, path
rounding); what the picture says does not: its texts (title, labels, counts,
colour-bar ticks), the colour of each cell and of each colour-bar step, and
the PNG's size in pixels.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def svg_content(data: bytes) -> dict:
    """Texts in drawing order and the fill colours of each mesh (cells, then the colour bar's steps)."""
    root = ET.fromstring(data)
    meshes = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("id", "").startswith("QuadMesh"):
            meshes[g.get("id")] = [_fill(p.get("style", "")) for p in g.iter(f"{SVG}path")]
    return {
        "texts": ["".join(t.itertext()) for t in root.iter(f"{SVG}text")],
        "meshes": [meshes[k] for k in sorted(meshes)],
        "images": sum(1 for _ in root.iter(f"{SVG}image")),
    }


def _fill(style: str) -> str | None:
    match = re.search(r"fill:\s*(#[0-9a-fA-F]{6}|none)", style)
    return match.group(1) if match else None


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])
