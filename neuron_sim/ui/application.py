"""Create the QApplication, load translations, show the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def create_application(argv: list[str] | None = None) -> QApplication:
    # Before anything is painted: Qt's raster engine would hand large fills to its GUI thread pool,
    # which a forked export helper (export/band_helper.py) does not have. Measured: no slower.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("neuron-sim")
    app.setOrganizationName("neuron-sim")
    app.setApplicationDisplayName("neuron-sim")
    return app


def install_translator(app: QApplication, language: str | None = None) -> str:
    """Install the catalogues of `language` ("en" / "ko"; default: Preferences, else the system's).

    Returns the language actually used (English when Korean was asked for but no font has Hangul).
    """
    from neuron_sim.ui.i18n.language import apply_language

    return apply_language(app, language)


def run(path: str | None = None, look: str | None = None, play: bool = False,
        select: list[str] | None = None, lang: str | None = None,
        example: str | None = None, start_page: bool = False) -> int:
    app = create_application()
    install_translator(app, lang)
    window = open_window(path, look=look, play=play, select=select, example=example, start_page=start_page)
    return app.exec()


def open_window(path: str | None = None, look: str | None = None, play: bool = False,
                select: list[str] | None = None, example: str | None = None, start_page: bool = False):
    """The main window as `neuron-sim [FILE] [--look …] [--play] [--select …] [--example …]` shows it,
    with the recovery question, the language notices and the start page queued after it is shown."""
    from neuron_sim.ui.window.main_window import MainWindow
    from neuron_sim.ui.window.preferences import default_look, show_language_notices_when_shown

    window = MainWindow()
    asked_look = look  # on the command line: it wins over a shipped example's own look (below)
    look = look or default_look()
    if look:
        window.look_actions[look].trigger()
    window.show()
    if path:
        window.files.open(path)
    if example:
        window.examples.open_example_named(example)
    if asked_look and (path or example):
        window.look_actions[asked_look].trigger()
    if select:
        window.scene.select([nid for nid in select if nid in window.network.neurons])
    if play:
        window.playback.play()
    offer_recovery_when_shown(window)
    show_language_notices_when_shown(window)
    show_start_page_when_shown(window, always=start_page)
    return window


def offer_recovery_when_shown(window) -> None:
    """After a crash, offer the unsaved work the last session kept, over the shown window.

    Asked now, not from a timer: the start page and notices queued after it then see the
    restored network, and cannot open over the question.
    """
    window.offer_recovery()


def show_start_page_when_shown(window, always: bool = False) -> None:
    """The start page of examples at launch, unless a file (or recovered work) is open or it is turned off."""
    from PySide6.QtCore import QTimer

    def show() -> None:
        if always:
            window.examples.show_start_page()
        elif window.document.path is None and len(window.network) == 0:
            window.examples.show_start_page_if_wanted()

    QTimer.singleShot(0, window, show)
