"""The single synapse item: paths follow the layout exactly, including after group moves."""

import numpy as np
import pytest

from neuron_sim.model.generate import layered_network

from .canvas_helpers import drag


def path_points(path):
    return np.array([(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())])


def assert_paths_match_layout(layer):
    control = layer.layout_.control
    assert len(layer.keys) == len(control)
    for i, points in enumerate(control):
        assert np.allclose(path_points(layer.curve_path(i)), points, atol=1e-6)


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


def _rects_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("look", ["biological", "schematic"])
@pytest.mark.parametrize("example", ["dense-layer", "multi-layer"])
def test_weight_labels_of_the_layer_examples_keep_clear_on_the_canvas_and_in_a_figure(qapp, window, example, look):
    """As drawn, with the real font: no two weight labels overlap, none covers a cell's body or
    its name, and none sits where another synapse's line passes."""
    from neuron_sim.model import geometry
    from neuron_sim.model.fileformat import load
    from neuron_sim.resources_path import examples_dir
    from neuron_sim.ui.export import Figure, FigureOptions

    network = load(examples_dir() / f"{example}.json")
    window.document.replace(network)
    window.scene.set_look(look)
    figure = Figure(network, FigureOptions(look=look))
    for scene in (window.scene, figure.scene):
        scene.flush()
        layer = scene.synapse_layer
        boxes = layer.label_boxes()
        assert len(boxes) == len(network.synapses)
        cells = []
        for item in scene.neuron_items.values():
            for rect in (item.mapRectToScene(item.body_rect()), item.mapRectToScene(item.label_rect())):
                cells.append((rect.left(), rect.top(), rect.right(), rect.bottom()))
        lines = geometry.bezier_points(layer.layout_.control, 80)
        for i, box in enumerate(boxes.tolist()):
            for other in boxes[i + 1:].tolist():
                assert not _rects_overlap(box, other)
            for cell in cells:
                assert not _rects_overlap(box, cell)
            others = np.delete(lines, i, axis=0).reshape(-1, 2)
            assert not np.any((others[:, 0] > box[0]) & (others[:, 0] < box[2])
                              & (others[:, 1] > box[1]) & (others[:, 1] < box[3])), layer.keys[i]


def test_labels_moved_with_the_whole_drawing_are_where_a_new_placement_puts_them(qtbot, window):
    from neuron_sim.model.label_placement import place_labels

    window.document.replace(layered_network(12, 30, seed=3))
    scene = window.scene
    scene.flush()
    layer = scene.synapse_layer
    layer.labels()
    for nid, neuron in list(scene.network.neurons.items()):
        x, y = neuron.position
        scene.network.set_neuron_param(nid, "position", (x + 37.0, y - 12.0))
    scene.flush()
    shifted = np.array([(x, y) for x, y, _t, _h in layer.labels()])
    made = layer._placement
    fresh = place_labels(layer.layout_.control, made[1], made[2] + (37.0, -12.0, 37.0, -12.0))
    assert np.allclose(shifted, fresh)
