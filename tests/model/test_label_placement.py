"""Weight labels along their synapses (model/label_placement.py), without Qt.

The oracles are measured here, independently of the placement: rectangles overlap when their
intervals do, a label sits on its curve when its centre is within half a pixel of 200 samples of
it, and a label "sits on another synapse's line" when a point of that line lies inside its box."""

from __future__ import annotations

import numpy as np
import pytest

from neuron_sim.model import geometry as g
from neuron_sim.model.fileformat import load
from neuron_sim.model.label_placement import GAP, place_labels
from neuron_sim.resources_path import examples_dir

from .test_geometry import fan_network, rects_overlap, straight


def label_rects(centres, sizes):
    return np.column_stack([centres - sizes / 2, centres + sizes / 2])


def example_geometry(name: str, look: str):
    """A shipped example's curves, label sizes like the canvas's (7.5 px a character, 17 px high) and
    its cells (the body and the name and threshold written under it)."""
    network = load(examples_dir() / f"{name}.json")
    ids = list(network.neurons)
    positions = np.array([network.neurons[i].position for i in ids], dtype=float)
    sensors = np.array([network.neurons[i].kind != "neuron" for i in ids])
    synapses = list(network.synapses.values())
    source = np.array([ids.index(s.source) for s in synapses])
    target = np.array([ids.index(s.target) for s in synapses])
    layout = g.layout(positions, source, target, sensors, look)
    sizes = np.array([(7.5 * len(f"{s.weight:g}") + 8, 17.0) for s in synapses])
    bodies = np.concatenate([positions - 24, positions + 24], axis=1)
    names = np.concatenate([positions + (-30, 26), positions + (30, 60)], axis=1)
    return layout.control, sizes, np.vstack([bodies, names])


@pytest.mark.parametrize("look", g.LOOKS)
@pytest.mark.parametrize("name", ["dense-layer", "multi-layer", "xor", "logistic-unit", "single-neuron"])
def test_labels_of_the_layer_examples_neither_overlap_nor_sit_on_a_crossing(name, look):
    control, sizes, cells = example_geometry(name, look)
    centres = place_labels(control, sizes, cells)
    rects = label_rects(centres, sizes)
    lines = g.bezier_points(control, 60)
    for i, rect in enumerate(rects):
        assert g.distances_to_curves(tuple(centres[i]), control[i:i + 1], samples=200)[0] < 0.5  # on its own curve
        for j in range(i + 1, len(rects)):
            kept_apart = rects[j] + (-GAP, -GAP, GAP, GAP)
            assert not rects_overlap(rect, kept_apart), (i, j)
        for cell in cells:
            assert not rects_overlap(rect, cell), (i, cell)
        others = np.delete(lines, i, axis=0).reshape(-1, 2)
        inside = ((others[:, 0] > rect[0]) & (others[:, 0] < rect[2])
                  & (others[:, 1] > rect[1]) & (others[:, 1] < rect[3]))
        assert not inside.any(), f"the label of synapse {i} sits on another synapse's line"


@pytest.mark.parametrize("look", g.LOOKS)
def test_labels_of_a_fan_of_six_synapses_do_not_overlap(look):
    positions, source, target, is_sensor = fan_network()
    lay = g.layout(positions, source, target, is_sensor, look)
    sizes = np.tile([40.0, 16.0], (6, 1))
    cells = np.array([[x - 22, y - 22, x + 22, y + 22] for x, y in positions])
    centres = place_labels(lay.control, sizes, cells)
    assert centres.shape == (6, 2)
    rects = label_rects(centres, sizes)
    for i in range(6):
        for j in range(i + 1, 6):
            assert not rects_overlap(rects[i], rects[j]), (i, j, rects[i], rects[j])
        for cell in cells:
            assert not rects_overlap(rects[i], cell)
        assert g.distances_to_curves(tuple(centres[i]), lay.control[i:i + 1], samples=200)[0] < 0.5


def test_a_label_sits_mid_curve_and_avoids_an_obstacle_when_a_free_place_exists():
    control = straight((0.0, 0.0), (200.0, 0.0))[None]
    sizes = np.array([[20.0, 10.0]])
    assert place_labels(control, sizes, np.zeros((0, 4)))[0] == pytest.approx([100.0, 0.0])
    block = np.array([[80.0, -10.0, 120.0, 10.0]])  # covers the middle of the line
    centre = place_labels(control, sizes, block)[0]
    assert not rects_overlap(label_rects(centre[None], sizes)[0], block[0])
    assert centre[1] == pytest.approx(0.0)  # still on the line
    assert abs(centre[0] - 100.0) < 50  # and near the middle
    # Everything blocked: the label stays on its curve, in the middle.
    wall = np.array([[-50.0, -50.0, 250.0, 50.0]])
    assert place_labels(control, sizes, wall)[0] == pytest.approx([100.0, 0.0])
    assert place_labels(np.zeros((0, 4, 2)), np.zeros((0, 2)), block).shape == (0, 2)


def test_a_label_leaves_a_crossing_for_a_free_stretch_of_its_line():
    """Two lines crossing in the middle: neither label sits where the other line passes."""
    control = np.stack([straight((0.0, 0.0), (200.0, 100.0)), straight((0.0, 100.0), (200.0, 0.0))])
    sizes = np.tile([30.0, 14.0], (2, 1))
    centres = place_labels(control, sizes, np.zeros((0, 4)))
    rects = label_rects(centres, sizes)
    assert not rects_overlap(rects[0], rects[1])
    for i in range(2):
        other = g.bezier_points(control[1 - i:2 - i], 100)[0]
        inside = (other[:, 0] > rects[i][0]) & (other[:, 0] < rects[i][2]) & (other[:, 1] > rects[i][1]) & (other[:, 1] < rects[i][3])
        assert not inside.any()


def test_placing_is_deterministic_and_follows_the_geometry_only():
    control, sizes, cells = example_geometry("multi-layer", "schematic")
    first = place_labels(control, sizes, cells)
    assert np.array_equal(first, place_labels(control.copy(), sizes.copy(), cells.copy()))
