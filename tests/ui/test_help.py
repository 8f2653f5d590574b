"""Help: the quick guide with pictures the app draws, the keyboard shortcut list, About."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import QMessageBox

from neuron_sim.ui.window.help import render_named_neuron, shortcut_rows


def _non_white_fraction(image: QImage) -> float:
    step = 4
    total = dark = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            dark += QColor(image.pixel(x, y)).lightness() < 200
    return dark / total


def test_help_menu_holds_guide_shortcuts_and_about(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    actions = help_menu.actions()
    assert window.help.guide_action in actions and window.help.shortcuts_action in actions
    assert window.help.about_action in actions
    assert window.help.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_shortcut_list_is_read_from_the_actions(window):
    rows = dict(shortcut_rows(window))
    # Shortcuts that live in different modules: file, edit, layers, playback, tools, this file.
    assert rows["Add layer"] == "Ctrl+L"
    assert rows["Connect all"] == "Ctrl+K"
    assert rows["Play"] == "Space"
    assert rows["Add neuron"] == "N"
    assert rows["Preferences"] == "Ctrl+,"
    assert rows["Quick guide"] == QKeySequence(QKeySequence.StandardKey.HelpContents).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert rows["Nudge a weight"] == "Ctrl+wheel over a synapse"  # gestures, listed by hand
    assert all(keys for keys in rows.values())


def test_a_new_shortcut_appears_in_the_list(window):
    action = window.menuBar().actions()[0].menu().addAction("Frobnicate")
    action.setShortcut(QKeySequence("Ctrl+Alt+F"))
    assert ("Frobnicate", "Ctrl+Alt+F") in shortcut_rows(window)


def test_korean_menu_texts_lose_their_accelerator_brackets(window):
    action = window.menuBar().actions()[0].menu().addAction("새로 만들기(&N)…")
    action.setShortcut(QKeySequence("Ctrl+Alt+N"))
    assert ("새로 만들기", "Ctrl+Alt+N") in shortcut_rows(window)


def test_the_shortcuts_box_lists_them(window, qtbot):
    box = window.help.shortcuts_box()
    qtbot.addWidget(box)
    assert "Ctrl+L" in box.text() and "Add layer" in box.text()


def test_quick_guide_shows_two_pictures_and_the_shortcuts(window, qtbot):
    window.help.guide_action.trigger()
    dialog = window.help.dialog
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    for look in ("biological", "schematic"):
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"neuron-sim:{look}.png"))
        assert isinstance(image, QImage) and image.width() >= 400
        assert 0.02 < _non_white_fraction(image) < 0.6  # a drawing, neither blank nor a black box
    text = document.toPlainText()
    assert "Name the parts" in text and "Ctrl+L" in text and "synapse strength" in text


def test_the_pictures_differ_by_look(qapp):
    biological, schematic = render_named_neuron("biological"), render_named_neuron("schematic")
    assert biological.size() != schematic.size() or biological != schematic


def test_about_names_the_version(window, monkeypatch):
    from neuron_sim import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window.help.about_action.trigger()
    assert shown and __version__ in shown[0][1]
