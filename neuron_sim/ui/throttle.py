"""Redraw a live view at most MAX_FPS times a second, and never while no one can see it.

The playback advances far more often than a person can read (a spiking network steps every
0.1 ms of model time), so the computation panel and the instrument docks redraw through one
`ThrottledRedraw`: a burst of requests draws once now and once more when the interval is up,
and requests made while the view is hidden are remembered and drawn when it is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

MAX_FPS = 30.0


class ThrottledRedraw(QObject):
    """Calls `draw` on behalf of `widget`.

    `can_draw` says whether drawing now is worth it (default: the widget is visible); `dirty`
    is True while something changed that has not been drawn yet.
    """

    def __init__(self, widget: QWidget, draw: Callable[[], None],
                 can_draw: Callable[[], bool] | None = None, max_fps: float = MAX_FPS):
        super().__init__(widget)
        self._draw = draw
        self.can_draw = can_draw or widget.isVisible
        self.max_fps = max_fps
        self.dirty = True
        self._last_draw = float("-inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._draw_pending)

    def draw(self) -> None:
        """Draw now, whatever the rate."""
        self._timer.stop()
        self.dirty = False
        self._last_draw = time.perf_counter()
        self._draw()

    def request(self) -> None:
        """Something changed: draw now if the last draw is old enough, else when it is."""
        self.dirty = True
        if not self.can_draw():
            return
        wait = self._last_draw + 1.0 / self.max_fps - time.perf_counter()
        if wait <= 0:
            self.draw()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def request_now(self) -> None:
        """Something the person did changed: draw at once if the view can be seen."""
        self.dirty = True
        if self.can_draw():
            self.draw()

    def _draw_pending(self) -> None:
        if self.dirty and self.can_draw():
            self.draw()
