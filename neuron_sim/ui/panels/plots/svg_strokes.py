"""Plot SVGs that every program draws alike: a curve's points moved out of its data-unit group.

pyqtgraph draws a curve in data units (ticks, activation) under its view's scale, with a cosmetic
pen (a width in screen pixels). Qt's SVG generator writes that as it is: a group whose transform is
the scale (×20 and ×−220 in a trace), the curve's points in data units, and
`vector-effect="non-scaling-stroke"` so that the width is not scaled. Browsers, Inkscape and Qt honour
the attribute; a renderer that does not (cairo-based converters, and any slide program that ignores
it) scales the line with the group and draws it hundreds of pixels thick. Here each such shape's
points are multiplied by its group's matrix and the shape moves to a group of its own with the same
paint and no transform: its width is then in pixels for every renderer, and the attribute is dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_GROUP = f"{{{SVG_NS}}}g"
_RECT, _POLYGON = f"{{{SVG_NS}}}rect", f"{{{SVG_NS}}}polygon"
_COORDINATES = {f"{{{SVG_NS}}}path": "d", f"{{{SVG_NS}}}polyline": "points", f"{{{SVG_NS}}}polygon": "points"}
_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PAIR = re.compile(rf"({_NUMBER}),({_NUMBER})")
# What Qt writes: absolute moves, lines and curves of x,y pairs, and closes (nothing relative).
_QT_COORDINATES = re.compile(rf"(?:\s*(?:[MLCZ]|{_NUMBER},{_NUMBER}))*\s*")
_MATRIX = re.compile(rf"\s*matrix\(\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,"
                     rf"\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\)\s*")
NON_SCALING = "non-scaling-stroke"


def flatten_non_scaling_strokes(svg: bytes) -> bytes:
    """`svg` (as QSvgGenerator writes it) with every non-scaling stroke drawn in the page's units."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for parent in list(root.iter()):
        for group in [child for child in parent if child.tag == _GROUP]:
            _flatten_group(parent, group)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _flatten_group(parent: ET.Element, group: ET.Element) -> None:
    matched = _MATRIX.fullmatch(group.get("transform", ""))
    if matched is None:
        return
    a, b, c, d, e, f = (float(value) for value in matched.groups())
    for rect in [child for child in group if child.tag == _RECT and child.get("vector-effect") == NON_SCALING]:
        _as_polygon(rect)
    shapes = [child for child in group if child.get("vector-effect") == NON_SCALING
              and child.tag in _COORDINATES and _QT_COORDINATES.fullmatch(child.get(_COORDINATES[child.tag], ""))]
    if not shapes:
        return
    flat = ET.Element(_GROUP, {name: value for name, value in group.attrib.items() if name != "transform"})
    flat.text, flat.tail = "\n", group.tail

    def moved(pair: re.Match) -> str:
        x, y = float(pair.group(1)), float(pair.group(2))
        return f"{_number(a * x + c * y + e)},{_number(b * x + d * y + f)}"

    for shape in shapes:
        attribute = _COORDINATES[shape.tag]
        shape.set(attribute, _PAIR.sub(moved, shape.get(attribute, "")))
        del shape.attrib["vector-effect"]
        group.remove(shape)
        flat.append(shape)
    parent.insert(list(parent).index(group) + 1, flat)
    if len(group) == 0:
        parent.remove(group)


def _as_polygon(rect: ET.Element) -> None:
    """A plain rectangle (as Qt writes one: no rounded corners) as the polygon of its corners, which
    a matrix with a scale or a turn maps exactly."""
    try:
        x, y, width, height = (float(rect.get(name, "0")) for name in ("x", "y", "width", "height"))
    except ValueError:
        return
    if rect.get("rx") or rect.get("ry"):
        return
    for name in ("x", "y", "width", "height"):
        rect.attrib.pop(name, None)
    rect.tag = _POLYGON
    corners = ((x, y), (x + width, y), (x + width, y + height), (x, y + height))
    rect.set("points", " ".join(f"{_number(cx)},{_number(cy)}" for cx, cy in corners))


def _number(value: float) -> str:
    """Thousandths of a pixel, without trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
