"""Menus, files, clipboard and compound edits of the main window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from neuron_sim.ui import plain_text
from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import save

from .canvas_helpers import click


@pytest.fixture
def and_gate(tmp_path):
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", position=(0, 0), value=1))
    network.add_neuron(Neuron("x2", kind="input", position=(0, 120)))
    network.add_neuron(Neuron("y", position=(260, 60), activation="step", threshold=1.5))
    network.connect(Synapse("x1", "y"))
    network.connect(Synapse("x2", "y"))
    path = tmp_path / "and.json"
    save(network, path)
    return path, network


def test_title_shows_file_and_unsaved_mark(window, and_gate):
    path, _ = and_gate
    assert window.files.open(path)
    assert window.windowTitle().startswith("and.json")
    assert not window.isWindowModified()
    window.edit.add_layer_with(2, "neuron", "sigmoid")
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_unsaved_changes_are_asked_about_on_new_open_and_close(window, and_gate):
    path, _ = and_gate
    asked = []

    def answer(choice):
        def ask():
            asked.append(choice)
            return choice
        return ask

    window.edit.add_layer_with(1, "input", "sigmoid")
    window.files.ask_to_save = answer(QMessageBox.StandardButton.Cancel)
    window.files.new()
    assert len(window.network) == 1  # cancelled: nothing lost
    assert not window.files.open(path)
    assert len(window.network) == 1
    assert not window.close()
    assert asked == [QMessageBox.StandardButton.Cancel] * 3
    window.files.ask_to_save = answer(QMessageBox.StandardButton.Discard)
    assert window.files.open(path)
    assert list(window.network.neurons) == ["x1", "x2", "y"]


def test_opening_a_bad_file_keeps_the_open_network(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(plain_text, "warn", lambda *args: shown.append(args[2]))
    window.edit.add_layer_with(2, "input", "sigmoid")
    window.document.undo_stack.setClean()
    before = window.network.copy()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "neuron-sim", "version": 1, "neurons": [{"id": "a", "threshold": "abc"}]}')
    assert not window.files.open(bad)
    assert window.network == before
    assert shown and "neurons[0].threshold" in shown[0] and "bad.json" in shown[0]


def test_save_failure_keeps_network_marked_unsaved(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(plain_text, "warn", lambda *args: shown.append(args[2]))
    window.edit.add_layer_with(2, "input", "sigmoid")
    assert not window.files.save_to(tmp_path / "missing-folder" / "x.json")
    assert window.isWindowModified()
    assert shown and "not saved" in shown[0] and "x.json" in shown[0]


def test_recent_files_menu_reopens(window, and_gate):
    path, network = and_gate
    window.files.open(path)
    window.files.new()
    actions = window.recent_menu.actions()
    assert actions and actions[0].text() == "and.json"
    actions[0].trigger()
    assert window.network == network


def test_copy_paste_and_duplicate_keep_inner_synapses(window, and_gate):
    path, _ = and_gate
    window.files.open(path)
    window.scene.select(["x1", "y"])
    window.edit.copy_action.trigger()
    window.edit.paste_action.trigger()
    net = window.network
    assert len(net) == 5
    new_ids = window.scene.selected_neuron_ids()
    assert len(new_ids) == 2 and not set(new_ids) & {"x1", "x2", "y"}
    assert (new_ids[0], new_ids[1]) in net.synapses  # x1 → y came along; x2 → y did not
    assert len(net.synapses) == 3
    assert window.document.undo_stack.undoText() == "Paste"
    window.edit.duplicate_action.trigger()
    assert len(net) == 7 and len(net.synapses) == 4
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert len(net) == 3 and len(net.synapses) == 2


def test_paste_of_foreign_text_is_refused_with_a_message(window):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("hello")
    window.edit.paste_action.trigger()
    assert len(window.network) == 0
    assert "Nothing to paste" in window.status_line.text()


def test_add_layer_and_connect_all_build_a_dense_layer_in_two_steps(window):
    inputs = window.edit.add_layer_with(3, "input", "sigmoid")
    outputs = window.edit.add_layer_with(2, "neuron", "sigmoid")
    window.scene.select(inputs + outputs)
    window.edit.connect_all_action.trigger()
    assert len(window.network.synapses) == 6
    assert window.document.undo_stack.undoText() == "Connect all (6 synapses)"
    window.undo_action.trigger()
    assert not window.network.synapses


def test_select_all_and_delete(window, and_gate):
    path, _ = and_gate
    window.files.open(path)
    window.edit.select_all_action.trigger()
    assert window.scene.selected_neuron_ids() == ["x1", "x2", "y"]
    window.edit.delete_action.trigger()
    assert len(window.network) == 0
    window.undo_action.trigger()
    assert len(window.network) == 3 and len(window.network.synapses) == 2


def test_arrow_keys_nudge_the_selection(qtbot, window, and_gate):
    from PySide6.QtCore import Qt

    path, _ = and_gate
    window.files.open(path)
    window.scene.select(["y"])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.network.neuron("y").position == (261.0, 70.0)


def test_model_menu_switches_to_spiking_and_back(qtbot, window, and_gate):
    path, _ = and_gate
    window.files.open(path)
    window.view.reset_zoom()
    window.model_actions["spiking"].trigger()
    assert window.network.model == "spiking"
    assert window.tool_actions["generator"].isEnabled()
    window.tool_actions["generator"].trigger()
    click(qtbot, window, 100, 300)
    assert any(n.kind == "generator" for n in window.network.neurons.values())
    window.model_actions["rate"].trigger()  # refused: generators exist
    assert window.network.model == "spiking"
    assert window.model_actions["spiking"].isChecked()
    assert "generators" in window.status_line.text()


def test_schematic_look_and_label_toggles_redraw(window, and_gate):
    path, _ = and_gate
    window.files.open(path)
    window.look_actions["schematic"].trigger()
    assert window.scene.look == "schematic"
    assert all(item.look == "schematic" for item in window.scene.neuron_items.values())
    window.weights_action.trigger()
    assert not window.scene.show_weights
    assert window.scene.synapse_layer.labels() == []


def test_clipboard_holds_json(window, and_gate):
    from PySide6.QtGui import QGuiApplication

    path, _ = and_gate
    window.files.open(path)
    window.scene.select(["x1"])
    window.edit.copy_action.trigger()
    data = json.loads(QGuiApplication.clipboard().text())
    assert data["format"] == "neuron-sim" and [n["id"] for n in data["neurons"]] == ["x1"]


def _menu_texts(menu):
    return [a.text() for a in menu.actions() if a.text()]


def test_context_menus_on_neuron_synapse_and_canvas(window, and_gate):
    from PySide6.QtCore import QPointF

    from .canvas_helpers import synapse_midpoint

    path, _ = and_gate
    window.files.open(path)
    menu = window.context_menus.menu_at(QPointF(0, 0))
    assert "Switch on/off" in _menu_texts(menu)
    assert window.scene.selected_neuron_ids() == ["x1"]
    next(a for a in menu.actions() if a.text() == "Switch on/off").trigger()
    assert window.network.neuron("x1").value == 0.0

    x, y = synapse_midpoint(window, ("x2", "y"))
    menu = window.context_menus.menu_at(QPointF(x, y))
    assert window.scene.selected_synapse_keys() == [("x2", "y")]
    next(a for a in menu.actions() if a.text().startswith("Flip sign")).trigger()
    assert window.network.synapse(("x2", "y")).weight == -1.0

    menu = window.context_menus.menu_at(QPointF(500, 500))
    add = next(a for a in menu.actions() if a.text() == "Add neuron here")
    add.trigger()
    assert window.network.neurons["y1"].position == (500.0, 500.0)
    assert not next(a for a in menu.actions() if a.text() == "Add generator here").isEnabled()
