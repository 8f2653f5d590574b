"""The first screen (`neuron-sim` without arguments on a first launch: the main window and the start
page over it) is the real one, and it loads nothing that only a later choice needs: no figure or
animation export, no code generators, no trainer, no Neuronify reader. Each of those is imported
when first used (docs/performance.md, "Start-up to first paint").

It runs in a fresh interpreter, as a launch does: the test process has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Loaded when first used, never for the first screen.
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

# What `neuron-sim` does (ui/window/launch.py: run), until both windows have painted once.
FIRST_SCREEN = r'''
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from neuron_sim.ui.application import create_application, install_translator


class Paints(QObject):
    def __init__(self):
        super().__init__()
        self.painted = set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            top = watched.window()
            self.painted.update((type(top).__name__, top.objectName()))
        return False


app = create_application()
paints = Paints()
app.installEventFilter(paints)
install_translator(app, "en")
from neuron_sim.ui.window.launch import open_window

window = open_window()
turns = 0
while not {"MainWindow", "start-page"} <= paints.painted and turns < 10_000:
    app.processEvents()
    turns += 1
page = window.examples.start_page
print(json.dumps({
    "painted": sorted(name for name in paints.painted if name in ("MainWindow", "start-page")),
    "loaded": sorted(name for name in sys.modules if name.startswith("neuron_sim")),
    "menus": [action.text() for action in window.menuBar().actions()],
    "toolbar": len(window.tools_toolbar.actions()),
    "cards": len(page.cards) if page is not None else 0,
    "lesson_cards": len(page.lesson_cards) if page is not None else 0,
    "status": window.statusBar().isVisible(),
}))
sys.stdout.flush()
'''


def first_screen(tmp_path) -> dict:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[name] = str(tmp_path / name.lower())  # a first launch: no settings yet
    done = subprocess.run([sys.executable, "-c", FIRST_SCREEN], capture_output=True, text=True, env=environment,
                          cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_screen_is_the_whole_window_and_start_page_without_what_only_a_later_choice_needs(tmp_path):
    screen = first_screen(tmp_path)
    assert screen["painted"] == ["MainWindow", "start-page"]
    assert screen["menus"] == ["&File", "&Edit", "&View", "&Simulation", "&Train", "E&xamples", "&Help"]
    assert screen["toolbar"] > 5 and screen["status"]
    assert screen["cards"] >= 17 and screen["lesson_cards"] >= 2
    loaded = set(screen["loaded"])
    assert "neuron_sim.ui.window.main_window" in loaded and "neuron_sim.ui.window.start_page" in loaded
    early = sorted(name for name in loaded if name.startswith(DEFERRED))
    assert early == [], f"loaded before the first paint: {early}"


def test_what_the_first_screen_leaves_out_loads_when_it_is_used(qtbot, window):
    from neuron_sim.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.code.show_panel()  # View → As code
    window.training.show_dock()  # Train → Train dock
    assert window.code.panel.isVisible() and window.training.dock.isVisible()
    assert window.training.session.network is window.network
    for name in ("neuron_sim.model.codegen", "neuron_sim.ui.panels.training.dock", "neuron_sim.model.training"):
        assert name in sys.modules
