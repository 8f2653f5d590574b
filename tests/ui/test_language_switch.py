"""Changing the language applies at once, keeping the document, its history, the view and the docks."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from shiboken6 import isValid

from neuron_sim.ui.i18n import language
from neuron_sim.ui.window.preferences import PreferencesDialog


@pytest.fixture
def back_to_english(qapp):
    yield
    language.apply_language(qapp, "en")


def _settle(qtbot):
    qtbot.wait(30)
    QApplication.processEvents()


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _choose_in_preferences(monkeypatch, code: str) -> None:
    def choose_and_accept(dialog: PreferencesDialog) -> int:
        dialog.language_box.setCurrentIndex(dialog.language_box.findData(code))
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PreferencesDialog, "exec", choose_and_accept)


def _kept(qtbot, successor):
    qtbot.addWidget(successor)
    successor.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    return successor


def test_a_language_chosen_in_preferences_applies_at_once(qtbot, window, monkeypatch, back_to_english):
    assert window.examples.open_example_named("dense-layer")
    _settle(qtbot)
    document = window.document
    network = document.network
    window.look_actions["schematic"].trigger()
    weight_key = next(iter(network.synapses))
    window.scene.select([], [weight_key])
    window.inspector.field("weight").box.setValue(2.5)  # an edit, one undo step
    window.inspector.field("weight").box.editingFinished.emit()
    assert network.synapses[weight_key].weight == 2.5
    assert window.isWindowModified() and document.undo_stack.count() >= 1
    window.playback.play()  # opens the Trace dock
    _settle(qtbot)
    window.playback.pause()
    window.view.set_zoom(3.0)  # closer than the whole network: the centre is the person's choice
    window.view.centerOn(150, 100)
    zoom, centre = window.view.zoom(), window.view.mapToScene(window.view.viewport().rect().center())
    assert "&File" in _menu_titles(window)

    _choose_in_preferences(monkeypatch, "ko")
    window.preferences_action.trigger()
    _settle(qtbot)
    successors = [w for w in QApplication.topLevelWidgets()
                  if type(w).__name__ == "MainWindow" and w is not window and w.isVisible()]
    assert len(successors) == 1
    korean = _kept(qtbot, successors[0])

    assert "파일(&F)" in _menu_titles(korean)  # the menus speak the other language
    assert korean.document is document and korean.network is network  # the same document
    assert korean.isWindowModified() and "[*]" in korean.windowTitle()  # still unsaved
    assert korean.scene.look == "schematic" and korean.look_actions["schematic"].isChecked()
    assert korean.instruments.trace_dock.isVisible()  # the docks as they were
    assert korean.view.zoom() == pytest.approx(zoom)
    shown = korean.view.mapToScene(korean.view.viewport().rect().center())
    assert abs(shown.x() - centre.x()) < 2 and abs(shown.y() - centre.y()) < 2
    assert korean.example_info.isVisibleTo(korean)  # the example's text, now in Korean
    assert re.search(r"[\uac00-\ud7a3]", korean.example_info.text_label.text())
    assert korean.scene.selected_synapse_keys() == [weight_key]

    korean.undo_action.trigger()  # undo still undoes the last edit
    assert network.synapses[weight_key].weight != 2.5
    korean.redo_action.trigger()
    assert network.synapses[weight_key].weight == 2.5
    assert not isValid(window)  # the old window is gone


def test_edits_after_the_change_reach_the_new_window_only(qtbot, window, back_to_english):
    assert window.examples.open_example_named("and-gate")
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    _settle(qtbot)
    assert not isValid(window)  # the old window is gone
    network = korean.network
    cell = next(nid for nid, n in network.neurons.items() if n.kind != "input")
    korean.scene.select([cell])
    korean.edit.delete_action.trigger()
    assert cell not in network.neurons and cell not in korean.scene.neuron_items
    korean.undo_action.trigger()
    assert cell in korean.scene.neuron_items
    korean.files.new()  # the document replaces its network: the new window follows
    assert len(korean.network) == 0 and not korean.scene.neuron_items
    english = _kept(qtbot, korean.reopen_in_language("en"))
    assert "&File" in _menu_titles(english) and english.document is window.document


def test_the_same_language_keeps_the_window(window):
    assert window.reopen_in_language("en") is window


def test_a_closed_weights_dock_stays_closed_after_the_change(qtbot, window, back_to_english):
    assert window.examples.open_example_named("backprop-or-brain-stdp")
    window.playback.play()  # the first play of a learning network opens the Weights dock
    window.playback.pause()
    assert window.instruments.weight_dock.isVisible()
    window.instruments.weight_dock.close()
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    _settle(qtbot)
    korean.playback.play()
    korean.playback.pause()
    assert not korean.instruments.weight_dock.isVisible()


def test_the_train_dock_is_built_when_first_shown_and_stays_shown_after_the_change(qtbot, window, back_to_english):
    from PySide6.QtCore import Qt

    assert window.training._dock is None and window.training._session is None  # nothing built at start
    assert not window.training.dock_action.isChecked()
    window.training.dock_action.trigger()
    assert window.training.dock.isVisible() and window.training.dock_action.isChecked()
    assert window.dockWidgetArea(window.training.dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.training.dock.close()  # its title bar's ✕: the menu's tick follows
    assert not window.training.dock_action.isChecked()
    window.training.dock_action.trigger()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.training.dock)  # moved by the teacher
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    _settle(qtbot)
    assert korean.training.dock.isVisible() and korean.training.dock_action.isChecked()
    assert korean.dockWidgetArea(korean.training.dock) == Qt.DockWidgetArea.RightDockWidgetArea


def _title_name(window) -> str:
    return window.windowTitle().split("[*]")[0]


def test_an_example_s_title_follows_the_language_until_it_is_saved(qtbot, window, tmp_path, back_to_english):
    from PySide6.QtCore import QCoreApplication

    from neuron_sim.model.fileformat import load

    assert window.examples.open_example_named("single-neuron")
    english = window.network.name
    assert english == "One artificial neuron" and _title_name(window) == english
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    title = _title_name(korean)
    assert title == QCoreApplication.translate("Examples", "One artificial neuron")
    assert re.search(r"[\uac00-\ud7a3]", title)  # the catalogue's title, now in Korean
    assert korean.network.name == title  # the untitled copy's name: what Save writes is what shows
    korean.document.save(tmp_path / "copy.json")
    assert load(tmp_path / "copy.json").name == title
    assert _title_name(korean) == "copy.json"  # a saved file is shown by its own name
    back = _kept(qtbot, korean.reopen_in_language("en"))
    assert _title_name(back) == "copy.json" and back.network.name == title  # and keeps its texts


def test_a_name_the_user_typed_stays_as_typed_after_the_change(qtbot, window, back_to_english):
    assert window.examples.open_example_named("single-neuron")
    window.edit.set_network_param("name", "Our first neuron")  # an undo step, as the inspector makes it
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    assert _title_name(korean) == "Our first neuron"
    korean.undo_action.trigger()  # back to the example's own title: shown in the language again
    assert re.search(r"[\uac00-\ud7a3]", _title_name(korean))
    english = _kept(qtbot, korean.reopen_in_language("en"))
    assert _title_name(english) == "One artificial neuron"


def test_a_spiking_run_goes_on_where_it_was(qtbot, window, back_to_english):
    """Played for a while, then the change: the new window shows the same moment (time, each cell's
    v, the pulses on the axons, the trace so far) and goes on as the old run would have: the next
    steps equal those of a copy of the network played from the start beside it."""
    import numpy as np

    from neuron_sim.model.player import Player

    assert window.examples.open_example_named("backprop-or-brain-stdp")  # inputs firing, weights learning
    network = window.network
    player = window.playback.player
    twin = Player(network.copy())  # the same run from the start, on its own: what comes next
    for steps in range(900):
        if steps >= 400 and window.playback.pulses()[0]:  # a moment with spikes on their way
            break
        player.step()
        twin.step()
    time_text, times, values = window.playback.time_text(), player.recorder.times(), player.recorder.values()
    learned = window.playback.learned_weights()
    levels = window.playback.neuron_levels()
    pulse_keys, pulse_points, _ = window.playback.pulses()
    assert times.size > 10 and len(pulse_keys) > 0 and learned

    korean = _kept(qtbot, window.reopen_in_language("ko"))
    _settle(qtbot)
    assert korean.playback.time_text() == time_text
    assert korean.playback.neuron_levels() == levels
    keys, points, _ = korean.playback.pulses()
    assert keys == pulse_keys and np.array_equal(points, pulse_points)
    assert np.array_equal(korean.playback.player.recorder.times(), times)
    assert np.array_equal(korean.playback.player.recorder.values(), values)
    assert korean.playback.learned_weights() == learned
    for _ in range(50):
        korean.playback.player.step()
        twin.step()
    ids = list(network.neurons)
    assert [korean.playback.player.engine.output_of(n) for n in ids] == [twin.engine.output_of(n) for n in ids]
    assert korean.playback.learned_weights() == twin.learned_weights()


def test_a_feedforward_network_shows_its_outputs_after_the_change(qtbot, window, back_to_english):
    """The canvas keeps the outputs under the cells (a = …) that the computation panel shows."""
    assert window.examples.open_example_named("learn-xor")
    _settle(qtbot)
    shown = {nid: item.value_text for nid, item in window.scene.neuron_items.items()}
    assert shown["y"].startswith("a = ")
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    _settle(qtbot)
    assert {nid: item.value_text for nid, item in korean.scene.neuron_items.items()} == shown


def test_how_much_of_the_past_the_traces_show_stays(qtbot, window, back_to_english):
    assert window.examples.open_example_named("xor")
    window.instruments.trace_dock.set_window(120)
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    _settle(qtbot)
    assert korean.instruments.trace_dock._window_box.value() == 120
    assert korean.instruments.trace_dock.windows() == {"tick": 120.0, "ms": 200.0}


def test_a_replaced_window_is_let_go(qtbot, window, back_to_english):
    """Each change of language keeps the window shown now alive, not every one before it."""
    from neuron_sim.ui.window import main_window

    korean = _kept(qtbot, window.reopen_in_language("ko"))
    assert korean in main_window._KEPT_WINDOWS
    english = _kept(qtbot, korean.reopen_in_language("en"))
    assert english in main_window._KEPT_WINDOWS and korean not in main_window._KEPT_WINDOWS
