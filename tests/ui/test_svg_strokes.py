"""A plot SVG's non-scaling strokes are moved into the page's units (svg_strokes.py): the points
multiplied by their group's matrix (expected values worked out by hand below), the attribute gone,
everything else left as Qt wrote it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from neuron_sim.ui.panels.plots.svg_strokes import flatten_non_scaling_strokes

NS = {"svg": "http://www.w3.org/2000/svg"}

# x' = 2x + 10, y' = -3y + 20 (a trace's shape: x grows right, y grows up)
SOURCE = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="100" height="60" viewBox="0 0 100 60" xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink" version="1.2" baseProfile="tiny">
<g fill="none" stroke="#0072b2" stroke-width="2" transform="matrix(2,0,0,-3,10,20)">
<polyline fill="none" vector-effect="non-scaling-stroke" points="0,1 1,1 2.5,-1e-1 " />
<path vector-effect="non-scaling-stroke" fill-rule="evenodd" d="M0,0 L1,2 C1,2 3,4 5,6 Z "/>
<rect vector-effect="non-scaling-stroke" x="1" y="1" width="2" height="3" />
<text x="1" y="1">kept with its group</text>
<polyline fill="none" points="0,0 1,1 " />
</g>
<g stroke="#000000" transform="matrix(1,0,0,1,5,5)">
<text x="0" y="0">no stroke to move</text>
</g>
</svg>
"""


def _groups(svg: bytes) -> list[ET.Element]:
    return ET.fromstring(svg).findall("svg:g", NS)


def test_the_points_are_moved_by_their_groups_matrix_into_a_group_without_one():
    flat = flatten_non_scaling_strokes(SOURCE)
    assert b"vector-effect" not in flat
    kept, moved, untouched = _groups(flat)
    # what cannot move stays, under its transform: the text and the scaling stroke
    assert kept.get("transform") == "matrix(2,0,0,-3,10,20)"
    assert [child.tag.split("}")[1] for child in kept] == ["text", "polyline"]
    assert moved.get("transform") is None
    assert {name: moved.get(name) for name in ("fill", "stroke", "stroke-width")} == \
        {"fill": "none", "stroke": "#0072b2", "stroke-width": "2"}
    polyline, path, rectangle = list(moved)
    assert polyline.get("points").split() == ["10,17", "12,17", "15,20.3"]
    assert path.get("d").split() == ["M10,20", "L12,14", "C12,14", "16,8", "20,2", "Z"]
    assert rectangle.tag.endswith("polygon") and rectangle.get("points").split() == \
        ["12,17", "16,17", "16,8", "12,8"]
    assert untouched.get("transform") == "matrix(1,0,0,1,5,5)" and untouched.find("svg:text", NS) is not None


def test_what_qt_would_not_write_is_left_alone():
    relative = SOURCE.replace(b'd="M0,0 L1,2 C1,2 3,4 5,6 Z "', b'd="m0,0 l1,2"')
    flat = flatten_non_scaling_strokes(relative)
    kept = _groups(flat)[0]
    path = kept.find("svg:path", NS)
    assert path is not None and path.get("d") == "m0,0 l1,2" and path.get("vector-effect") == "non-scaling-stroke"
    no_matrix = SOURCE.replace(b'transform="matrix(2,0,0,-3,10,20)"', b'transform="rotate(30)"')
    assert flatten_non_scaling_strokes(no_matrix).count(b"vector-effect") == 3
