"""View → As code and File → Export as code…: the panel follows edits, Copy, the reasons, the file.

The oracle of the text is model/codegen's `generate` (tested against real Keras, Brian2 and PyNN in
tests/codegen); W is checked against the synapses' weights as the file gives them.
"""

from __future__ import annotations

import errno

import pytest
from PySide6.QtGui import QGuiApplication

from neuron_sim import commands
from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.codegen import ExportOptions, generate


@pytest.fixture
def errors(window):
    shown = []
    window.show_error = lambda title, text, detail="": shown.append((title, text))
    return shown


def open_dense(window, qtbot, name="dense-layer"):
    assert window.examples.open_example_named(name)
    panel = window.code.panel
    if name not in ("dense-layer", "multi-layer"):  # those open it themselves
        window.code.show_panel()
    qtbot.waitUntil(lambda: window.code.dock.isVisible() and not panel._dirty)
    return panel


def test_dense_example_opens_the_panel_with_the_generated_keras_code_and_w(window, qtbot):
    panel = open_dense(window, qtbot)
    assert panel.target() == "keras"
    assert panel.code_view.toPlainText() == generate(window.network, "keras", ExportOptions(lang="en")).text
    layers = panel.layers_view.toPlainText().splitlines()
    assert layers[0] == "Dense(2, input_shape=(3,))"
    assert "Layer 1: W (3 × 2), a row per input, a column per neuron" in layers
    # rows x0..x2, columns y1, y2, as in the file: 0.8 −0.6 / −0.4 1.2 / 0.3 0.5
    assert [line.split() for line in layers[-4:]] == [["x0", "0.8", "−0.6"], ["x1", "−0.4", "1.2"],
                                                     ["x2", "0.3", "0.5"], ["b", "=", "−θ", "0", "0"]]


def test_the_panel_follows_a_weight_edited_through_a_command(window, qtbot):
    panel = open_dense(window, qtbot)
    assert "2.25" not in panel.code_view.toPlainText()
    window.document.undo_stack.push(commands.SetSynapseParamCommand(window.network, ("x1", "y2"), "weight", 2.25))
    qtbot.waitUntil(lambda: "2.25" in panel.code_view.toPlainText())
    assert panel.code_view.toPlainText() == generate(window.network, "keras").text
    assert panel.layers_view.toPlainText().splitlines()[-3].split() == ["x1", "−0.4", "2.25"]
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "2.25" not in panel.code_view.toPlainText())
    assert panel.layers_view.toPlainText().splitlines()[-3].split() == ["x1", "−0.4", "1.2"]


def test_the_panel_follows_a_batch_edit_such_as_a_training_step(window, qtbot):
    panel = open_dense(window, qtbot)
    batch = commands.SetManyCommand(window.network, [("synapse", ("x1", "y2"), "weight", 2.25),
                                                     ("synapse", ("x0", "y1"), "weight", -1.75)], "Train")
    commands.push(window.document.undo_stack, batch)
    qtbot.waitUntil(lambda: "2.25" in panel.code_view.toPlainText())
    assert panel.layers_view.toPlainText().splitlines()[-3].split() == ["x1", "−0.4", "2.25"]
    assert panel.layers_view.toPlainText().splitlines()[-4].split() == ["x0", "−1.75", "−0.6"]


def test_the_panel_follows_a_structural_batch_edit_and_its_undo(window, qtbot):
    panel = open_dense(window, qtbot)
    stack = window.document.undo_stack
    commands.push(stack, commands.delete_command(window.network, ["y2"], []))
    qtbot.waitUntil(lambda: "Dense(1, input_shape=(3,))" in panel.layers_view.toPlainText())
    assert panel.code_view.toPlainText() == generate(window.network, "keras").text
    stack.undo()
    qtbot.waitUntil(lambda: "Dense(2, input_shape=(3,))" in panel.layers_view.toPlainText())
    assert panel.code_view.toPlainText() == generate(window.network, "keras").text


