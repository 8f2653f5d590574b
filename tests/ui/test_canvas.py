"""Building, editing and undoing networks with real mouse and keyboard events on the canvas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from neuron_sim.model.fileformat import load

from .canvas_helpers import click, double_click, drag, synapse_midpoint, view_point, wheel

INPUTS = [(0.0, 0.0), (0.0, 120.0), (0.0, 240.0)]
NEURONS = [(300.0, 60.0), (300.0, 180.0)]


def build_dense_layer(qtbot, window):
    """Seed 2's figure by clicks alone: 3 inputs, 2 neurons, every input to every neuron."""
    window.tool_actions["input"].trigger()
    for x, y in INPUTS:
        click(qtbot, window, x, y)
    window.tool_actions["neuron"].trigger()
    for x, y in NEURONS:
        click(qtbot, window, x, y)
    window.tool_actions["connect"].trigger()
    for source in INPUTS:
        for target in NEURONS:
            drag(qtbot, window, source, target)
    window.tool_actions["select"].trigger()
    window.scene.flush()


def test_build_dense_layer_by_clicks(qtbot, window):
    build_dense_layer(qtbot, window)
    network = window.network
    assert list(network.neurons) == ["x1", "x2", "x3", "y1", "y2"]
    assert [n.kind for n in network.neurons.values()] == ["input"] * 3 + ["neuron"] * 2
    assert network.neurons["x2"].position == (0.0, 120.0)
    assert len(network.synapses) == 6
    assert set(network.synapses) == {(x, y) for x in ("x1", "x2", "x3") for y in ("y1", "y2")}
    assert all(s.weight == 1.0 for s in network.synapses.values())
    assert window.isWindowModified()


def test_in_place_weight_and_threshold_then_undo_all_and_redo(qtbot, window):
    build_dense_layer(qtbot, window)
    x, y = synapse_midpoint(window, ("x1", "y1"))
    double_click(qtbot, window, x, y)
    editor = window.view.editor
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "-0.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.network.synapse(("x1", "y1")).weight == -0.5
    assert window.document.undo_stack.undoText() == "Set weight"

    double_click(qtbot, window, *NEURONS[1])
    editor = window.view.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "2.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.network.neuron("y2").threshold == 2.5
    assert window.undo_action.text() == "Undo Set threshold"

    end_state = window.network.copy()
    steps = window.document.undo_stack.count()
    assert steps == 3 + 2 + 6 + 2  # every click, every drag and every edit is one step
    while window.document.undo_stack.canUndo():
        window.undo_action.trigger()
    assert len(window.network) == 0 and not window.network.synapses
    assert window.scene.neuron_items == {}
    while window.document.undo_stack.canRedo():
        window.redo_action.trigger()
    assert window.network == end_state
    assert set(window.scene.neuron_items) == set(end_state.neurons)


def test_invalid_in_place_entry_is_refused_visibly(qtbot, window):
    build_dense_layer(qtbot, window)
    before = window.network.copy()
    x, y = synapse_midpoint(window, ("x2", "y2"))
    double_click(qtbot, window, x, y)
    editor = window.view.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "lots")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.network == before
    assert "expected a number" in window.status_line.text()
    assert window.view.editor is editor and editor.isVisible()  # still open, to correct
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view.editor is None


def test_delete_neuron_takes_its_synapses(qtbot, window):
    build_dense_layer(qtbot, window)
    click(qtbot, window, *NEURONS[0])
    assert window.scene.selected_neuron_ids() == ["y1"]
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "y1" not in window.network.neurons
    assert len(window.network.synapses) == 3
    assert all(key[1] == "y2" for key in window.network.synapses)
    window.undo_action.trigger()
    assert len(window.network.synapses) == 6
    assert list(window.network.neurons) == ["x1", "x2", "x3", "y1", "y2"]


