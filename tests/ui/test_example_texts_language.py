"""An example's own texts (its name, description and neuron labels) follow a language change while
its copy is untitled; a text the user typed stays, and a saved file keeps its texts."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from neuron_sim.model.fileformat import load
from neuron_sim.ui.i18n import language

HANGUL = re.compile(r"[\uac00-\ud7a3]")
REFLEX_LABELS = {"sensor": "sensor", "inter": "interneuron", "motor": "motor neuron"}


@pytest.fixture
def back_to_english(qapp):
    yield
    language.apply_language(qapp, "en")


def _kept(qtbot, successor):
    qtbot.addWidget(successor)
    successor.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    return successor


def _korean(text: str) -> str:
    """`text` of the examples' catalogue in the language now installed (Korean in these tests)."""
    translated = QCoreApplication.translate("Examples", text)
    assert HANGUL.search(translated), f"no Korean translation of {text!r}"
    return translated


def _canvas_label(window, neuron_id: str) -> str:
    return next(text for text, main in window.scene.neuron_items[neuron_id].text_lines() if main)


def _inspector_label(window, neuron_id: str) -> str:
    window.scene.select([neuron_id])
    return window.inspector.field("label").widget.text()


def _inspector_network_texts(window) -> tuple[str, str]:
    window.scene.select([])
    return window.inspector.field("name").widget.text(), window.inspector.field("description").widget.toPlainText()


def _type_label(window, neuron_id: str, text: str) -> None:
    """Type `text` as the neuron's label in the inspector and press Enter: one undo step."""
    window.scene.select([neuron_id])
    line = window.inspector.field("label").widget
    line.setText(text)
    line.setModified(True)
    line.editingFinished.emit()


def _title_name(window) -> str:
    return window.windowTitle().split("[*]")[0]