def test_w_is_shown_for_a_layered_network_built_by_hand_with_a_skip(window, qtbot):
    window.code.show_panel()
    panel = window.code.panel
    network = window.network
    stack = window.document.undo_stack
    for neuron in (Neuron("a", "input"), Neuron("b", "input"), Neuron("h", threshold=0.25), Neuron("o")):
        stack.push(commands.AddNeuronCommand(network, neuron))
    for source, target, w in (("a", "h", 0.5), ("b", "h", -1.5), ("h", "o", 2.0), ("a", "o", 0.75)):
        stack.push(commands.ConnectCommand(network, Synapse(source, target, w)))
    qtbot.waitUntil(lambda: not panel._dirty)
    text = panel.layers_view.toPlainText().splitlines()
    assert text[1].startswith("Dense(1,") and text[1].endswith("# reads a, b, h")
    assert "Layer 2: W (3 × 1), a row per input, a column per neuron" in text
    assert [line.split() for line in text[-4:]] == [["a", "0.75"], ["b", "0"], ["h", "2"], ["b", "=", "−θ", "0"]]
    assert "functional API" in panel.message.text()  # the generator's note, in plain words
    assert panel.code_view.toPlainText() == generate(network, "keras").text


def test_copy_puts_the_code_on_the_clipboard(window, qtbot):
    panel = open_dense(window, qtbot)
    QGuiApplication.clipboard().clear()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == generate(window.network, "keras").text


def test_a_target_that_cannot_run_the_network_shows_the_reason_naming_the_neuron(window, qtbot):
    panel = open_dense(window, qtbot, "xor")
    assert not window.code.dock.isHidden()
    network = window.network
    window.document.undo_stack.push(commands.ConnectCommand(network, Synapse("y", "h1", 1.0)))  # a loop
    qtbot.waitUntil(lambda: not panel._dirty)
    reason = panel.message.text()
    assert "loop" in reason and "h1" in reason and "y" in reason
    assert not panel.code_view.isVisible() and not panel.copy_button.isEnabled()
    assert not panel.layers_box.isVisible()
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.code_view.isVisible())
    panel.set_target("brian2")
    assert "Brian2 runs spiking networks and this one is a rate network" in panel.message.text()


def test_the_target_follows_the_model_and_the_comments_the_language(window, qtbot, monkeypatch):
    from neuron_sim.ui.i18n import language

    panel = open_dense(window, qtbot)
    window.edit.set_network_param("model", "spiking")
    qtbot.waitUntil(lambda: panel.target() == "brian2" and not panel._dirty)
    assert panel.code_view.toPlainText() == generate(window.network, "brian2").text
    monkeypatch.setattr(language.STATE, "language", "ko")
    panel.set_target("pynn")
    assert panel.code_view.toPlainText() == generate(window.network, "pynn", ExportOptions(lang="ko")).text
    assert "PyNN은 v가 임계값을 넘을 때" in panel.message.text()  # a note, in Korean


def test_a_very_large_network_offers_export_instead_of_megabytes(window, qtbot):
    from neuron_sim.ui.panels.code_panel import MAX_LIVE_NEURONS

    big = Network()
    for k in range(MAX_LIVE_NEURONS["rate"] + 1):
        big.add_neuron(Neuron(f"x{k}", "input"))
    window.document.replace(big, None)
    window.code.show_panel()
    panel = window.code.panel
    qtbot.waitUntil(lambda: not panel._dirty)
    assert "Export" in panel.message.text() and str(MAX_LIVE_NEURONS["rate"] + 1) in panel.message.text()
    assert panel.code_view.toPlainText() == "" and panel.export_button.isEnabled()


# ---- File → Export as code… --------------------------------------------------------------------
def export_through_dialog(window, path, target=None, steps=None, lang=None):
    window.code.ask_save_path = lambda suggested: str(path)
    dialog = window.code.export_code(target)
    if steps is not None:
        dialog.steps_box.setValue(steps)
    if lang is not None:
        dialog.lang_box.setCurrentIndex(dialog.lang_box.findData(lang))
    dialog.accept()


