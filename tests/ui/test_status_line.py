"""The status bar says only what is still true (issue #15, point 11)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from neuron_sim.commands import ConnectCommand
from neuron_sim.model import Synapse
from neuron_sim.ui.window.status_line import Lasts


def _open_and_gate(window):
    assert window.examples.open_example_named("and-gate")
    return window.network


def _edit_in_place(qtbot, window, what, target, text, key=Qt.Key.Key_Return):
    window.view.open_editor(what, target, QPointF(0, 0))
    editor = window.view.editor
    editor.setText(text)
    qtbot.keyClick(editor, key)


def test_editing_weight_goes_once_the_edit_is_applied(qtbot, window):
    network = _open_and_gate(window)
    key = next(iter(network.synapses))
    window.view.open_editor("weight", key, QPointF(0, 0))
    assert window.status_line.text().startswith("Editing Weight")
    window.view.editor.setText("0.7")
    qtbot.keyClick(window.view.editor, Qt.Key.Key_Return)
    assert network.synapses[key].weight == 0.7
    assert "Editing" not in window.status_line.text()
    assert window.status_line.text() == window.scene.tool.hint()


def test_editing_weight_goes_when_the_edit_is_cancelled(qtbot, window):
    network = _open_and_gate(window)
    window.view.open_editor("weight", next(iter(network.synapses)), QPointF(0, 0))
    qtbot.keyClick(window.view.editor, Qt.Key.Key_Escape)
    assert "Editing" not in window.status_line.text()


def test_a_refusal_goes_when_everything_is_deleted(qtbot, window):
    network = _open_and_gate(window)
    neuron = next(nid for nid, n in network.neurons.items() if n.kind != "input")
    _edit_in_place(qtbot, window, "threshold", neuron, "1e9")
    assert "1e+09 is above the maximum" in window.status_line.text()
    qtbot.keyClick(window.view.editor, Qt.Key.Key_Escape)
    window.scene.select(list(network.neurons))
    window.edit.delete_action.trigger()
    assert len(network) == 0
    assert "maximum" not in window.status_line.text()


def test_a_refusal_goes_when_the_selection_changes(qtbot, window):
    network = _open_and_gate(window)
    neuron = next(nid for nid, n in network.neurons.items() if n.kind != "input")
    window.scene.select([neuron])
    spin = window.inspector.field("threshold").box
    spin.lineEdit().setText("abc")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert "abc" in window.status_line.text()
    window.scene.select([])
    assert "abc" not in window.status_line.text()


def test_news_of_the_document_stays_until_it_changes(qtbot, window, tmp_path):
    network = _open_and_gate(window)
    assert window.files.save_to(tmp_path / "and.json")
    assert "Saved" in window.status_line.text()
    window.scene.select([next(iter(network.neurons))])  # selecting does not make "Saved" untrue
    assert "Saved" in window.status_line.text()
    window.edit.delete_action.trigger()  # an edit does
    assert "Saved" not in window.status_line.text()


def test_what_an_edit_causes_is_kept(qtbot, window):
    network = _open_and_gate(window)
    cells = [nid for nid, n in network.neurons.items() if n.kind != "input"]
    window.scene.select(cells[:1])  # a message about the selection, made stale by the edit below
    window.show_message("about the selection", Lasts.WHILE_SELECTED)
    window.document.undo_stack.push(ConnectCommand(network, Synapse(cells[0], cells[0])))  # a loop
    assert "loop" in window.status_line.text()  # said by Play's engine during the edit: still true
