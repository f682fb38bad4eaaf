"""Reading the pictures Patron draws, without a new dependency: a PNG's size from its
IHDR header, and the names, title and node colours matplotlib writes into an SVG."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

__all__ = ["PNG_MAGIC", "png_colours", "png_size", "svg_node_fills", "svg_texts"]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_SVG = "{http://www.w3.org/2000/svg}"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, which the PNG format puts first.

    >>> png_size(PNG_MAGIC + struct.pack(">I4sII", 13, b"IHDR", 640, 480) + bytes(9))
    (640, 480)
    """
    assert data[:8] == PNG_MAGIC, "not a PNG"
    _, kind, width, height = struct.unpack(">I4sII", data[8:24])
    assert kind == b"IHDR", "a PNG starts with its IHDR chunk"
    return width, height


def png_colours(path: Path) -> set[str]:
    """Every opaque colour in the picture as ``#rrggbb`` (matplotlib reads the PNG)."""
    import matplotlib.image

    pixels = matplotlib.image.imread(path)
    rgb = (pixels[..., :3] * 255).round().astype(int).reshape(-1, 3)
    return {f"#{r:02x}{g:02x}{b:02x}" for r, g, b in {tuple(p) for p in rgb.tolist()}}


def _tree(path: Path) -> ET.Element:
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    return ET.fromstring(path.read_text(encoding="utf-8"), parser=parser)


def svg_texts(path: Path) -> list[str]:
    """The texts of an SVG drawn by matplotlib, in order: it draws each as glyph
    paths after a comment that holds the text."""
    root = _tree(path)
    assert root.tag == f"{_SVG}svg"
    comment: object = ET.Comment  # a comment's tag is this function, not a string
    return [str(e.text).strip() for e in root.iter() if e.tag is comment]


def svg_node_fills(path: Path) -> Counter[str]:
    """How many nodes (markers of the first scatter collection) have each fill colour."""
    root = _tree(path)
    nodes = next(g for g in root.iter(f"{_SVG}g") if g.get("id") == "PathCollection_1")
    fills: Counter[str] = Counter()
    for mark in nodes:
        style = dict(part.split(": ") for part in (mark.get("style") or "").split("; "))
        fills[style["fill"]] += 1
    return fills
