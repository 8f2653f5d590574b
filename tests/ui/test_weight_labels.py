"""A pulse passing a synapse's weight label slides under it: the number stays readable, on the
canvas while playing and in figures; the label is still found by clicks and written as SVG text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from neuron_sim.model import Network, Neuron, Synapse, geometry
from neuron_sim.model.engines.protocol import Pulses
from neuron_sim.ui.canvas.animation import EXCITATORY_PULSE
from neuron_sim.ui.export import Figure, FigureOptions
from neuron_sim.ui.playback import Playback

WEIGHT_TEXT = "0.75"
PULSE_RADIUS = 14.0  # taller than a label's box, so the pulse shows above and below it


def one_synapse() -> Network:
    network = Network(name="one synapse")
    network.add_neuron(Neuron("x1", kind="input", position=(0, 0), value=1.0))
    network.add_neuron(Neuron("y", position=(340, 40), activation="step", threshold=0.5))
    network.connect(Synapse("x1", "y", weight=0.75))
    return network


def rgb(image: QImage) -> np.ndarray:
    """(height, width, 3) red, green, blue of an image."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)


def label_of(layer) -> tuple[float, float, str, float]:
    (label,) = layer.labels()
    assert label[2] == WEIGHT_TEXT
    return label


def put_pulse(pulse_layer, synapse_layer, x: float, y: float) -> None:
    pulse_layer.set_pulses(np.array([[x, y]]), np.array([PULSE_RADIUS]), np.array([1.0]),
                           synapse_layer.boundingRect())


def assert_text_survives(before: np.ndarray, after: np.ndarray, box: tuple[int, int, int, int],
                         pulse_probe: tuple[int, int]) -> None:
    """`before` and `after` differ only by a pulse on the label whose box (pixels) is `box`."""
    left, top, right, bottom = box
    inside_before, inside_after = before[top:bottom, left:right], after[top:bottom, left:right]
    text = inside_before.min(axis=2) < 150  # the digits' strokes (the box is near white)
    assert text.sum() > 20, "no text drawn in the label's box"
    change = np.abs(inside_after - inside_before).max(axis=2)
    assert change[text].max() < 40, "a pulse covers the weight's digits"
    x, y = pulse_probe  # inside the pulse, just above the label's box
    pulse = np.array([EXCITATORY_PULSE.red(), EXCITATORY_PULSE.green(), EXCITATORY_PULSE.blue()])
    assert np.abs(after[y, x] - pulse).max() < 40, "the pulse is not drawn there"


def test_a_pulse_passes_under_the_weight_label_on_the_canvas(qtbot, window):
    window.document.replace(one_synapse())
    scene, view = window.scene, window.view
    view.reset_zoom()
    scene.flush()
    x, y, _text, half_width = label_of(scene.synapse_layer)
    view.centerOn(x, y)
    pulse_layer = window.playback_controls.animator.pulse_layer
    put_pulse(pulse_layer, scene.synapse_layer, 0.0, -500.0)  # away from the label: a frame as it is played
    QApplication.processEvents()
    before = rgb(view.viewport().grab().toImage())
    put_pulse(pulse_layer, scene.synapse_layer, x, y)
    QApplication.processEvents()
    after = rgb(view.viewport().grab().toImage())
    corner = view.mapFromScene(QPointF(x - half_width, y - 8))
    far = view.mapFromScene(QPointF(x + half_width, y + 8))
    centre = view.mapFromScene(QPointF(x, y - PULSE_RADIUS + 3))
    assert_text_survives(before, after, (corner.x() + 2, corner.y(), far.x() - 2, far.y()),
                         (centre.x(), centre.y()))


def test_a_pulse_passes_under_the_weight_label_in_a_figure(qapp):
    network = one_synapse()
    playback = Playback(network)
    figure = Figure(network, FigureOptions(), playback)  # lit by the playback: it has a pulse layer
    x, y, _text, half_width = label_of(figure.scene.synapse_layer)
    scale = 2.0

    def to_pixel(px: float, py: float) -> tuple[int, int]:
        return int((px - figure.bounds.left()) * scale), int((py - figure.bounds.top()) * scale)

    put_pulse(figure.animator.pulse_layer, figure.scene.synapse_layer, 0.0, -500.0)
    before = rgb(figure.image(scale))
    put_pulse(figure.animator.pulse_layer, figure.scene.synapse_layer, x, y)
    after = rgb(figure.image(scale))
    left, top = to_pixel(x - half_width + 1, y - 8)
    right, bottom = to_pixel(x + half_width - 1, y + 8)
    assert_text_survives(before, after, (left, top, right, bottom), to_pixel(x, y - PULSE_RADIUS + 3))


