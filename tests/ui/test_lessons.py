"""The guided lessons in the window: every page's task done through the UI (clicks, typing in the
inspector, Connect all, Add layer, the Train dock) and accepted; a wrong try refused with its hint;
Next, Back, Reset page and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from neuron_sim.ui.window.dialogs import AddLayerDialog
from tests.ui.canvas_helpers import click, synapse_midpoint
from tests.ui.inspector.helpers import type_into


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def start(window, name: str, page: int):
    assert window.lessons.start_named(name, page)
    settle()
    return window.lessons


def press(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_neuron(qtbot, window, nid: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.view.centerOn(*window.network.neurons[nid].position)
    click(qtbot, window, *window.network.neurons[nid].position, modifier)


def click_synapse(qtbot, window, key) -> None:
    point = synapse_midpoint(window, key)
    window.view.centerOn(*point)
    click(qtbot, window, *point)
    assert window.scene.selected_synapse_keys() == [key]


def accepted(window) -> bool:
    return window.lessons.done and "Done" in window.lesson_bar.status_text()


def refused_with_hint(qtbot, window) -> bool:
    press(qtbot, window.lesson_bar.check_button)
    hint = window.lessons.lesson.pages[window.lessons.index].task.hint.en
    return not window.lessons.done and hint in window.lesson_bar.status_text()


# ---- the menu and the start page -------------------------------------------------------------------
def test_help_lessons_lists_both_lessons_and_starts_one(window):
    titles = [action.text() for action in window.lessons.menu.actions()]
    assert titles == ["The concept of the neuron", "Deep learning and the brain"]
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.lessons.menu.menuAction() in help_menu.actions()
    window.lessons.lesson_actions["concept-of-the-neuron"].trigger()
    settle()
    bar = window.lesson_bar
    assert bar.isVisible() and bar.progress_label.text() == "Page 1 of 8"
    assert bar.title_label.text() == "The concept of the neuron · A neuron in the brain"
    assert window.look_actions["biological"].isChecked() and window.name_parts.action.isChecked()
    assert not bar.back_button.isEnabled() and bar.next_button.isEnabled()


def test_the_start_page_has_a_lesson_row_whose_cards_start_the_lessons(window, qtbot):
    window.examples.show_start_page()
    page = window.examples.start_page
    assert [card.title.text() for card in page.lesson_cards] == ["The concept of the neuron",
                                                                  "Deep learning and the brain"]
    qtbot.mouseClick(page.lesson_cards[1], Qt.MouseButton.LeftButton)
    settle()
    assert not page.isVisible()
    assert window.lessons.lesson.id == "deep-learning-and-the-brain" and window.lessons.index == 0


# ---- every task, through the UI --------------------------------------------------------------------
def switch(qtbot, window, nid: str) -> None:
    """Click the input on the canvas: it switches once no double click can follow."""
    before = window.network.neurons[nid].value
    click_neuron(qtbot, window, nid)
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    settle()
    assert window.network.neurons[nid].value == 1 - before


def choose(qtbot, combo, value: str) -> None:
    """Open the combo box's list with a click and pick `value` in it with the keys."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    settle()
    view = combo.view()
    assert view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(combo.findData(value)):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    settle()
    assert combo.currentData() == value


def test_page_1_switch_an_input_on_until_y_fires(window, qtbot):
    start(window, "concept-of-the-neuron", 0)
    assert refused_with_hint(qtbot, window)
    switch(qtbot, window, "x2")  # a negative weight: still silent
    assert window.network.neurons["x2"].value == 1 and not window.lessons.done
    switch(qtbot, window, "x1")  # 0.6 + 0.6 − 0.5 = 0.7
    assert window.network.neurons["x1"].value == 1 and not accepted(window)
    switch(qtbot, window, "x2")  # off again: 1.2 reaches θ = 1
    assert window.network.neurons["x2"].value == 0 and accepted(window)


