"""Synapse paths made only for what is drawn: the same pictures, hits and selection as paths made
for every synapse, and far out the curves of a colour stroked as one path made from the arrays."""

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen

from neuron_sim.model.generate import layered_network
from neuron_sim.ui.canvas.path_arrays import cubic_curves_path
from neuron_sim.ui.styles import PALETTE

from .canvas_helpers import click, synapse_midpoint


def elements(path: QPainterPath) -> list[tuple]:
    return [(path.elementAt(i).type, path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def test_curves_made_from_arrays_are_the_curves_made_one_call_at_a_time(qapp):
    control = np.random.default_rng(3).uniform(-500, 500, (7, 4, 2))
    one_by_one = QPainterPath()
    for p0, p1, p2, p3 in control.tolist():
        one_by_one.moveTo(*p0)
        one_by_one.cubicTo(*p1, *p2, *p3)
    made = cubic_curves_path(control)
    assert elements(made) == elements(one_by_one)
    assert made.boundingRect() == one_by_one.boundingRect() and made.fillRule() == one_by_one.fillRule()
    assert cubic_curves_path(np.zeros((0, 4, 2))).isEmpty()


def picture(window) -> QImage:
    window.scene.flush()
    return window.view.viewport().grab().toImage()


def test_at_100_percent_only_the_synapses_in_view_get_paths_and_the_picture_is_the_same(qtbot, window):
    window.document.replace(layered_network(150, 1500, seed=2))
    window.view.reset_zoom()
    first = window.scene.neuron_items[next(iter(window.network.neurons))]
    window.view.centerOn(first)
    layer = window.scene.synapse_layer
    shown = picture(window)
    made = [path for path in layer._paths._curves if path is not None]
    assert 0 < len(made) < len(layer.keys) / 2
    for i in range(len(layer.keys)):  # every path made: what is drawn does not change
        layer.curve_path(i)
    layer._paths.endings(np.arange(len(layer.keys)))
    layer._paths.dendrites(np.arange(len(layer.keys)))
    layer.update()
    assert picture(window) == shown


def test_far_out_the_synapses_are_every_curve_in_its_colour_and_the_selected_ones_in_blue(qtbot, window):
    window.document.replace(layered_network(40, 300, seed=5))
    layer = window.scene.synapse_layer
    window.scene.flush()
    chosen = layer.keys[::3]
    layer.selected = set(chosen)
    window.view.set_zoom(0.2)
    window.scene.flush()
    # what the layer draws, against the same curves stroked one by one with the same hairlines
    transform = window.view.transform()
    center = window.scene.network_rect().center()

    def draw(by_hand: bool) -> QImage:
        image = QImage(600, 400, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.translate(300, 200)
        painter.setTransform(transform, True)
        painter.translate(-center)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if by_hand:
            selected = [layer.row_of()[key] for key in layer.selected]
            for pen_id, pen in enumerate(layer._pens):
                painter.setPen(QPen(pen.color(), 0))
                for i in np.flatnonzero(layer._pen_index == pen_id).tolist():
                    if i not in selected:
                        painter.drawPath(layer.curve_path(i))
            painter.setPen(QPen(PALETTE.selection, 0))
            for i in selected:
                painter.drawPath(layer.curve_path(i))
        else:
            layer._paint_overview(painter, np.arange(len(layer.keys)))
        painter.end()
        return image

    drawn = draw(by_hand=False)
    # (equal up to rounding: where two strokes of a colour overlap, one path blends them in another order)
    assert pixel_difference(drawn, draw(by_hand=True)) <= 2
    layer.selected = set()
    unselected = draw(by_hand=False)
    assert pixel_difference(unselected, draw(by_hand=True)) <= 2
    assert pixel_difference(unselected, drawn) > 100  # the selection shows


def pixel_difference(a: QImage, b: QImage) -> int:
    """The largest difference of a colour channel between two pictures of the same size."""
    def channels(image):
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)
    return int(np.abs(channels(a) - channels(b)).max())


def test_a_synapse_is_clicked_and_selected_whether_or_not_its_path_was_made(qtbot, window):
    window.document.replace(layered_network(20, 60, seed=4))
    window.view.reset_zoom()
    layer = window.scene.synapse_layer
    window.scene.flush()
    key = layer.keys[17]
    x, y = synapse_midpoint(window, key)
    window.view.centerOn(QPointF(x, y))
    assert window.scene.synapse_layer.synapse_at(QPointF(x, y)) == key
    click(qtbot, window, x, y)
    assert window.scene.selected_synapse_keys() == [key] and layer.selected == {key}
    assert np.allclose([[e[1], e[2]] for e in elements(layer.curve_path(17))], layer.curve_of(key))


def test_hovering_a_neuron_gives_qt_its_tooltip_and_an_edit_while_hovered_renews_it(qtbot, window):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent

    window.document.replace(layered_network(3, 2, seed=1))
    item = next(iter(window.scene.neuron_items.values()))
    neuron_id = item.neuron_id
    assert QGraphicsItem.toolTip(item) == ""  # (made when hovered, not for every item)
    window.scene.sendEvent(item, QGraphicsSceneHoverEvent(QEvent.Type.GraphicsSceneHoverEnter))
    assert item.hovered
    assert QGraphicsItem.toolTip(item) == item.toolTip() and item.neuron.label in item.toolTip()
    window.network.set_neuron_param(neuron_id, "label", "renamed")
    assert "renamed" in QGraphicsItem.toolTip(item)


def test_the_synapse_under_a_point_is_the_nearest_curve_of_all_within_the_tolerance(qtbot, window):
    """synapse_at measures only the curves whose boxes hold the point: the same answer as measuring
    every curve (labels off, so that only curves count)."""
    from neuron_sim.model import geometry

    window.document.replace(layered_network(30, 200, seed=6))
    window.scene.set_show_weights(False)
    layer = window.scene.synapse_layer
    window.scene.flush()
    control = layer.layout_.control
    rng = np.random.default_rng(8)
    # points on curves, near them and anywhere
    on = geometry.point_on_curves(control[rng.integers(0, len(control), 150)], rng.random(150))
    points = np.vstack([on, on + rng.normal(0, 5, on.shape), rng.uniform(control.min((0, 1)), control.max((0, 1)), (150, 2))])
    found = 0
    for tolerance in (6.0, 40.0):
        for x, y in points.tolist():
            expected = geometry.nearest_curve((x, y), control, tolerance)
            key = layer.synapse_at(QPointF(x, y), tolerance)
            assert key == (None if expected is None else layer.keys[expected])
            found += key is not None
    assert found > 300
