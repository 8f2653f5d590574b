"""The Examples menu and the start page: each opens an example through the file actions."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from neuron_sim.ui.examples import Example, all_examples, catalogue
from neuron_sim.ui.window.example_info import ExampleInfoBar
from neuron_sim.ui.window.files import FileActions
from neuron_sim.ui.window.start_page import StartPage, show_start_page
from neuron_sim.ui.i18n.filling import fill


class ExamplesMenu(QObject):
    """The Examples menu and the start page; the info bar above the canvas follows the document."""

    error = Signal(str, str)  # title, text
    lesson_chosen = Signal(object)  # a Lesson, from the start page
    lesson_failed = Signal(object)  # the LessonEntry of a chosen lesson whose file has a mistake
    start_page_closed = Signal()  # by a choice, Esc or its close button
    quit_requested = Signal()  # Ctrl+Q on the start page

    def __init__(self, files: FileActions, info_bar: ExampleInfoBar, settings: QSettings, parent: QWidget):
        super().__init__(parent)
        self.files = files
        self.info_bar = info_bar
        self._settings = settings
        self._parent = parent
        files.document.network_replaced.connect(self._network_replaced)
        files.document.example_opened.connect(self._example_opened)
        self.start_page_action = QAction(self.tr("&Start page…"), parent)
        self.start_page_action.setToolTip(self.tr("The classroom examples with pictures, and where to begin"))
        self.start_page_action.triggered.connect(self.show_start_page)
        self.menu = QMenu(self.tr("E&xamples"), parent)
        self.menu.addAction(self.start_page_action)
        self.menu.addSeparator()
        self.example_actions: dict[str, QAction] = {}
        for topic in catalogue():
            submenu = self.menu.addMenu(topic.title)
            for example in topic.examples:
                action = submenu.addAction(example.title)
                action.setToolTip(example.what_to_try)
                action.setStatusTip(example.title)
                action.triggered.connect(lambda checked=False, e=example: self.open_example(e))
                self.example_actions[example.file] = action
        self.start_page: StartPage | None = None

    def _network_replaced(self, _network) -> None:
        self.info_bar.clear()  # its text was about the old one

    def _example_opened(self, example: Example) -> None:
        self.info_bar.show_example(example)

    def release(self) -> None:
        """Stop following the document (a rebuilt window takes it over)."""
        self.files.document.network_replaced.disconnect(self._network_replaced)
        self.files.document.example_opened.disconnect(self._example_opened)
        self.info_bar.clear()

    def open_example(self, example: Example) -> bool:
        """Open `example` as an untitled copy (Save asks for a name), in its look, with its text shown."""
        return self.files.open_example(example)

    def open_example_named(self, name: str) -> bool:
        """`neuron-sim --example dense-layer`: the example whose file is NAME.json."""
        for example in all_examples():
            if example.file == f"{name}.json":
                return self.open_example(example)
        self.error.emit(self.tr("No such example"), fill(self.tr("There is no example called %1."), name))
        return False

    # ---- the start page ------------------------------------------------------------------
    def show_start_page(self) -> None:
        if self.start_page is None:
            self._follow(StartPage(self._settings, self._parent))
        self.start_page.show()
        self.start_page.raise_()
        self.start_page.activateWindow()

    def adopt_start_page(self, page: StartPage) -> None:
        """Follow `page`, shown at launch before this window was built (first_screen.py), as this
        window's own: its choices come here, and once it has closed it opens over this window."""
        self._follow(page)
        page.finished.connect(lambda: page.setParent(self._parent, page.windowFlags()))

    def _follow(self, page: StartPage) -> None:
        self.start_page = page
        page.example_chosen.connect(self.open_example)
        page.lesson_chosen.connect(self.lesson_chosen)
        page.lesson_failed.connect(self.lesson_failed)
        page.finished.connect(self.start_page_closed)
        page.quit_requested.connect(self.quit_requested)

    def show_start_page_if_wanted(self) -> None:
        """At launch without a file: the start page, unless the teacher turned it off."""
        if show_start_page():
            self.show_start_page()