def test_page_2_only_the_threshold_makes_an_and_gate(window, qtbot):
    start(window, "concept-of-the-neuron", 1)
    click_neuron(qtbot, window, "y")
    type_into(qtbot, window.inspector.field("threshold").box, "2.5")  # nothing fires: not AND
    assert refused_with_hint(qtbot, window)
    type_into(qtbot, window.inspector.field("threshold").box, "1.5")
    assert accepted(window)
    window.undo_action.trigger()  # back to 2.5: no longer done
    assert not window.lessons.done and window.lesson_bar.status_text() == ""
    window.redo_action.trigger()
    assert accepted(window)


def test_page_3_one_weight_only(window, qtbot):
    start(window, "concept-of-the-neuron", 2)
    click_synapse(qtbot, window, ("x0", "y"))
    type_into(qtbot, window.inspector.field("weight").box, "0.7")
    click_synapse(qtbot, window, ("x2", "y"))
    type_into(qtbot, window.inspector.field("weight").box, "0.4")  # fires, but two weights changed
    assert refused_with_hint(qtbot, window)
    press(qtbot, window.lesson_bar.reset_button)
    assert window.network == window.lessons.lesson.pages[2].network()
    click_synapse(qtbot, window, ("x2", "y"))
    type_into(qtbot, window.inspector.field("weight").box, "0.4")
    assert accepted(window)


def test_page_4_the_blue_block_becomes_a_sigmoid(window, qtbot):
    start(window, "concept-of-the-neuron", 3)
    click_neuron(qtbot, window, "y")
    combo = window.inspector.field("activation").widget
    choose(qtbot, combo, "relu")
    assert window.network.neurons["y"].activation == "relu"
    assert refused_with_hint(qtbot, window)
    choose(qtbot, combo, "sigmoid")
    assert accepted(window)


def test_page_5_connect_all_completes_the_3_by_2_layer(window, qtbot):
    start(window, "concept-of-the-neuron", 4)
    assert len(window.network.synapses) == 4 and refused_with_hint(qtbot, window)
    click_neuron(qtbot, window, "x0")
    click_neuron(qtbot, window, "y1", Qt.KeyboardModifier.ControlModifier)
    window.edit.connect_all_action.trigger()  # one missing synapse, x0 → y2 is still missing
    assert not window.lessons.done
    window.edit.select_all_action.trigger()
    button = window.tools_toolbar.widgetForAction(window.edit.connect_all_action)
    press(qtbot, button)
    assert len(window.network.synapses) == 6 and accepted(window)


def test_page_7_a_second_layer_stacked_with_add_layer_and_connect_all(window, qtbot):
    start(window, "concept-of-the-neuron", 6)

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddLayerDialog) and w.isVisible())
        dialog.count_box.setValue(1)
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.edit.add_layer_action.trigger()
    new = window.scene.selected_neuron_ids()
    assert len(new) == 1
    assert refused_with_hint(qtbot, window)  # not connected yet
    click_neuron(qtbot, window, "y1", Qt.KeyboardModifier.ControlModifier)
    click_neuron(qtbot, window, "y2", Qt.KeyboardModifier.ControlModifier)
    window.edit.connect_all_action.trigger()
    assert {("y1", new[0]), ("y2", new[0])} <= set(window.network.synapses)
    assert accepted(window)


def test_lesson_2_page_2_one_weight_makes_a_reach_0_9(window, qtbot):
    start(window, "deep-learning-and-the-brain", 1)
    click_synapse(qtbot, window, ("x1", "a"))
    type_into(qtbot, window.inspector.field("weight").box, "2")  # a = σ(1.0) ≈ 0.73
    assert refused_with_hint(qtbot, window)
    type_into(qtbot, window.inspector.field("weight").box, "4")  # a = σ(3.0) ≈ 0.95
    assert accepted(window)


def test_lesson_2_page_4_the_train_dock_teaches_xor(window, qtbot):
    start(window, "deep-learning-and-the-brain", 3)
    training = window.training
    dock = training.dock
    assert dock.isVisible() and dock.epochs_box.value() == 1000  # the learn-xor example's settings
    assert refused_with_hint(qtbot, window)
    press(qtbot, dock.step_epoch_button)  # one epoch is not enough
    assert not window.lessons.done
    press(qtbot, dock.train_button)
    while training.session.running:  # the timer's slices, run here one after another
        training.session._slice()
    assert accepted(window)


