"""The first screen of `neuron-sim` without arguments on a first launch is the start page, alone and
real (every card, the lesson row, Show at start), painted before numpy, the engines or the canvas are
imported; the main window is built right after that paint, hidden, and shown when the page closes,
with the choice made on the page opened in it (ui/window/first_screen.py; docs/performance.md,
"Start-up to first paint"). What only a later choice needs (figure or animation export, the code
generators, the trainer, the Neuronify reader) is not loaded for the window either.

The launch itself runs in a fresh interpreter, as a launch does: the test process has imported
everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from neuron_sim.model.lessons.outline import read_outline
from neuron_sim.ui.i18n import language
from neuron_sim.ui.window import first_screen, launch, start_page
from neuron_sim.ui.window.first_screen import StartPageFirst
from neuron_sim.ui.window.main_window import MainWindow
from neuron_sim.ui.window.preferences import DEFAULT_LOOK_KEY

# Loaded when first used, never for the first screen or the window built after it.
DEFERRED = (
    "neuron_sim.ui.export.figure",
    "neuron_sim.ui.export.animation",
    "neuron_sim.ui.export.dialog",
    "neuron_sim.model.codegen",
    "neuron_sim.ui.panels.code_panel",
    "neuron_sim.ui.window.code_export_dialog",
    "neuron_sim.model.training",
    "neuron_sim.ui.panels.training.dock",
    "neuron_sim.ui.panels.training.session",
    "neuron_sim.ui.canvas.backward_pulses",
    "neuron_sim.model.neuronify",
)

# Needed by the window, not by the page: loaded after the page's first paint.
AFTER_THE_PAGE = ("numpy", "psygnal", "neuron_sim.model.network", "neuron_sim.model.engines",
                  "neuron_sim.ui.canvas", "neuron_sim.ui.window.main_window", "neuron_sim.ui.styles")

# What `neuron-sim` does (ui/window/launch.py: run → show_first), then the page closed by its close
# button inside the event loop: the window must come up, and the app go on.
FIRST_SCREEN = r'''
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer

from neuron_sim.ui.application import create_application, install_translator


class FirstPaint(QObject):
    seen = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = {"loaded": sorted(sys.modules), "window_built": shown.window is not None}
        return False


app = create_application()
install_translator(app, "en")
from neuron_sim.ui.window.launch import show_first

shown = show_first()
paint = FirstPaint()
shown.page.installEventFilter(paint)
turns = 0
while shown.window is None and turns < 100_000:
    app.processEvents()
    turns += 1
window, page = shown.window, shown.page
report = {
    "shown": type(shown).__name__,
    "at_first_paint": paint.seen,
    "loaded_with_window": sorted(name for name in sys.modules if name.startswith("neuron_sim")),
    "window_visible_before": window.isVisible(),
    "page_visible": page.isVisible(),
    "menus": [action.text() for action in window.menuBar().actions()],
    "toolbar": len(window.tools_toolbar.actions()),
    "cards": len(page.cards),
    "lesson_cards": len(page.lesson_cards),
    "look": window.scene.look,
}


def after_close():
    report["window_visible_after"] = window.isVisible()
    report["page_parent_is_window"] = page.parent() is window
    print(json.dumps(report))
    sys.stdout.flush()
    os._exit(0)


QTimer.singleShot(0, page.close)  # the page's close button: the last visible window, for a moment
QTimer.singleShot(300, after_close)
app.exec()
print(json.dumps({"quit": True}))  # the app quit when the page closed
'''


def first_screen_run(tmp_path) -> dict:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[name] = str(tmp_path / name.lower())  # a first launch: no settings yet
    done = subprocess.run([sys.executable, "-c", FIRST_SCREEN], capture_output=True, text=True, env=environment,
                          cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_screen_is_the_start_page_painted_before_the_engines_and_the_window_follows(tmp_path):
    screen = first_screen_run(tmp_path)
    assert screen.get("quit") is None, "closing the page quit the app"
    assert screen["shown"] == "StartPageFirst"
    at_paint = screen["at_first_paint"]
    assert at_paint is not None and not at_paint["window_built"]
    early = sorted(name for name in at_paint["loaded"] if name.startswith(AFTER_THE_PAGE))
    assert early == [], f"loaded before the start page's first paint: {early}"
    assert "neuron_sim.ui.window.start_page" in at_paint["loaded"]
    assert screen["page_visible"] and not screen["window_visible_before"]
    assert screen["menus"] == ["&File", "&Edit", "&View", "&Simulation", "&Train", "E&xamples", "&Help"]
    assert screen["toolbar"] > 5 and screen["look"] == "biological"
    assert screen["cards"] >= 17 and screen["lesson_cards"] >= 2
    loaded = set(screen["loaded_with_window"])
    assert "neuron_sim.ui.window.main_window" in loaded
    late = sorted(name for name in loaded if name.startswith(DEFERRED))
    assert late == [], f"loaded for the first window: {late}"
    assert screen["window_visible_after"] and screen["page_parent_is_window"]


# ---- the hand-over, in this process ------------------------------------------------------------------
@pytest.fixture
def first(qtbot):
    """The start page shown first, as a plain launch shows it; its window closed afterwards."""
    shown = StartPageFirst(launch.new_window)
    qtbot.addWidget(shown.page)
    yield shown
    if shown.window is not None:
        shown.window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        shown.window.close()
        shown.window.deleteLater()


def built(qtbot, shown: StartPageFirst) -> MainWindow:
    qtbot.waitUntil(lambda: shown.window is not None, timeout=20_000)
    shown.window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    return shown.window


def test_the_window_is_built_after_the_pages_first_paint_in_the_stored_look(qtbot):
    language.settings().setValue(DEFAULT_LOOK_KEY, "schematic")
    shown = StartPageFirst(launch.new_window)
    qtbot.addWidget(shown.page)
    assert shown.window is None and shown.page.isVisible() and shown.page.parent() is None
    with qtbot.waitSignal(shown.page.first_painted, timeout=20_000):
        pass
    window = built(qtbot, shown)
    qtbot.addWidget(window)
    assert not window.isVisible() and window.examples.start_page is shown.page
    assert window.scene.look == "schematic"


def test_empty_network_shows_the_window_with_the_keyboard_on_the_canvas(qtbot, first):
    window = built(qtbot, first)
    qtbot.keyClick(first.page, Qt.Key.Key_Escape)
    assert window.isVisible() and not first.page.isVisible() and len(window.network) == 0
    assert first.page.parent() is window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=5_000)


def test_a_chosen_example_opens_in_the_window_as_it_comes_up(qtbot, first):
    window = built(qtbot, first)
    card = next(card for card in first.page.cards if card.example.file == "xor.json")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.isVisible() and not first.page.isVisible()
    assert window.network.name == card.example.title and len(window.network) > 0
    assert window.document.path is None  # an untitled copy, as from the window's own start page


def test_a_chosen_lesson_starts_in_the_window(qtbot, first):
    window = built(qtbot, first)
    qtbot.mouseClick(first.page.lesson_cards[0], Qt.MouseButton.LeftButton)
    assert window.isVisible() and window.lessons.active
    assert window.lessons.lesson.id == first.page.lesson_cards[0].outline.id and window.lessons.index == 0


def test_a_page_closed_before_the_window_was_built_still_brings_the_window_up(qtbot, first):
    assert first.window is None
    first.page.reject()  # Esc at once, before the page has painted
    window = first.window
    assert window is not None and window.isVisible() and first.page.parent() is window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=5_000)


def test_the_start_page_opened_later_is_the_same_page_over_the_window(qtbot, first):
    window = built(qtbot, first)
    qtbot.keyClick(first.page, Qt.Key.Key_Escape)
    window.examples.start_page_action.trigger()  # Help → Start page
    assert first.page.isVisible() and first.page.parent() is window and window.isVisible()
    qtbot.keyClick(first.page, Qt.Key.Key_Escape)
    assert not first.page.isVisible() and window.isVisible()


def test_a_lesson_whose_file_has_a_mistake_says_so_when_chosen(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({
        "format": "neuron-sim-lesson", "version": 1, "id": "broken", "title": {"en": "Broken", "ko": "망가짐"},
        "pages": [{"title": {"en": "P", "ko": "P"}, "text": {"en": "T", "ko": "T"}, "look": "schematic",
                   "network": {"example": "no-such-example"}}]}), encoding="utf-8")
    outline = read_outline(broken)
    monkeypatch.setattr(start_page, "lesson_outlines", lambda: [outline])
    shown = StartPageFirst(launch.new_window)
    qtbot.addWidget(shown.page)
    window = built(qtbot, shown)
    qtbot.addWidget(window)
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text, detail="": errors.append((title, text)))
    [card] = shown.page.lesson_cards
    assert card.title.text() == "Broken"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.isVisible() and not window.lessons.active
    assert errors and errors[0][0] == "Could not open the lesson" and "no-such-example" in errors[0][1]


@pytest.mark.parametrize("case", ["turned off", "recovery waits", "a file asked", "forced on"])
def test_the_window_comes_first_unless_a_plain_launch_shows_the_page(qtbot, tmp_path, monkeypatch, case):
    monkeypatch.setattr(launch, "offer_recovery_when_shown", lambda window: None)  # no modal question here
    monkeypatch.setattr(launch, "show_start_page_when_shown", lambda window, always=False: None)
    asked = {}
    if case in ("turned off", "forced on"):
        QSettings("neuron-sim", "neuron-sim").setValue(start_page.START_PAGE_KEY, False)
    if case == "forced on":
        asked = {"start_page": True}
    if case == "recovery waits":
        from neuron_sim.ui.window.recovery_files import recovery_folder

        recovery_folder().mkdir(parents=True)
        (recovery_folder() / "123-dead.json").write_text("{}", encoding="utf-8")  # its writer is gone
    if case == "a file asked":
        asked = {"example": "xor"}
    shown = launch.show_first(**asked)
    if isinstance(shown, StartPageFirst):
        qtbot.addWidget(shown.page)
        window = built(qtbot, shown)
        qtbot.addWidget(window)
    else:
        qtbot.addWidget(shown)
        shown.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    assert isinstance(shown, StartPageFirst) == (case == "forced on")
    assert first_screen.start_page_comes_first() == (case not in ("turned off", "forced on", "recovery waits"))


def test_what_the_first_screen_leaves_out_loads_when_it_is_used(qtbot, window):
    from neuron_sim.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.code.show_panel()  # View → As code
    window.training.show_dock()  # Train → Train dock
    assert window.code.panel.isVisible() and window.training.dock.isVisible()
    assert window.training.session.network is window.network
    for name in ("neuron_sim.model.codegen", "neuron_sim.ui.panels.training.dock", "neuron_sim.model.training"):
        assert name in sys.modules


def test_quit_keys_on_the_page_quit_and_over_the_window_go_through_the_windows_quit(qtbot, first, monkeypatch):
    """The page's Quit keys are the window's (QKeySequence.Quit: Ctrl+Q on Linux, none on the
    offscreen platform, so the action is triggered as its keys would)."""
    from PySide6.QtCore import QCoreApplication

    quits = []
    monkeypatch.setattr(QCoreApplication, "quit", staticmethod(lambda: quits.append("app")))
    window = built(qtbot, first)
    assert first.page.quit_keys.shortcut() == window.quit_action.shortcut()
    first.page.quit_keys.trigger()
    assert quits == ["app"]  # the only window: nothing to save
    quits.clear()
    first.page.reject()
    assert window.isVisible()
    window.edit.add_layer_with(1, "neuron", "sigmoid")  # unsaved work: Quit asks (the test answers Discard)
    asked = []
    window.files.ask_to_save = lambda: asked.append(1) or QMessageBox.StandardButton.Discard
    window.examples.start_page_action.trigger()  # Help → Start page, over the window
    first.page.quit_keys.trigger()
    assert asked == [1] and not window.isVisible() and quits == []


def test_the_page_says_it_has_painted_once_only(qtbot, monkeypatch):
    """`first_painted` tells the launch to build the window: once, not after every later paint."""
    from neuron_sim.ui.window import card_pictures

    monkeypatch.setattr(card_pictures, "_thumbnails", {})  # the pictures are drawn after the first paint
    page = start_page.StartPage(QSettings("neuron-sim", "neuron-sim"))
    qtbot.addWidget(page)
    said = []
    page.first_painted.connect(lambda: said.append(1))
    with qtbot.waitSignal(page.first_painted, timeout=20_000):
        page.show()
    qtbot.waitUntil(lambda: all(card.has_picture for card in [*page.lesson_cards, *page.cards]), timeout=20_000)
    page.repaint()  # a later paint, after the pictures were drawn
    QApplication.processEvents()
    assert said == [1]
