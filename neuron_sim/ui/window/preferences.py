"""Edit → Preferences… (Ctrl+,): language, the look of new windows, the start page, the memory
the trace recording may take.

Stored with QSettings("neuron-sim", "neuron-sim"): "language" ("system", "en", "ko"),
"default_look" ("biological", "schematic", "blocks"), "show_start_page" (bool, read by the start
page) and "recording_memory_mb" (read by the playback: ui/playback.py). A new language applies at
once: the main window is rebuilt around the same document; a new recording memory applies to the
open network at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neuron_sim.model.run_memory import memory_limit
from neuron_sim.ui.i18n import language
from neuron_sim.ui.playback import RECORDING_MEMORY_KEY, recording_memory_mb
from neuron_sim.ui.window.start_page import START_PAGE_KEY, show_start_page

LOOKS = ("biological", "schematic", "blocks")
DEFAULT_LOOK_KEY = "default_look"
# Language names are written in their own language, so anyone can find theirs.
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


def default_look() -> str:
    value = str(language.settings().value(DEFAULT_LOOK_KEY, "biological"))
    return value if value in LOOKS else "biological"


class PreferencesDialog(QDialog):
    """Reads the settings when opened, writes them on OK; Cancel changes nothing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(460)
        store = language.settings()
        form = QFormLayout()

        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        system = language.system_language()
        self.language_box.addItem(self.tr("System (%1)").replace("%1", LANGUAGE_NAMES[system]), "system")
        for code in language.LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self._select(self.language_box, str(store.value(language.LANGUAGE_KEY, "system")))
        form.addRow(self.tr("&Language:"), self.language_box)
        self.language_note = QLabel()
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)

        self.look_box = QComboBox()
        self.look_box.setObjectName("default_look")
        self.look_box.addItem(self.tr("Biological (cells)"), "biological")
        self.look_box.addItem(self.tr("Schematic (Σ and f)"), "schematic")
        self.look_box.addItem(self.tr("Blocks (× w, Σ, f)"), "blocks")
        self._select(self.look_box, default_look())
        self.look_box.setToolTip(self.tr("How neurons are drawn when neuron-sim starts"))
        form.addRow(self.tr("Default &look:"), self.look_box)

        self.start_page_box = QCheckBox(self.tr("Show the &start page at launch"))
        self.start_page_box.setObjectName("show_start_page")
        self.start_page_box.setChecked(show_start_page())
        form.addRow("", self.start_page_box)

        self.recording_box = QSpinBox()
        self.recording_box.setObjectName("recording_memory")
        self.recording_box.setRange(1, max(1, memory_limit() >> 20))
        self.recording_box.setSuffix(self.tr(" MB"))
        self.recording_box.setValue(recording_memory_mb())
        self.recording_box.setToolTip(self.tr(
            "How much memory the Traces dock's recording may take. A small network keeps its last "
            "4,000 samples; a large one keeps as many as fit, and the dock says when older ones are "
            "no longer kept."))
        form.addRow(self.tr("&Memory for traces:"), self.recording_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows with the note, never clips it
        column.addLayout(form)
        column.addWidget(buttons)
        self.language_box.currentIndexChanged.connect(self._update_note)
        self._update_note()

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        box.setCurrentIndex(index if index >= 0 else 0)

    def chosen_language(self) -> str:
        """The language the current choice means ("en" or "ko")."""
        choice = self.language_box.currentData()
        return language.system_language() if choice == "system" else choice

    def _update_note(self) -> None:
        notes = []
        if self.chosen_language() == "ko" and not language.hangul_font_available():
            notes.append(self.tr("No installed font has Korean (Hangul) letters, so neuron-sim will stay in "
                                 "English. Install fonts-nanum or fonts-noto-cjk."))
        elif self.chosen_language() != language.STATE.language:
            notes.append(self.tr("The window changes to this language when you press OK; your network, "
                                 "its undo history and the view stay as they are."))
        self.language_note.setText("\n".join(notes))
        self.language_note.setVisible(bool(notes))

    def accept(self) -> None:
        store = language.settings()
        store.setValue(language.LANGUAGE_KEY, self.language_box.currentData())
        store.setValue(DEFAULT_LOOK_KEY, self.look_box.currentData())
        store.setValue(START_PAGE_KEY, self.start_page_box.isChecked())
        store.setValue(RECORDING_MEMORY_KEY, self.recording_box.value())
        store.sync()
        super().accept()


def add_preferences_action(parent: QWidget, menu: QMenu,
                           language_chosen: Callable[[str], None] | None = None,
                           accepted: Callable[[], None] | None = None) -> QAction:
    """Edit → Preferences… (Ctrl+,); `accepted()` after OK, then `language_chosen(code)` when OK
    chose another language."""
    action = QAction(QCoreApplication.translate("PreferencesDialog", "&Preferences…"), parent)
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip(QCoreApplication.translate(
        "PreferencesDialog", "Language, the look neuron-sim starts with, the start page, memory for traces"))
    def ask() -> None:
        dialog = PreferencesDialog(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if accepted is not None:
            accepted()
        if language_chosen is not None:
            chosen = dialog.chosen_language()
            if chosen != language.STATE.language:
                language_chosen(chosen)

    action.triggered.connect(ask)
    menu.addSeparator()
    menu.addAction(action)
    return action


def show_language_notices_when_shown(window: QWidget) -> None:
    """Once the window is up: say (once) that Korean needs a Hangul font, if it fell back to English."""
    QTimer.singleShot(0, window, lambda: language.warn_missing_font_once(window))
