"""New, Open, Save, Save As, Open Recent: the file dialogs and questions around the document.

The document does the work (ui/document.py); this helper asks the person (which file, save the
changes first?), remembers recent files and reports what happened through `message` and `error`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from neuron_sim.model import ModelError
from neuron_sim.model.fileformat import NetworkFileError

from neuron_sim.ui.document import Document, Opened
from neuron_sim.ui.examples import Example, resolved
from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.i18n.filling import fill
from neuron_sim.ui.window import file_errors
from neuron_sim.ui import plain_text

if TYPE_CHECKING:  # the Neuronify reader and writer load with the first file opened or saved
    from neuron_sim.model.neuronify import NeuronifyNotice

MAX_RECENT = 8


class FileActions(QObject):
    message = Signal(str)  # for the status bar
    error = Signal(str, str, str)  # title, text, technical detail ("" for none): for a message box
    notice = Signal(str, str)  # title, text: what a Neuronify file could not bring or take, shown once

    def __init__(self, document: Document, settings: QSettings, parent: QWidget):
        super().__init__(parent)
        self.document = document
        self._parent = parent
        self._settings = settings
        self._recent_menu: QMenu | None = None
        document.example_opened.connect(self._example_opened)

    def release(self) -> None:
        """Stop following the document (a rebuilt window takes it over)."""
        self.document.example_opened.disconnect(self._example_opened)

    def file_filter(self) -> str:
        return self.tr("Neuron networks (*.json);;All files (*)")

    def open_filter(self) -> str:
        return self.tr("Neuron networks and Neuronify circuits (*.json *.nfy);;Neuron networks (*.json);;"
                       "Neuronify circuits (*.nfy);;All files (*)")

    def neuronify_filter(self) -> str:
        return self.tr("Neuronify circuits, version 4 (*.nfy)")

    # ---- unsaved changes -----------------------------------------------------------------
    def unsaved_changes_box(self) -> QMessageBox:
        """The question about unsaved changes: Save, Don't Save, Cancel."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The network has changes that are not saved. Save them first?"),
                          buttons.Save | buttons.Discard | buttons.Cancel, self._parent)
        box.setDefaultButton(buttons.Save)
        # Qt's own word for Discard reads "무시" (ignore) in Korean: say what it does.
        box.button(buttons.Discard).setText(self.tr("Don't Save"))
        return box

    def ask_to_save(self) -> QMessageBox.StandardButton:
        """Ask what to do with unsaved changes (tests replace this)."""
        box = self.unsaved_changes_box()
        box.exec()
        return box.standardButton(box.clickedButton()) if box.clickedButton() else QMessageBox.StandardButton.Cancel

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open network: it is saved, saved now, or discarded."""
        if self.document.is_clean():
            return True
        answer = self.ask_to_save()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ---- New / Open ----------------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.new()
        return True

    def open(self, path: str | Path | None = None) -> bool:
        """Open `path`, or the file the person picks; False when nothing was opened."""
        if not self.maybe_save():
            return False
        if path is None:
            current = self.document.path
            start = str(current.parent) if current else ""
            path, _ = QFileDialog.getOpenFileName(self._parent, self.tr("Open network"), start, self.open_filter())
            if not path:
                return False
        try:
            opened = self.document.open(path)
        except NetworkFileError as error:
            self.error.emit(self.tr("Could not open the file"), *file_errors.explain(error))
            return False
        if opened is Opened.FILE:
            self.remember_recent(Path(path))
            self.message.emit(fill(self.tr("Opened %1"), path))
        elif opened is Opened.NEURONIFY:
            self.remember_recent(Path(path))
            self.message.emit(fill(self.tr("Opened the Neuronify circuit %1: Save asks where to keep it as a "
                                           "network file."), Path(path).name))
            notices = self.document.neuronify.unsupported if self.document.neuronify else []
            if notices:
                heading = fill(self.tr("%1 opened. These parts of it are imported approximately or left out:"),
                               Path(path).name)
                self._tell(self.tr("Opened from Neuronify"), heading, notices)
        elif opened is Opened.SHIPPED_COPY:
            self.message.emit(fill(self.tr("%1 is a shipped example: it opened as a copy, and Save asks where to "
                                           "keep it."), Path(path).name))
        return True

    def open_example(self, example: Example) -> bool:
        """Open `example` as an untitled copy (Save asks for a name)."""
        if not self.maybe_save():
            return False
        try:
            self.document.open_example(example)
        except NetworkFileError as error:  # a damaged installation: say so, keep the open network
            self.error.emit(self.tr("Could not open the example"), error_text(error), "")
            return False
        return True

    def _example_opened(self, example: Example) -> None:
        self.message.emit(self.tr("Example: %1. It is a copy: Save asks where to keep it.").replace("%1", example.title))

    # ---- Save ----------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.document.can_save_in_place():  # untitled, or e.g. recovered work from an example
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        document = self.document
        start = str(document.path) if document.can_save_in_place() else (document.network.name or "network") + ".json"
        filters = f"{self.file_filter()};;{self.neuronify_filter()}"
        path, chosen = QFileDialog.getSaveFileName(self._parent, self.tr("Save network"), start, filters)
        if not path:
            return False
        from neuron_sim.model.neuronify import is_nfy

        if is_nfy(path) or chosen == self.neuronify_filter():
            return self.save_neuronify(Path(path if is_nfy(path) else path + ".nfy"))
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save atomically; on failure the file on disk is untouched and the changes stay unsaved."""
        try:
            self.document.save(path)
        except NetworkFileError as error:
            reason = error.detail.removeprefix("could not save: ")
            self.error.emit(self.tr("Could not save"), self.tr(
                "The network was not saved to %1:\n%2.\n\nThe file on disk is unchanged and your changes are "
                "still open here. Use Save As… to save them somewhere else.")
                .replace("%1", str(path)).replace("%2", reason), "")
            return False
        self.remember_recent(Path(path))
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def save_neuronify(self, path: Path) -> bool:
        """Write a Neuronify file (an export: the network's own file and saved state stay) and say once
        what Neuronify cannot hold."""
        try:
            left_out = self.document.save_neuronify(path)
        except (NetworkFileError, ModelError) as error:
            self.error.emit(self.tr("Could not save"), fill(self.tr(
                "The network was not saved as a Neuronify file:\n%1\n\nAn existing file there is unchanged."),
                error_text(error)), "")
            return False
        self.message.emit(fill(self.tr("Saved %1 as a Neuronify file (version 4)"), str(path)))
        if left_out:
            heading = fill(self.tr("%1 saved. Neuronify cannot hold these parts of the network:"), path.name)
            self._tell(self.tr("Saved for Neuronify"), heading, left_out)
        return True

    def _tell(self, title: str, heading: str, notices: list[NeuronifyNotice]) -> None:
        lines = "\n".join(f"• {error_text(notice)}" for notice in notices)
        self.notice.emit(title, f"{heading}\n\n{lines}")

    # ---- recent files --------------------------------------------------------------------
    def set_recent_menu(self, menu: QMenu) -> None:
        self._recent_menu = menu
        self._rebuild_recent_menu()

    def remember_recent(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != str(resolved(path))]
        recent.insert(0, str(resolved(path)))
        self._settings.setValue("recent_files", recent[:MAX_RECENT])
        self._rebuild_recent_menu()

    def recent_files(self) -> list[str]:
        value = self._settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _rebuild_recent_menu(self) -> None:
        menu = self._recent_menu
        if menu is None:
            return
        menu.clear()
        files = self.recent_files()
        for path in files:
            action = menu.addAction(Path(path).name)
            action.setToolTip(plain_text.tooltip(path))
            action.triggered.connect(lambda checked=False, p=path: self.open(p))
        menu.setEnabled(bool(files))
