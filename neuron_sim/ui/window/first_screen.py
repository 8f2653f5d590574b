"""The first screen of `neuron-sim` with nothing asked: the start page, alone, as soon as Qt can paint it.

The page needs only its own texts (the examples' catalogue, the lessons' outlines) and Qt's widgets,
so it paints before numpy, the engines and the canvas are imported. Right after its first paint the
main window is built, hidden, and takes the page over (ExamplesMenu.adopt_start_page); when the page
closes (a card chosen, Empty network, Esc or its close button) the window is shown, with the choice
opened in it. A teacher reading the cards never waits for the window; the bench measures both
(bench/startup.py, docs/performance.md).

The page comes first only at a plain launch that would show it anyway ("Show at start" on, or
--start-page) and with no recovered work to offer; otherwise launch.open_window shows the window
first with the page, if wanted, over it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

from neuron_sim.ui.window.recovery_files import orphaned_copy_waits
from neuron_sim.ui.window.start_page import StartPage, show_start_page

if TYPE_CHECKING:
    from neuron_sim.ui.window.main_window import MainWindow

#: the window is built after this long even if the page has not painted (a minimised or hidden screen)
BUILD_ANYWAY_MS = 1000


def start_page_comes_first(forced: bool = False) -> bool:
    """Whether a plain launch shows the start page first: it is wanted ("Show at start", or `forced`
    by --start-page), and no recovery copy waits (the question about it is asked over the window)."""
    return (forced or show_start_page()) and not orphaned_copy_waits()


class StartPageFirst(QObject):
    """The start page shown alone; the main window built after the page's first paint, shown when
    the page closes."""

    def __init__(self, make_window: Callable[[], MainWindow]) -> None:
        """`make_window` builds the main window, not shown (launch.new_window)."""
        super().__init__()
        self._make_window = make_window
        self.window: MainWindow | None = None
        self.page = StartPage(QSettings("neuron-sim", "neuron-sim"))
        self.page.first_painted.connect(self.build_window)
        self.page.finished.connect(self._show_window)
        self.page.quit_requested.connect(self._quit)
        self.page.show()
        self.page.activateWindow()  # the keyboard on its cards (Tab, Enter), also where no window manager gives it
        QTimer.singleShot(BUILD_ANYWAY_MS, self, self.build_window)

    def build_window(self) -> MainWindow:
        """The main window, hidden, following the page (built once)."""
        if self.window is None:
            self.window = self._make_window()
            self.window.examples.adopt_start_page(self.page)
        return self.window

    def _quit(self) -> None:
        """Ctrl+Q on the page while it is the only window: nothing to save, the app ends (once the
        window is up, its own Quit asks about unsaved work)."""
        if self.window is None or not self.window.isVisible():
            QCoreApplication.quit()

    def _show_window(self) -> None:
        from neuron_sim.ui.window.preferences import show_language_notices_when_shown

        self.page.finished.disconnect(self._show_window)  # once: the page may be opened again later
        built = self.window is not None
        window = self.build_window()
        window.show()
        window.activateWindow()
        if not built:  # closed before the window followed it: what the window's own handlers do
            self.page.setParent(window, self.page.windowFlags())
            window.examples.start_page_closed.emit()
        show_language_notices_when_shown(window)
