"""The Korean interface, finished: words a Korean teacher expects, nothing clipped (issue #15)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def korean(qapp):
    from neuron_sim.ui.i18n import language

    assert language.apply_language(qapp, "ko", font_check=lambda: True) == "ko"
    yield
    language.apply_language(qapp, "en")


def test_the_discard_button_says_what_it_does(korean, window):
    box = window.files.unsaved_changes_box()
    assert box.button(QMessageBox.StandardButton.Discard).text() == "저장 안 함"
    assert box.button(QMessageBox.StandardButton.Save).text() == "저장"


def test_the_discard_button_in_english(window):
    box = window.files.unsaved_changes_box()
    assert box.button(QMessageBox.StandardButton.Discard).text() == "Don't Save"


def _toolbar_texts(window) -> list[str]:
    from PySide6.QtWidgets import QToolBar, QToolButton

    texts = []
    for toolbar in window.findChildren(QToolBar):
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton) and action.text():
                texts.append(button.text())
    return texts


def test_toolbar_buttons_show_no_menu_accelerator(korean, window):
    texts = _toolbar_texts(window)
    assert "층 추가" in texts and "뉴런 추가" in texts
    assert not [t for t in texts if re.search(r"\(\w\)|&|…", t)], texts
    window.playback.play()  # a text that changes (Play → Pause) changes on its button too
    assert window.playback_controls.play_action.text() in _toolbar_texts(window)
    window.playback.pause()


def test_toolbar_buttons_in_english(window):
    texts = _toolbar_texts(window)
    assert "Add layer" in texts and "Fit network" in texts
    assert not [t for t in texts if "&" in t or "…" in t], texts


def test_the_step_function_is_named_with_the_textbook_term(korean):
    from neuron_sim.ui.i18n.vocabulary import Vocabulary

    assert "실무율" in Vocabulary().choice("activation", "step")


def _combo_fits(combo) -> bool:
    metrics = combo.fontMetrics()
    longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    return combo.sizeHint().width() >= longest + 20 and combo.width() >= longest + 20  # + the arrow


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_choice_fields_are_as_wide_as_their_longest_item(qapp, qtbot, lang):
    from neuron_sim.ui.i18n import language
    from neuron_sim.ui.window.main_window import MainWindow

    language.apply_language(qapp, lang, font_check=lambda: True)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        assert window.examples.open_example_named("xor")
        neuron = next(nid for nid, n in window.network.neurons.items() if n.kind == "neuron")
        window.scene.select([neuron])
        qtbot.wait(20)
        combo = window.inspector.field("activation").widget
        assert combo.count() > 1
        assert _combo_fits(combo), [combo.itemText(i) for i in range(combo.count())]
    finally:
        language.apply_language(qapp, "en")


def test_qt_file_dialog_speaks_korean(korean, qtbot):
    """Qt's own words (Look in, File name, Files of type) come from the qtbase_ko catalogue PySide6 ships."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] and labels["lookInLabel"] != "Look in:"
    assert re.search(r"[\uac00-\ud7a3]", labels["lookInLabel"] + labels["fileTypeLabel"]), labels
