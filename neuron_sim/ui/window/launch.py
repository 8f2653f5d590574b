"""Start the app: the QApplication, the main window as the command line asks, then what follows it.

`neuron-sim` with nothing asked shows the start page first, alone (first_screen.py); this module
imports the main window only when it builds one, so that page can paint before it is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from neuron_sim.ui.application import create_application, install_translator
from neuron_sim.ui.window import first_screen

if TYPE_CHECKING:
    from neuron_sim.ui.window.main_window import MainWindow


def run(path: str | None = None, look: str | None = None, play: bool = False,
        select: list[str] | None = None, lang: str | None = None,
        example: str | None = None, start_page: bool = False, train: int | None = None,
        train_step: bool = False, speed: float | None = None, lesson: str | None = None, page: int = 1,
        present: bool = False) -> int:
    app = create_application()
    install_translator(app, lang)
    shown = show_first(path, look=look, play=play, select=select, example=example, start_page=start_page,
                       train=train, train_step=train_step, speed=speed, lesson=lesson, page=page, present=present)
    status = app.exec()
    del shown  # referenced, so shown, until the app quits
    return status


def show_first(path: str | None = None, look: str | None = None, play: bool = False,
               select: list[str] | None = None, example: str | None = None, start_page: bool = False,
               train: int | None = None, train_step: bool = False, speed: float | None = None,
               lesson: str | None = None, page: int = 1,
               present: bool = False) -> MainWindow | first_screen.StartPageFirst:
    """What `neuron-sim` shows first: with nothing asked (or only --start-page), the start page alone
    when it is wanted and no recovered work waits; else the main window as the command line asks."""
    asked = (path, look, play, select, example, train, train_step, speed, lesson, present)
    if not any(asked) and first_screen.start_page_comes_first(forced=start_page):
        return first_screen.StartPageFirst(new_window)
    return open_window(path, look=look, play=play, select=select, example=example, start_page=start_page,
                       train=train, train_step=train_step, speed=speed, lesson=lesson, page=page, present=present)


def new_window(look: str | None = None) -> MainWindow:
    """A main window on an empty network in `look` (default: Preferences'), not shown yet."""
    from neuron_sim.ui.window.main_window import MainWindow
    from neuron_sim.ui.window.preferences import default_look

    window = MainWindow()
    window.look_actions[look or default_look()].trigger()
    return window


def open_window(path: str | None = None, look: str | None = None, play: bool = False,
                select: list[str] | None = None, example: str | None = None, start_page: bool = False,
                train: int | None = None, train_step: bool = False, speed: float | None = None,
                lesson: str | None = None, page: int = 1, present: bool = False) -> MainWindow:
    """The main window as `neuron-sim [FILE] [--look …] [--play] [--select …] [--example …]` shows it,
    with the recovery question, the language notices and the start page queued after it is shown."""
    from neuron_sim.ui.playback import SPEEDS
    from neuron_sim.ui.window.preferences import show_language_notices_when_shown

    window = new_window(look)
    asked_look = look  # on the command line: it wins over a shipped example's own look (below)
    window.show()
    if path:
        window.files.open(path)
    if example:
        window.examples.open_example_named(example)
    if lesson:
        window.lessons.start_named(lesson, page - 1)
    if asked_look and (path or example):
        window.look_actions[asked_look].trigger()
    if select:
        window.scene.select([nid for nid in select if nid in window.network.neurons])
    if speed is not None and speed in SPEEDS:
        window.playback_controls.speed_box.setCurrentIndex(SPEEDS.index(speed))
    if play:
        window.playback.play()
    if train or train_step:
        window.training.start_at_launch(train, train_step)
    if present:
        window.present.action.setChecked(True)
    offer_recovery_when_shown(window)
    show_language_notices_when_shown(window)
    show_start_page_when_shown(window, always=start_page)
    return window


def offer_recovery_when_shown(window: MainWindow) -> None:
    """After a crash, offer the unsaved work the last session kept, over the shown window.

    Asked now, not from a timer: the start page and notices queued after it then see the
    restored network, and cannot open over the question.
    """
    window.offer_recovery()


def show_start_page_when_shown(window: MainWindow, always: bool = False) -> None:
    """The start page of examples at launch, unless a file (or recovered work) is open or it is turned off."""
    def show() -> None:
        if always:
            window.examples.show_start_page()
        elif window.document.path is None and len(window.network) == 0 and not window.lessons.active:
            window.examples.show_start_page_if_wanted()

    QTimer.singleShot(0, window, show)
