"""The single synapse item: paths follow the layout exactly, including after group moves."""

import numpy as np

from neuron_sim.model.generate import layered_network

from .canvas_helpers import drag


def path_points(path):
    return np.array([(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())])


def assert_paths_match_layout(layer):
    control = layer.layout_.control
    assert len(layer._curves) == len(control)
    for path, points in zip(layer._curves, control):
        assert np.allclose(path_points(path), points, atol=1e-6)


def test_moving_a_selection_keeps_every_curve_on_its_layout(qtbot, window):
    window.document.replace(layered_network(30, 80, seed=3))
    window.view.reset_zoom()
    layer = window.scene.synapse_layer
    window.scene.flush()
    assert_paths_match_layout(layer)
    some = list(window.network.neurons)[5:15]
    window.scene.select(some)
    item = window.scene.neuron_items[some[0]]
    window.view.centerOn(item)
    start = (item.x(), item.y())
    drag(qtbot, window, start, (start[0] + 37, start[1] + 21))
    window.scene.flush()
    assert window.network.neuron(some[0]).position == (start[0] + 37, start[1] + 21)
    assert_paths_match_layout(layer)
    window.undo_action.trigger()
    window.scene.flush()
    assert_paths_match_layout(layer)


def test_overview_and_detail_painting_do_not_fail(qtbot, window):
    window.document.replace(layered_network(60, 200, seed=4))
    for zoom in (0.2, 1.0):
        window.view.set_zoom(zoom)
        window.scene.select_all()
        image = window.view.viewport().grab()
        assert not image.isNull()


def test_selection_halos_are_stroked_only_for_the_curves_in_view(qtbot, window, monkeypatch):
    """After Select all at 100 %, the halos of curves outside the window are not stroked."""
    from PySide6.QtGui import QPainter

    window.document.replace(layered_network(100, 500, seed=1))
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.neuron_items[next(iter(window.network.neurons))])
    window.edit.select_all_action.trigger()
    window.scene.flush()
    layer = window.scene.synapse_layer
    assert len(layer.selected) == len(layer.keys) == 500
    halo_width = 10.0
    stroked = []
    original = QPainter.drawPath
    monkeypatch.setattr(QPainter, "drawPath", lambda painter, path: (
        stroked.append(painter.pen().widthF()), original(painter, path)))
    window.view.viewport().grab()
    halos = stroked.count(halo_width)
    assert 0 < halos < len(layer.keys) / 2
