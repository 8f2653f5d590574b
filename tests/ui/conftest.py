from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.model.fileformat import save
from neuron_sim.ui.playback import Playback


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """Recent files and preferences go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_window_left_open(qapp):
    """Windows a test opened through the app (File → Open into a new window) are closed after it:
    left open, they pile up on the test screen, and a later test's window misses mouse moves.
    Closed only (hidden, as a person's close does): they are not deleted, as they never were."""
    yield
    from PySide6.QtWidgets import QApplication

    from neuron_sim.ui.window.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and isValid(widget) and widget.isVisible():
            widget.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
            widget.close()


@pytest.fixture
def window(qtbot):
    from neuron_sim.ui.window.main_window import MainWindow

    win = MainWindow()
    win.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard  # no modal dialogs in tests
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.view.reset_zoom()
    win.view.centerOn(200, 120)
    yield win
    if isValid(win):  # not if a new window replaced it (a language change)
        win.close()
        win.deleteLater()


@pytest.fixture
def lesson(tmp_path) -> Path:
    """A small saved network (x1 → y, an AND-like unit) for the saving and recovery tests."""
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", position=(0, 0), value=1))
    network.add_neuron(Neuron("y", position=(260, 60), activation="step", threshold=1.5))
    network.connect(Synapse("x1", "y"))
    path = tmp_path / "lesson.json"
    save(network, path)
    return path


@pytest.fixture
def make(qtbot):
    """make(DockClass, network, selection, show): a dock on its own playback (paused afterwards)."""
    playbacks = []

    def build(cls, network: Network, selection=(), show: bool = True):
        playback = Playback(network)
        playbacks.append(playback)
        dock = cls(playback)
        qtbot.addWidget(dock)
        dock.resize(700, 420)
        dock.show_selection(list(selection), [])
        if show:
            dock.show()
            qtbot.waitExposed(dock)
        return playback, dock

    yield build
    for playback in playbacks:
        playback.pause()
