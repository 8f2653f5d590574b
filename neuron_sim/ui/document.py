"""The file a person is working on: New, Open, Save, Save As, recent files and unsaved changes.

The window keeps the state (`window.network`, `window.path`, `window.undo_stack`, whose clean state
is "saved"); this object does the file work and the questions, so main_window.py stays about widgets.

A file in the shipped examples folder, however it is reached (File → Open, the command line, Recent
files, a link to it), opens as an untitled copy as the Examples menu opens it, and Save never writes
back into that folder: the examples stay as shipped for the next class.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from neuron_sim.model import Network
from neuron_sim.model.fileformat import NetworkFileError, load, save
from neuron_sim.resources_path import examples_dir

from neuron_sim.ui.i18n.errors import error_text
from neuron_sim.ui.window.examples import all_examples

if TYPE_CHECKING:
    from neuron_sim.ui.window.main_window import MainWindow

MAX_RECENT = 8


def is_shipped_example(path: str | Path) -> bool:
    """True for a file inside the shipped examples folder, also when reached through a link."""
    try:
        return Path(path).resolve().is_relative_to(examples_dir().resolve())
    except (OSError, ValueError):  # a path the system cannot resolve is no example
        return False


class DocumentFiles(QObject):
    def __init__(self, window: MainWindow, settings: QSettings):
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._recent_menu: QMenu | None = None
        self._question_answered = False

    def file_filter(self) -> str:
        return self.tr("Neuron networks (*.json);;All files (*)")

    # ---- unsaved changes -----------------------------------------------------------------
    def ask_to_save(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self._window, self.tr("Unsaved changes"),
            self.tr("The network has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current network: it is saved, saved now, or discarded."""
        window = self._window
        if window.undo_stack.isClean() or self._question_answered:
            return True
        answer = window.ask_to_save()  # through the window: tests and callers replace it there
        if answer == QMessageBox.StandardButton.Save:
            return self.save_file()
        return answer == QMessageBox.StandardButton.Discard

    # ---- New / Open ----------------------------------------------------------------------
    def new_file(self) -> bool:
        if not self.maybe_save():
            return False
        self._window.set_network(Network(), None)
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        window = self._window
        if not self.maybe_save():
            return False
        if path is None:
            start = str(window.path.parent) if window.path else ""
            path, _ = QFileDialog.getOpenFileName(window, self.tr("Open network"), start, self.file_filter())
            if not path:
                return False
        if is_shipped_example(path):
            return self._open_shipped_copy(Path(path))
        try:
            network = load(path)
        except NetworkFileError as error:
            window.show_error(self.tr("Could not open the file"), error_text(error))
            return False
        window.set_network(network, Path(path))
        self.remember_recent(Path(path))
        window.show_message(self.tr("Opened %1").replace("%1", str(path)))
        return True

    def _open_shipped_copy(self, path: Path) -> bool:
        """A shipped example as an untitled copy, as the Examples menu opens it (its look and text
        too when it is one of the menu's); the question about unsaved changes was already asked."""
        window = self._window
        example = next((e for e in all_examples() if e.path.resolve() == path.resolve()), None)
        if example is not None:
            with self._asked_already():
                return window.examples.open_example(example)
        try:
            network = load(path)
        except NetworkFileError as error:
            window.show_error(self.tr("Could not open the file"), error_text(error))
            return False
        window.set_network(network, None)
        window.show_message(self.tr("%1 is a shipped example: it opened as a copy, and Save asks where to keep it.")
                            .replace("%1", path.name))
        return True

    @contextmanager
    def _asked_already(self):
        """Within it, unsaved changes may go without asking again: the person just answered."""
        self._question_answered = True
        try:
            yield
        finally:
            self._question_answered = False

    # ---- Save ----------------------------------------------------------------------------
    def save_file(self) -> bool:
        path = self._window.path
        if path is None or is_shipped_example(path):  # e.g. recovered work that came from an example
            return self.save_file_as()
        return self.save_to(path)

    def save_file_as(self) -> bool:
        window = self._window
        if window.path and not is_shipped_example(window.path):
            start = str(window.path)
        else:
            start = (window.network.name or "network") + ".json"
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Save network"), start, self.file_filter())
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save atomically; on failure the file on disk is untouched and the changes stay unsaved."""
        window = self._window
        try:
            save(window.network, path)
        except NetworkFileError as error:
            reason = error.detail.removeprefix("could not save: ")
            window.show_error(self.tr("Could not save"), self.tr(
                "The network was not saved to %1:\n%2.\n\nThe file on disk is unchanged and your changes are "
                "still open here. Use Save As… to save them somewhere else.")
                .replace("%1", str(path)).replace("%2", reason))
            return False
        window.path = Path(path)
        window.undo_stack.setClean()
        self.remember_recent(Path(path))
        window._update_title()
        window.show_message(self.tr("Saved %1").replace("%1", str(path)))
        return True

    # ---- recent files --------------------------------------------------------------------
    def set_recent_menu(self, menu: QMenu) -> None:
        self._recent_menu = menu
        self._rebuild_recent_menu()

    def remember_recent(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != str(path.resolve())]
        recent.insert(0, str(path.resolve()))
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
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self._window.open_file(p))
        menu.setEnabled(bool(files))