# ---- the way through -------------------------------------------------------------------------------
def test_next_and_back_keep_the_students_network_and_the_last_page_says_so(window, qtbot):
    lessons = start(window, "concept-of-the-neuron", 1)
    bar = window.lesson_bar
    click_neuron(qtbot, window, "y")
    type_into(qtbot, window.inspector.field("threshold").box, "1.5")
    assert accepted(window)
    press(qtbot, bar.next_button)
    assert lessons.index == 2 and bar.progress_label.text() == "Page 3 of 8" and bar.status_text() == ""
    assert window.look_actions["schematic"].isChecked()
    press(qtbot, bar.back_button)
    assert lessons.index == 1 and window.network.neurons["y"].threshold == 1.5 and accepted(window)
    lessons.show_page(7)
    assert not bar.next_button.isEnabled() and window.code.dock.isVisible()


def test_opening_an_example_ends_the_lesson(window):
    start(window, "concept-of-the-neuron", 0)
    window.examples.open_example_named("xor")
    assert not window.lessons.active and not window.lesson_bar.isVisible()


@pytest.mark.parametrize("name", ["concept-of-the-neuron", "deep-learning-and-the-brain"])
def test_every_page_opens(window, name):
    lessons = start(window, name, 0)
    for index, page in enumerate(lessons.lesson.pages):
        lessons.show_page(index)
        assert window.network == page.network() and window.look_actions[page.look].isChecked()
        assert not lessons.task_done()


def test_a_lesson_file_with_a_mistake_is_listed_and_says_what_is_wrong(qtbot, tmp_path, monkeypatch):
    from neuron_sim.resources_path import lessons_dir
    from neuron_sim.ui.lessons import catalogue
    from neuron_sim.ui.window import lessons as lesson_actions
    from neuron_sim.ui.window.main_window import MainWindow

    good = (lessons_dir() / "concept-of-the-neuron.json").read_text(encoding="utf-8")
    (tmp_path / "good.json").write_text(good, encoding="utf-8")
    (tmp_path / "broken.json").write_text(good.replace('"look": "biological"', '"look": "cartoon"', 1),
                                          encoding="utf-8")
    monkeypatch.setattr(lesson_actions, "lesson_entries", lambda: catalogue.lesson_entries(tmp_path))
    window = MainWindow()
    qtbot.addWidget(window)
    errors = []
    window.show_error = lambda title, text, detail="": errors.append((title, text))
    titles = [action.text() for action in window.lessons.menu.actions()]
    assert titles == ["The concept of the neuron", "broken.json (cannot be read)"]
    window.lessons.menu.actions()[1].trigger()
    assert errors and errors[0][0] == "Could not open the lesson"
    assert "pages[0].look" in errors[0][1] and "cartoon" in errors[0][1]
    assert not window.lessons.active


# ---- a change of language -------------------------------------------------------------------------
def test_a_change_of_language_goes_on_with_the_lesson(window, qtbot, qapp):
    """The rebuilt window shows the same page in Korean, with the student's network and undo as they
    were, the task still checked against the page's own start, and the pages left behind kept."""
    from PySide6.QtWidgets import QMessageBox

    from neuron_sim.ui.i18n import language

    lessons = start(window, "concept-of-the-neuron", 1)
    click_neuron(qtbot, window, "y")
    type_into(qtbot, window.inspector.field("threshold").box, "1.5")
    assert accepted(window)
    press(qtbot, window.lesson_bar.next_button)  # page 3; page 2 is kept, done
    page_3 = lessons.lesson.pages[2]
    click_synapse(qtbot, window, ("x0", "y"))
    type_into(qtbot, window.inspector.field("weight").box, "0.7")  # one weight changed, y still silent
    assert not lessons.done
    try:
        korean = window.reopen_in_language("ko")
        qtbot.addWidget(korean)
        korean.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        settle()
        lessons, bar = korean.lessons, korean.lesson_bar
        assert lessons.active and lessons.index == 2 and bar.isVisible()
        assert bar.title_label.text() == lessons.lesson.title.ko + " · " + page_3.title.ko
        assert bar.progress_label.text() == "8쪽 중 3쪽"
        assert korean.network.synapses[("x0", "y")].weight == 0.7  # the student's edit stays
        click_synapse(qtbot, korean, ("x2", "y"))
        type_into(qtbot, korean.inspector.field("weight").box, "0.4")  # y fires, but two weights changed
        press(qtbot, bar.check_button)
        assert not lessons.done and page_3.task.hint.ko in bar.status_text()
        korean.undo_action.trigger()
        korean.undo_action.trigger()  # undo reaches the edit made before the change: 0.7 goes
        assert korean.network.synapses[("x0", "y")].weight == page_3.network().synapses[("x0", "y")].weight
        click_synapse(qtbot, korean, ("x2", "y"))
        type_into(qtbot, korean.inspector.field("weight").box, "0.4")  # alone: the page's task
        assert lessons.done and "해냈습니다" in bar.status_text()
        press(qtbot, bar.back_button)
        assert lessons.index == 1 and korean.network.neurons["y"].threshold == 1.5 and lessons.done
    finally:
        language.apply_language(qapp, "en")


