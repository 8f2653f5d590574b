"""DisplayScene follows a network and draws it; EditorScene adds the editing on top."""

import pytest
from PySide6.QtGui import QImage, QPainter, QUndoStack

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.canvas.scene import DisplayScene, throwaway_scene
from neuron_sim.ui.canvas.synapse_layer import SynapseLayer
from neuron_sim.ui.styles import LABELS_HIDDEN_BELOW_ZOOM


def two_neurons() -> Network:
    network = Network()
    network.add_neuron(Neuron("x", kind="input", position=(0.0, 0.0), value=1.0))
    network.add_neuron(Neuron("y", kind="neuron", position=(200.0, 0.0)))
    network.connect(Synapse("x", "y", weight=0.5))
    return network


@pytest.fixture
def display(qapp):
    scenes = []

    def make(network, **options):
        scene = DisplayScene(network, **options)
        scenes.append(scene)
        return scene

    yield make
    for scene in scenes:
        scene.clear()
        scene.deleteLater()


def test_a_display_scene_follows_its_network(display):
    network = two_neurons()
    scene = display(network)
    network.add_neuron(Neuron("z", kind="neuron", position=(400.0, 0.0)))
    network.connect(Synapse("y", "z", weight=-1.0))
    scene.flush()
    assert set(scene.neuron_items) == {"x", "y", "z"}
    assert scene.synapse_layer.keys == [("x", "y"), ("y", "z")]
    network.set_neuron_param("z", "position", (400.0, 80.0))
    assert scene.neuron_items["z"].pos().y() == 80.0
    network.remove_neuron("x")
    scene.flush()
    assert set(scene.neuron_items) == {"y", "z"}
    assert scene.synapse_layer.keys == [("y", "z")]


def test_set_network_follows_the_new_network_only(display):
    old, new = two_neurons(), Network()
    scene = display(old)
    scene.set_network(new)
    old.add_neuron(Neuron("gone", position=(0.0, 100.0)))
    new.add_neuron(Neuron("here", position=(0.0, 100.0)))
    assert list(scene.neuron_items) == ["here"]


def test_a_display_scene_takes_its_look_and_labels_at_construction_and_lays_out_once(display, monkeypatch):
    rebuilds = []
    original = SynapseLayer.rebuild
    monkeypatch.setattr(SynapseLayer, "rebuild", lambda layer: (rebuilds.append(layer), original(layer))[1])
    scene = display(two_neurons(), look="schematic", show_weights=False, show_thresholds=False, show_labels=False)
    assert len(rebuilds) == 1
    item = scene.neuron_items["y"]
    assert (item.look, item.show_thresholds, item.show_label) == ("schematic", False, False)


def label_layer_drawn_at(scene, scale: float) -> bool:
    image = QImage(10, 10, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.scale(scale, scale)
    try:
        return scene.synapse_layer.label_layer.drawn_by(painter)
    finally:
        painter.end()


def test_a_drawing_keeps_its_weights_at_any_size_the_canvas_hides_them_when_zoomed_out(display):
    small = LABELS_HIDDEN_BELOW_ZOOM / 2
    drawing = display(two_neurons())
    editor = EditorScene(two_neurons(), QUndoStack())
    try:
        assert label_layer_drawn_at(drawing, small)
        assert not label_layer_drawn_at(editor, small)
        assert label_layer_drawn_at(editor, 1.0)
    finally:
        editor.clear()
        editor.deleteLater()


def test_the_throwaway_scene_is_a_drawing_in_the_asked_look(qapp):
    with throwaway_scene(two_neurons(), "schematic", show_weights=False) as scene:
        assert isinstance(scene, DisplayScene) and not isinstance(scene, EditorScene)
        assert scene.look == "schematic" and not scene.show_weights
        assert not scene.network_rect().isEmpty()


def test_a_batch_edit_redraws_the_synapses_once_with_every_new_weight(display):
    network = two_neurons()
    network.add_neuron(Neuron("z", kind="neuron", position=(400.0, 0.0)))
    network.connect(Synapse("y", "z", weight=-1.0))
    scene = display(network)
    scene.flush()
    rebuilds = []
    original = scene.synapse_layer.rebuild
    scene.synapse_layer.rebuild = lambda: (rebuilds.append(1), original())
    network.set_many([("synapse", ("x", "y"), "weight", 2.0), ("synapse", ("y", "z"), "weight", 0.25),
                      ("neuron", "z", "position", (400.0, 90.0)), ("neuron", "y", "threshold", 0.5)])
    scene.flush()
    assert rebuilds == [1]
    assert scene.synapse_layer.weights.tolist() == [2.0, 0.25]
    assert scene.neuron_items["z"].pos().y() == 90.0