def test_an_untouched_example_speaks_korean_after_the_switch_everywhere(qtbot, window, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    network = korean.network
    for neuron_id, english in REFLEX_LABELS.items():
        label = _korean(english)
        assert network.neurons[neuron_id].label == label
        assert _canvas_label(korean, neuron_id) == label
        assert _inspector_label(korean, neuron_id) == label
    name, description = _korean("A reflex arc"), korean.example_info.text_label.text()
    assert HANGUL.search(description)
    assert network.name == name and network.description == description
    assert _inspector_network_texts(korean) == (name, description)  # the panel and the bar above agree
    assert _title_name(korean) == name
    # A change of language is no edit: nothing to undo, nothing unsaved.
    assert korean.document.undo_stack.count() == 0 and korean.document.is_clean()
    assert not korean.isWindowModified()


def test_an_example_opened_in_korean_speaks_english_after_the_switch(qtbot, window, back_to_english):
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    assert korean.examples.open_example_named("backprop-or-brain-stdp")
    assert korean.network.neurons["teacher"].label == _korean("teacher")
    english = _kept(qtbot, korean.reopen_in_language("en"))
    network = english.network
    assert network.neurons["teacher"].label == "teacher"
    assert _canvas_label(english, "teacher") == _inspector_label(english, "teacher") == "teacher"
    assert network.name == "Backprop or the brain? 2: STDP" == _title_name(english)
    assert network.description.startswith("The same task, OR, learned the brain's way.")
    assert english.example_info.text_label.text() == network.description
    assert english.document.is_clean()


def test_the_switch_keeps_unsaved_work_unsaved_and_its_history_as_it_was(qtbot, window, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    window.edit.set_network_param("dt_ms", 0.05)
    stack = window.document.undo_stack
    count, index = stack.count(), stack.index()
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    assert korean.network.neurons["inter"].label == _korean("interneuron")
    assert (stack.count(), stack.index()) == (count, index) and not korean.document.is_clean()
    assert korean.isWindowModified()


def test_a_label_the_user_typed_stays_and_undo_brings_the_example_s_back_in_the_new_language(
        qtbot, window, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    _type_label(window, "inter", "relay cell")
    assert window.network.neurons["inter"].label == "relay cell"
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    network = korean.network
    assert network.neurons["inter"].label == "relay cell" == _canvas_label(korean, "inter")
    assert network.neurons["sensor"].label == _korean("sensor")  # the untouched ones follow
    korean.undo_action.trigger()  # the example's own label again, as the example shows it now
    assert network.neurons["inter"].label == _korean("interneuron") == _canvas_label(korean, "inter")
    assert korean.document.is_clean()  # back where the example opened
    korean.redo_action.trigger()
    assert network.neurons["inter"].label == "relay cell"
    korean.undo_action.trigger()
    english = _kept(qtbot, korean.reopen_in_language("en"))
    assert english.network.neurons["inter"].label == "interneuron"


def test_a_neuron_deleted_before_the_switch_comes_back_in_the_new_language(qtbot, window, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    window.scene.select(["motor"])
    window.edit.delete_action.trigger()
    assert "motor" not in window.network.neurons
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    korean.undo_action.trigger()
    assert korean.network.neurons["motor"].label == _korean("motor neuron") == _canvas_label(korean, "motor")
    korean.redo_action.trigger()
    korean.undo_action.trigger()
    assert korean.network.neurons["motor"].label == _korean("motor neuron")


def test_a_name_typed_after_the_switch_stays_as_typed_even_if_it_reads_like_another_language_s(
        qtbot, window, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    korean.edit.set_network_param("name", "A reflex arc")  # the English title, typed on purpose
    _type_label(korean, "inter", "interneuron")
    korean.undo_action.trigger()
    korean.redo_action.trigger()  # an edit made after the switch is the user's: redone as typed
    assert korean.network.neurons["inter"].label == "interneuron"
    assert korean.network.name == "A reflex arc" == _title_name(korean)


def test_what_is_saved_after_the_switch_is_what_is_shown_and_stays_so(qtbot, window, tmp_path, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    shown = {nid: n.label for nid, n in korean.network.neurons.items()}
    name, description = korean.network.name, korean.network.description
    korean.document.save(tmp_path / "reflex.json")
    saved = load(tmp_path / "reflex.json")
    assert saved.name == _korean("A reflex arc") and saved.neurons["inter"].label == _korean("interneuron")
    assert {nid: n.label for nid, n in saved.neurons.items()} == shown
    assert (saved.name, saved.description) == (name, description)
    english = _kept(qtbot, korean.reopen_in_language("en"))  # a saved file keeps its texts
    assert {nid: n.label for nid, n in english.network.neurons.items()} == shown
    assert english.network.name == name and english.document.is_clean()
    assert _title_name(english) == "reflex.json"
    english.files.open(tmp_path / "reflex.json")  # and reopened, it is as saved
    assert english.network.neurons["inter"].label == shown["inter"]
    assert english.network.description == description


def test_undo_after_saving_and_switching_brings_back_the_saved_language(qtbot, window, tmp_path, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    window.scene.select(["motor"])
    window.edit.delete_action.trigger()
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    korean.document.save(tmp_path / "reflex.json")  # saved in Korean, without the motor neuron
    motor, sensor = _korean("motor neuron"), _korean("sensor")
    english = _kept(qtbot, korean.reopen_in_language("en"))
    english.undo_action.trigger()  # the neuron back as the file's other texts read: in Korean
    assert english.network.neurons["motor"].label == motor
    assert english.network.neurons["sensor"].label == sensor


def test_save_as_code_export_and_figures_suggest_the_name_shown(qtbot, window, monkeypatch, back_to_english):
    assert window.examples.open_example_named("spiking-reflex-arc")
    korean = _kept(qtbot, window.reopen_in_language("ko"))
    name = _korean("A reflex arc")
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, start, _filters: (
        asked.append(start), ("", ""))[1])
    korean.files.save_as()
    assert asked == [name + ".json"]
    assert korean.code._suggested("brian2").endswith(f"{name}_brian2.py")
    assert korean.figures._suggested("png").endswith(f"{name}.png")
    from neuron_sim.model.codegen import generate

    assert name in generate(korean.network, "brian2").text  # the script's opening comment names it