def test_save_and_reopen_gives_the_same_network(qtbot, window, tmp_path):
    build_dense_layer(qtbot, window)
    path = tmp_path / "dense.json"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    assert "dense.json" in window.windowTitle()
    saved = window.network.copy()
    window.files.new()
    assert len(window.network) == 0
    assert window.files.open(path)
    assert window.network == saved
    assert load(path) == saved


def test_ctrl_wheel_nudges_a_weight_in_one_step(qtbot, window):
    build_dense_layer(qtbot, window)
    x, y = synapse_midpoint(window, ("x3", "y1"))
    steps = window.document.undo_stack.count()
    for _ in range(3):
        wheel(window, x, y, 1)
    assert abs(window.network.synapse(("x3", "y1")).weight - 1.3) < 1e-9
    assert window.document.undo_stack.count() == steps + 1  # a burst of notches is one undo step
    wheel(window, x, y, -1)
    assert abs(window.network.synapse(("x3", "y1")).weight - 1.2) < 1e-9
    window.undo_action.trigger()
    assert window.network.synapse(("x3", "y1")).weight == 1.0


def test_plain_wheel_zooms(qtbot, window):
    zoom = window.view.zoom()
    wheel(window, 100, 100, 2, Qt.KeyboardModifier.NoModifier)
    assert window.view.zoom() > zoom


def test_clicking_an_input_toggles_it(qtbot, window):
    build_dense_layer(qtbot, window)
    assert window.network.neuron("x2").value == 0.0
    click(qtbot, window, *INPUTS[1])
    qtbot.waitUntil(lambda: window.network.neuron("x2").value == 1.0,
                    timeout=QApplication.doubleClickInterval() + 2000)
    assert window.document.undo_stack.undoText() == "Switch input x2"
    click(qtbot, window, *INPUTS[1])
    qtbot.waitUntil(lambda: window.network.neuron("x2").value == 0.0,
                    timeout=QApplication.doubleClickInterval() + 2000)


def test_double_click_on_input_types_its_value_without_toggling(qtbot, window):
    build_dense_layer(qtbot, window)
    double_click(qtbot, window, *INPUTS[0])
    editor = window.view.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "0.25")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    assert window.network.neuron("x1").value == 0.25


def test_drag_moves_neuron_in_one_undo_step(qtbot, window):
    build_dense_layer(qtbot, window)
    steps = window.document.undo_stack.count()
    drag(qtbot, window, (300, 60), (340, 20))
    assert window.network.neuron("y1").position == (340.0, 20.0)
    assert window.document.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert window.network.neuron("y1").position == (300.0, 60.0)
    assert (window.scene.neuron_items["y1"].x(), window.scene.neuron_items["y1"].y()) == (300.0, 60.0)


def test_connect_release_on_empty_canvas_or_esc_cancels(qtbot, window):
    build_dense_layer(qtbot, window)
    window.tool_actions["connect"].trigger()
    drag(qtbot, window, NEURONS[0], (500, 400))
    assert len(window.network.synapses) == 6
    assert "cancel" in window.status_line.text().lower()
    drag(qtbot, window, NEURONS[0], NEURONS[0])  # press and release on itself: no accidental self-loop
    assert len(window.network.synapses) == 6


def test_duplicate_synapse_is_refused_with_a_message(qtbot, window):
    build_dense_layer(qtbot, window)
    window.tool_actions["connect"].trigger()
    drag(qtbot, window, INPUTS[0], NEURONS[0])
    assert len(window.network.synapses) == 6
    assert "already connected" in window.status_line.text()