def test_export_as_code_writes_what_generate_makes(window, qtbot, tmp_path):
    open_dense(window, qtbot)
    path = tmp_path / "dense.py"
    export_through_dialog(window, path, "pytorch", steps=3, lang="ko")
    assert path.read_text(encoding="utf-8") == generate(window.network, "pytorch",
                                                        ExportOptions(steps=3, lang="ko")).text


def test_export_as_code_of_a_spiking_network_takes_milliseconds(window, qtbot, tmp_path):
    assert window.examples.open_example_named("spiking-chain")
    window.code.ask_save_path = lambda suggested: str(tmp_path / "chain")
    dialog = window.code.export_code()
    assert dialog.target() == "brian2"
    dialog.duration_box.setValue(25.0)
    dialog.accept()
    steps = round(25.0 / window.network.dt_ms)
    assert (tmp_path / "chain.py").read_text(encoding="utf-8") == generate(
        window.network, "brian2", ExportOptions(steps=steps)).text


def test_a_failing_write_leaves_the_old_file_and_says_so(window, qtbot, tmp_path, monkeypatch, errors):
    from neuron_sim.model import atomic_write

    open_dense(window, qtbot)
    path = tmp_path / "dense.py"
    path.write_text("the old file\n", encoding="utf-8")

    def full_disk(_descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", full_disk)
    export_through_dialog(window, path, "keras")
    assert path.read_text(encoding="utf-8") == "the old file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dense.py"]
    assert errors and "No space left on device" in errors[0][1] and "unchanged" in errors[0][1]


def test_a_network_the_framework_cannot_run_is_refused_before_asking_for_a_file(window, qtbot, tmp_path, errors):
    open_dense(window, qtbot)
    asked = []
    window.code.ask_save_path = lambda suggested: asked.append(suggested) or str(tmp_path / "x.py")
    dialog = window.code.export_code("brian2")
    dialog.accept()
    assert not asked and not (tmp_path / "x.py").exists()
    assert errors and "Brian2 runs spiking networks" in errors[0][1]


def test_a_language_change_keeps_the_panel_open_and_speaks_korean(window, qtbot, qapp):
    from neuron_sim.ui.i18n import language

    panel = open_dense(window, qtbot)
    panel.set_target("pytorch")
    try:
        successor = window.reopen_in_language("ko")
        qtbot.addWidget(successor)
        if language.STATE.language != "ko":
            pytest.skip("no Hangul font: Korean falls back to English")
        panel = successor.code.panel
        qtbot.waitUntil(lambda: successor.code.dock.isVisible() and not panel._dirty)
        assert panel.target() == "pytorch"  # the framework chosen stays
        assert panel.code_view.toPlainText() == generate(successor.network, "pytorch", ExportOptions(lang="ko")).text
        assert panel.layers_view.toPlainText().splitlines()[2] == "1층: W (3 × 2), 입력마다 한 행, 뉴런마다 한 열"
        assert successor.code.view_action.text() == "코드로 보기(&C)"
    finally:
        language.apply_language(qapp, "en")


def test_the_panel_is_built_when_its_dock_is_first_shown_and_shows_the_open_network(window, qtbot):
    assert window.code._panel is None  # not at start-up
    assert window.examples.open_example_named("xor")  # a network opened before the panel exists
    window.code.view_action.trigger()  # View → As code
    qtbot.waitUntil(lambda: window.code._panel is not None and not window.code._panel._dirty)
    assert window.code.dock.widget() is window.code.panel
    assert window.code.panel.code_view.toPlainText() == generate(window.network, "keras", ExportOptions(lang="en")).text
    assert window.examples.open_example_named("and-gate")  # and it follows the document from then on
    qtbot.waitUntil(lambda: not window.code.panel._dirty)
    assert window.code.panel.code_view.toPlainText() == generate(window.network, "keras", ExportOptions(lang="en")).text