def test_a_page_made_from_an_example_speaks_the_interface_language(window, qtbot, qapp):
    """A page opens its example with the example's texts in the interface language, as the Examples
    menu does; after a change of language they follow, on the page shown and on a page kept (Back),
    and a label the student typed stays as typed."""
    import re

    from PySide6.QtWidgets import QMessageBox

    from neuron_sim.ui.i18n import language

    hangul = re.compile(r"[\uac00-\ud7a3]")
    lessons = start(window, "deep-learning-and-the-brain", 2)  # the STDP example
    assert window.network.name == "Backprop or the brain? 2: STDP"
    window.scene.select(["teacher"])
    line = window.inspector.field("label").widget
    line.setText("my teacher")
    line.setModified(True)
    line.editingFinished.emit()
    press(qtbot, window.lesson_bar.next_button)  # page 4, the XOR example; page 3 is kept
    assert lessons.index == 3 and not hangul.search(window.network.name)
    try:
        korean = window.reopen_in_language("ko")
        qtbot.addWidget(korean)
        korean.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        settle()
        assert hangul.search(korean.network.name) and hangul.search(korean.network.description)
        press(qtbot, korean.lesson_bar.back_button)
        assert korean.lessons.index == 2
        assert hangul.search(korean.network.name) and hangul.search(korean.network.description)
        assert korean.network.neurons["teacher"].label == "my teacher"
        korean.lesson_bar.reset_button.click()  # the page as it opens in Korean
        assert hangul.search(korean.network.name) and korean.network.neurons["teacher"].label != "my teacher"
    finally:
        language.apply_language(qapp, "en")


def test_a_lesson_started_in_korean_opens_its_examples_in_korean(window, qtbot, qapp):
    from PySide6.QtWidgets import QMessageBox

    from neuron_sim.ui.i18n import language

    try:
        korean = window.reopen_in_language("ko")
        qtbot.addWidget(korean)
        korean.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        start(korean, "deep-learning-and-the-brain", 2)
        korean.scene.select([])
        settle()
        name = korean.inspector.field("name").widget.text()
        assert name == korean.network.name and name != "Backprop or the brain? 2: STDP"
        assert "STDP" in name and any("\uac00" <= c <= "\ud7a3" for c in name)
    finally:
        language.apply_language(qapp, "en")


def test_a_pages_own_network_is_named_after_the_page_in_the_interface_language(window, qtbot, qapp):
    from PySide6.QtWidgets import QMessageBox

    from neuron_sim.ui.i18n import language

    lessons = start(window, "concept-of-the-neuron", 4)  # an inline network, named in the file in English
    page = lessons.lesson.pages[4]
    assert lessons.lesson.pages[4].example is None and window.network.name == page.title.en
    try:
        korean = window.reopen_in_language("ko")
        qtbot.addWidget(korean)
        korean.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        settle()
        assert korean.network.name == page.title.ko == "세 개의 신호, 두 개의 뉴런"
        assert not korean.document.undo_stack.canUndo() and korean.document.is_clean()  # no edit
        press(qtbot, korean.lesson_bar.back_button)
        press(qtbot, korean.lesson_bar.next_button)
        assert korean.network.name == page.title.ko
    finally:
        language.apply_language(qapp, "en")