def test_self_loop_and_reciprocal_pair(qtbot, window):
    build_dense_layer(qtbot, window)
    window.tool_actions["connect"].trigger()
    drag(qtbot, window, NEURONS[0], NEURONS[1])
    drag(qtbot, window, NEURONS[1], NEURONS[0])
    # leave the cell and come back: a self-loop
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view_point(window, *NEURONS[0]))
    qtbot.mouseMove(viewport, view_point(window, 300, -40))
    qtbot.mouseMove(viewport, view_point(window, 300, 60))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view_point(window, 300, 60))
    assert ("y1", "y1") in window.network.synapses
    assert ("y1", "y2") in window.network.synapses and ("y2", "y1") in window.network.synapses
    window.scene.flush()
    layer = window.scene.synapse_layer
    forward, backward = layer.curve_of(("y1", "y2")), layer.curve_of(("y2", "y1"))
    assert abs(forward[1:3] - backward[2:0:-1]).max() > 20  # the pair is drawn apart, both visible


def test_switching_an_input_keeps_the_selection(qtbot, window):
    """The panel and the trace stay on the neuron being explained while an input is switched."""
    build_dense_layer(qtbot, window)
    click(qtbot, window, *NEURONS[0])
    assert window.scene.selected_neuron_ids() == ["y1"]
    emitted = []
    window.scene.selection_changed_to.connect(lambda ids, keys: emitted.append(list(ids)))
    click(qtbot, window, *INPUTS[1])
    qtbot.waitUntil(lambda: window.network.neuron("x2").value == 1.0,
                    timeout=QApplication.doubleClickInterval() + 2000)
    assert window.scene.selected_neuron_ids() == ["y1"]
    assert emitted == []  # not even for a moment
    drag(qtbot, window, INPUTS[1], (INPUTS[1][0] - 40, INPUTS[1][1] + 20))  # a drag still moves (and selects) it
    assert window.network.neuron("x2").position == (-40.0, 140.0)
    assert window.scene.selected_neuron_ids() == ["x2"]


def test_connect_tool_draws_no_selection_rectangle(qtbot, window):
    build_dense_layer(qtbot, window)
    window.scene.select()
    window.tool_actions["connect"].trigger()
    window.tool_actions["neuron"].trigger()
    click(qtbot, window, 300, 300)  # y3, below y2
    window.tool_actions["connect"].trigger()
    window.scene.select()
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view_point(window, *INPUTS[0]))
    for y in (100, 200, 300):
        qtbot.mouseMove(viewport, view_point(window, 150, y))
        assert window.view.rubberBandRect().isNull()
    qtbot.mouseMove(viewport, view_point(window, 300, 300))
    assert window.view.rubberBandRect().isNull()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view_point(window, 300, 300))
    assert ("x1", "y3") in window.network.synapses
    assert window.scene.selected_neuron_ids() == []
    # pressing on empty canvas with the Connect tool does not start a rectangle either
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view_point(window, 150, -60))
    qtbot.mouseMove(viewport, view_point(window, 320, 320))
    assert window.view.rubberBandRect().isNull()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view_point(window, 320, 320))
    assert window.scene.selected_neuron_ids() == []


def test_a_new_neuron_is_silent_with_all_inputs_at_0_and_the_inspector_says_why(qtbot, window):
    """Issue #15 point 7: a neuron placed by clicking is a step unit with θ = 0.5, so with all
    inputs at 0 it does not fire (it did with θ = 0: f(0) = 1), and one input of 1 makes it fire."""
    build_dense_layer(qtbot, window)
    network = window.network
    for nid in ("y1", "y2"):
        neuron = network.neuron(nid)
        assert (neuron.activation, neuron.threshold) == ("step", 0.5)
        assert window.scene.neuron_items[nid].activity == 0.0
        assert window.playback.engine.output_of(nid) == 0.0
    click(qtbot, window, *INPUTS[1])  # x2 on
    qtbot.waitUntil(lambda: network.neuron("x2").value == 1.0, timeout=3000)
    assert window.scene.neuron_items["y1"].activity == 1.0 and window.playback.engine.output_of("y2") == 1.0
    window.scene.select(["y1"])
    for key in ("activation", "threshold"):
        tip = window.inspector.field(key).widget.toolTip()
        assert "A new neuron starts as a step unit with θ = 0.5" in tip