def test_the_weight_label_stays_svg_text_and_is_found_by_clicks(qtbot, window):
    network = one_synapse()
    playback = Playback(network)
    figure = Figure(network, FigureOptions(), playback)
    x, y, _text, _half = label_of(figure.scene.synapse_layer)
    put_pulse(figure.animator.pulse_layer, figure.scene.synapse_layer, x, y)
    root = ET.fromstring(figure.svg_bytes())
    texts = ["".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert WEIGHT_TEXT in texts
    window.document.replace(one_synapse())
    window.scene.flush()
    x, y, _text, half_width = label_of(window.scene.synapse_layer)
    assert window.scene.synapse_at(QPointF(x + half_width - 2, y)) == ("x1", "y")


@pytest.mark.parametrize("zoom, shown", [(1.0, True), (0.3, False)])
def test_weight_labels_follow_the_zoom(qtbot, window, zoom, shown):
    """The label item draws text where the synapse layer used to: only from 45 % zoom up."""
    window.document.replace(one_synapse())
    scene, view = window.scene, window.view
    view.set_zoom(zoom)
    scene.flush()
    x, y, _text, half_width = label_of(scene.synapse_layer)
    view.centerOn(x, y)
    QApplication.processEvents()

    def text_pixels() -> int:
        image = rgb(view.viewport().grab().toImage())
        corner = view.mapFromScene(QPointF(x - half_width + 2, y - 6))
        far = view.mapFromScene(QPointF(x + half_width - 2, y + 6))
        box = image[corner.y():far.y() + 1, corner.x():far.x() + 1]
        return int((box.min(axis=2) < 150).sum())

    assert (text_pixels() > 20) is shown  # (figures without weights: test_export_figure.py)
    assert scene.synapse_layer.label_layer.boundingRect() == scene.synapse_layer.boundingRect()


def test_the_label_layer_lies_between_the_pulses_and_the_cells(qtbot, window):
    scene = window.scene
    pulse_layer = window.playback_controls.animator.pulse_layer
    label_layer = scene.synapse_layer.label_layer
    cell = next(iter(scene.neuron_items.values()), None)
    assert label_layer.scene() is scene
    assert scene.synapse_layer.zValue() < pulse_layer.zValue() < label_layer.zValue()
    if cell is not None:
        assert label_layer.zValue() < cell.zValue()
    assert QRectF(label_layer.boundingRect()) == scene.synapse_layer.boundingRect()


def progress_at(layer, x: float, y: float) -> float:
    """How far along the synapse's curve the point nearest (x, y) lies."""
    ts = np.linspace(0, 1, 2001)
    points = geometry.point_on_curves(np.repeat(layer.layout_.control, ts.size, axis=0), ts)
    return float(ts[np.argmin(np.hypot(points[:, 0] - x, points[:, 1] - y))])


@pytest.mark.parametrize("where, lit", [("label", True), ("start", False)])
def test_a_pulse_under_the_weight_label_lights_a_halo_around_it(qapp, monkeypatch, where, lit):
    """The pulse does not just vanish under the number: the label's box glows in the pulse's colour."""
    network = one_synapse()
    playback = Playback(network)
    figure = Figure(network, FigureOptions(), playback)
    layer = figure.scene.synapse_layer
    x, y, _text, half_width = label_of(layer)
    progress = progress_at(layer, x, y) if where == "label" else 0.05
    monkeypatch.setattr(playback, "pulse_state", lambda: Pulses(np.array([0]), np.array([progress]), np.array([0.75]),
                                                                [("x1", "y")]))
    figure.animator.show_state()
    scale = 2.0
    image = rgb(figure.image(scale))
    left, top, right, bottom = layer.label_boxes()[0]
    ring = [(left - 1.5, y), (right + 1.5, y), (x, top - 1.5), (x, bottom + 1.5)]  # just outside the box
    pulse = np.array([EXCITATORY_PULSE.red(), EXCITATORY_PULSE.green(), EXCITATORY_PULSE.blue()])
    colours = [image[int((py - figure.bounds.top()) * scale), int((px - figure.bounds.left()) * scale)]
               for px, py in ring]
    glowing = [bool(np.abs(c - pulse).max() < 40) for c in colours]
    assert glowing == [lit] * 4
    assert len(figure.animator.pulse_layer.halos) == int(lit)
