"""Edit → Preferences…: language, default look, start page; stored in QSettings."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from neuron_sim.ui.i18n import language
from neuron_sim.ui.window.preferences import (
    DEFAULT_LOOK_KEY,
    START_PAGE_KEY,
    PreferencesDialog,
    default_look,
    show_start_page,
)


def _dialog(qtbot) -> PreferencesDialog:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_edit_menu_opens_preferences_with_ctrl_comma(window):
    action = window.preferences_action
    assert action.shortcut() == QKeySequence("Ctrl+,")
    edit_menu = window.menuBar().actions()[1].menu()
    assert action in edit_menu.actions()


def test_defaults_when_nothing_is_stored(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.language_box.currentData() == "system"
    assert dialog.look_box.currentData() == "biological"
    assert dialog.start_page_box.isChecked()
    assert default_look() == "biological" and show_start_page() is True


def test_the_dialog_shows_what_is_stored(qtbot):
    store = language.settings()
    store.setValue(language.LANGUAGE_KEY, "ko")
    store.setValue(DEFAULT_LOOK_KEY, "schematic")
    store.setValue(START_PAGE_KEY, False)
    dialog = _dialog(qtbot)
    assert dialog.language_box.currentData() == "ko"
    assert dialog.look_box.currentData() == "schematic"
    assert not dialog.start_page_box.isChecked()


def test_ok_stores_the_choices_and_cancel_does_not(qtbot):
    dialog = _dialog(qtbot)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.look_box.setCurrentIndex(dialog.look_box.findData("schematic"))
    dialog.start_page_box.setChecked(False)
    dialog.reject()
    store = language.settings()
    assert store.value(language.LANGUAGE_KEY) is None and default_look() == "biological"

    dialog = _dialog(qtbot)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.look_box.setCurrentIndex(dialog.look_box.findData("schematic"))
    dialog.start_page_box.setChecked(False)
    dialog.accept()
    assert language.settings().value(language.LANGUAGE_KEY) == "en"
    assert default_look() == "schematic"
    # The start page reads this key as a bool.
    assert language.settings().value(START_PAGE_KEY, True, type=bool) is False


def test_a_broken_setting_falls_back_to_the_default(qtbot):
    language.settings().setValue(DEFAULT_LOOK_KEY, "cubist")
    assert default_look() == "biological"
    language.settings().setValue(language.LANGUAGE_KEY, "klingon")
    assert language.preferred_language() in language.LANGUAGES


def test_the_dialog_says_when_the_language_changes(qtbot, monkeypatch):
    monkeypatch.setattr(language.STATE, "language", "en")
    monkeypatch.setattr(language, "hangul_font_available", lambda: True)
    dialog = _dialog(qtbot)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert not dialog.language_note.isVisibleTo(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ko"))
    assert dialog.language_note.isVisibleTo(dialog)
    assert "when you press OK" in dialog.language_note.text()


def test_the_dialog_warns_when_no_font_can_show_korean(qtbot, monkeypatch):
    monkeypatch.setattr(language, "hangul_font_available", lambda: False)
    dialog = _dialog(qtbot)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ko"))
    assert "fonts-nanum" in dialog.language_note.text()


def test_language_names_are_written_in_their_own_language(qtbot):
    dialog = _dialog(qtbot)
    names = [dialog.language_box.itemText(i) for i in range(dialog.language_box.count())]
    assert "English" in names and "한국어" in names


def test_default_look_is_used_at_start(qtbot):
    """Every window a launch builds (open_window, or the one the start page hands over to) draws in
    the stored look when --look is not given; --look wins."""
    from neuron_sim.ui.window import launch

    language.settings().setValue(DEFAULT_LOOK_KEY, "schematic")
    stored, asked = launch.new_window(), launch.new_window("blocks")
    for window in (stored, asked):
        qtbot.addWidget(window)
    assert stored.scene.look == "schematic" and asked.scene.look == "blocks"


def test_the_note_that_appears_is_never_clipped(qtbot, monkeypatch):
    """Choosing another language shows a two-line note: the shown dialog grows to hold all of it,
    and the buttons stay below it (in a real window the note overlapped the fields)."""
    monkeypatch.setattr(language.STATE, "language", "en")
    monkeypatch.setattr(language, "hangul_font_available", lambda: True)
    dialog = _dialog(qtbot)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ko"))
    qtbot.waitUntil(lambda: dialog.language_note.height()
                    >= dialog.language_note.heightForWidth(dialog.language_note.width()))
    note = dialog.language_note.geometry()
    assert dialog.rect().contains(note)
    assert dialog.look_box.geometry().top() >= note.bottom()


def test_the_memory_for_traces_applies_to_the_open_network(qtbot, window, monkeypatch):
    from neuron_sim.model.recording import DEFAULT_CAPACITY, capacity_for
    from neuron_sim.ui.playback import DEFAULT_RECORDING_MB, RECORDING_MEMORY_KEY, recording_memory_mb
    from neuron_sim.ui.window import preferences

    assert recording_memory_mb() == DEFAULT_RECORDING_MB
    dialog = _dialog(qtbot)
    assert dialog.recording_box.value() == DEFAULT_RECORDING_MB
    dialog.recording_box.setValue(1)
    dialog.accept()
    assert int(language.settings().value(RECORDING_MEMORY_KEY)) == 1 == recording_memory_mb()

    neurons = len(window.network.neurons)
    monkeypatch.setattr(preferences.PreferencesDialog, "exec", lambda self: preferences.QDialog.DialogCode.Accepted)
    assert window.playback.player.recording_bytes == DEFAULT_RECORDING_MB << 20
    window.preferences_action.trigger()  # OK with the stored choice: the open network follows it
    assert window.playback.player.recording_bytes == 1 << 20
    assert window.playback.recorder.capacity == capacity_for(neurons, 1 << 20)
    assert capacity_for(100_000, 1 << 20) < DEFAULT_CAPACITY
