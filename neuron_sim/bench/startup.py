"""Start-up to first paint for `neuron-sim bench`: the app against a bare PySide6 window, each started
in a fresh process, in turns (app, bare, app, bare …), medians.

The time is the parent's wall clock from starting the process to reading the line the child prints
once its windows have painted: the interpreter's start, every import, building the windows and the
first paint, as a person waits for them. The app's first screen is the main window and, on a first
launch (each child gets empty settings folders), the start page over it; the bare one is a
QApplication and an empty 1200 × 800 QMainWindow. Both run on the offscreen platform, with Python
allowed to write its bytecode caches (an environment that turns them off makes every import of the
app compile its source: ~0.2 s), and each is started once untimed first, as a second launch.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

from neuron_sim.bench.core import Record, record

#: start-up to first paint within 2× a bare PySide6 window (docs/performance.md)
STARTUP_GOAL = 2.0

# Prints "painted" once every window shown at launch has painted. The filter watches those windows
# alone, installed after they are shown and before the event loop runs (the first paint needs it;
# the check below makes sure): a filter on the whole application would run Python for every event
# of every widget, ~10 µs each (~1,900 events before the start page's first paint, a few dozen for
# the bare window), charging the harness's cost to the program with more widgets.
_WATCH = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


def report_painted():
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    os._exit(0)


class FirstPaint(QObject):
    def __init__(self, windows):
        super().__init__()
        self.waiting = set(windows)
        if not windows:
            raise SystemExit("no window was shown")
        for window in windows:
            handle = window.windowHandle()  # none yet for a window never shown
            if handle is not None and handle.isExposed():
                raise SystemExit("a window was painted before it was watched")
            window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched in self.waiting:
            self.waiting.discard(watched)
            if not self.waiting:
                QTimer.singleShot(0, report_painted)  # after this paint pass has finished
        return False


def watch_shown_windows():
    return FirstPaint([w for w in QApplication.topLevelWidgets() if w.isVisible()])
"""

_BARE = _WATCH + r"""
app = QApplication(sys.argv)
from PySide6.QtWidgets import QMainWindow
window = QMainWindow()
window.resize(1200, 800)
window.show()
watch = watch_shown_windows()
app.exec()
"""

# What `neuron_sim.ui.window.launch.run` does for `neuron-sim` without arguments: on a first launch,
# the start page first, alone (ui/window/first_screen.py), the main window built after its first paint.
_LAUNCH = _WATCH + r"""
from neuron_sim.ui.application import create_application, install_translator
app = create_application()
install_translator(app, None)
from neuron_sim.ui.window.launch import show_first
shown = show_first()
"""

_APP = _LAUNCH + r"""
watch = watch_shown_windows()
app.exec()
"""

# The same launch until the main window the page hands over to has painted, the page closed (Esc)
# as soon as the window is built: the longest a person who dismisses the page at once waits.
_APP_WINDOW = _LAUNCH + r"""


def built():  # after the page's first paint: the window was built in the slot connected before this one
    global watch
    watch = FirstPaint([shown.window])  # hidden so far: not exposed
    shown.page.reject()  # Esc: the window comes up


shown.page.first_painted.connect(built)
app.exec()
"""


def seconds_to_first_paint(program: str, timeout: float = 120.0) -> float:
    """Wall time from starting `program` in a fresh interpreter to its "painted" line."""
    with tempfile.TemporaryDirectory(prefix="neuron-sim-startup-") as home:
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            environment[name] = os.path.join(home, name.lower())
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=environment, cwd=home)
        try:
            line = child.stdout.readline() if child.stdout else ""
            elapsed = time.perf_counter() - start
            if line.strip() != "painted":
                child.kill()
                raise RuntimeError("the child did not paint: " + (child.communicate(timeout=timeout)[1]
                                                                  .strip().splitlines() or ["no output"])[-1])
            child.wait(timeout=timeout)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    return elapsed


def startup_benchmarks(quick: bool = False) -> Iterator[Record]:
    """ms from launch to the first screen painted: the app (main window and start page) vs bare."""
    repeats = 2 if quick else 7
    programs = {"app": _APP, "window": _APP_WINDOW, "bare": _BARE}
    times: dict[str, list[float]] = {name: [] for name in programs}
    for program in programs.values():
        seconds_to_first_paint(program)  # bytecode and file caches filled, as for any launch after the first
    for _ in range(repeats):
        for name, program in programs.items():
            times[name].append(seconds_to_first_paint(program))
    app, window, bare = (statistics.median(times[name]) * 1000 for name in programs)
    yield record("start-up to first paint", app, "ms", bare,
                 "a bare PySide6 window, each in a fresh process, in turns", goal=STARTUP_GOAL)
    yield record("start-up to the main window painted, the start page closed at once", window, "ms", bare,
                 "the same bare window (no goal: the start page covers this time)")
