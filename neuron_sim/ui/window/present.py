"""View → Present (F5): the classroom mode. Full screen, the canvas and the computation panel only,
text and lines large enough for a projector, the lesson page as a caption bar under the canvas.

Sizes: every text of the computation panel and the lesson bar is at least PRESENT_MIN_TEXT_PX pixels
high (1.6 times its usual size when that is more), and the canvas is zoomed so that its smallest
text, the 9 pt weight labels (12 px at 100 %), is at least that high too: 200 % or more. Pixels are
the screen's, so on a 1920 × 1080 projector the smallest text is 24 px, about 2.2 % of the height.

Keys while presenting: → and Page Down the next lesson page (or, without a lesson, one animation
step), ← and Page Up the previous page, ↓ one animation step, ↑ play / pause, Esc leaves. The
pointer carries a yellow halo over the canvas so that the room sees where it points.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QFontInfo, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTableView, QToolBar, QWidget

from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.panels.fitting_table import FittingTable
from neuron_sim.ui.styles import SMALL_FONT_SIZE, WEIGHT_FONT_SIZE
from neuron_sim.ui.lessons.bar import LessonBar

PRESENT_MIN_TEXT_PX = 24
TEXT_SCALE = 1.6
HALO_RADIUS = 34
PANEL_SHARE = 0.36  # of the screen's width, for the computation panel
_FONT_SIZE = re.compile(r"font-size:\s*[\d.]+\s*(pt|px)")


def canvas_zoom_for(min_text_px: float) -> float:
    """The zoom at which the canvas's smallest text (weight labels and small captions) is `min_text_px` high."""
    font = QFont()
    font.setPointSizeF(min(SMALL_FONT_SIZE, WEIGHT_FONT_SIZE))
    return min_text_px / QFontInfo(font).pixelSize()


class PointerHalo(QWidget):
    """A ring around the pointer, drawn over the canvas; clicks go through it."""

    def __init__(self, viewport: QWidget):
        super().__init__(viewport)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        size = 2 * HALO_RADIUS + 8
        self.resize(size, size)
        self.hide()

    def follow(self, position: QPoint) -> None:
        self.move(position - QPoint(self.width() // 2, self.height() // 2))
        self.show()
        self.raise_()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(255, 214, 0, 70))
        painter.setPen(QPen(QColor(255, 170, 0, 220), 4))
        painter.drawEllipse(QRect(4, 4, 2 * HALO_RADIUS, 2 * HALO_RADIUS))


@dataclass
class _Saved:
    state: QByteArray
    geometry: QByteArray
    maximized: bool
    fullscreen: bool
    zoom: float
    hidden: list[QWidget] = field(default_factory=list)
    fonts: list[tuple[QWidget, QFont, str]] = field(default_factory=list)
    row_heights: list[tuple[QTableView, int]] = field(default_factory=list)


class PresentMode(QObject):
    """`next_page`, `previous_page`: the lesson's (each returns False without a lesson);
    `step`, `play`: the animation's; `panel_dock`: the computation panel's dock."""

    def __init__(self, window: QMainWindow, view: NetworkView, panel_dock: QDockWidget, bar: LessonBar,
                 next_page: Callable[[], bool], previous_page: Callable[[], bool],
                 step: QAction, play: QAction, blocked: list[QAction], hide_also: list[QWidget]):
        super().__init__(window)
        self.window = window
        self.view = view
        self.panel_dock = panel_dock
        self.bar = bar
        self._next_page, self._previous_page = next_page, previous_page
        self._step, self._play = step, play
        self._blocked = blocked  # the arrow keys' usual actions (nudging), off while presenting
        self._hide_also = hide_also  # e.g. the example's info bar above the canvas
        self.action = QAction(self.tr("&Present"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        tip = self.tr("Full screen for a projector: the canvas, the computation panel and the lesson, in large "
                      "text; arrow keys step, Esc leaves (F5)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.toggled.connect(self._toggled)
        self.halo = PointerHalo(view.viewport())
        self._saved: _Saved | None = None
        self.keys: list[QAction] = []
        for keys, slot in (((Qt.Key.Key_Right, Qt.Key.Key_PageDown), self.forward),
                           ((Qt.Key.Key_Left, Qt.Key.Key_PageUp), self.backward),
                           ((Qt.Key.Key_Down,), step.trigger),
                           ((Qt.Key.Key_Up,), play.trigger),
                           ((Qt.Key.Key_Escape,), lambda: self.action.setChecked(False))):
            key_action = QAction(window)
            key_action.setShortcuts([QKeySequence(k) for k in keys])
            key_action.setEnabled(False)
            key_action.triggered.connect(slot)
            window.addAction(key_action)
            self.keys.append(key_action)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    @property
    def presenting(self) -> bool:
        return self._saved is not None

    # ---- keys ------------------------------------------------------------------------------------
    def forward(self) -> None:
        if not self._next_page():
            self._step.trigger()

    def backward(self) -> None:
        self._previous_page()

    # ---- entering and leaving --------------------------------------------------------------------
    def _toggled(self, on: bool) -> None:
        if on and self._saved is None:
            self._enter()
        elif not on and self._saved is not None:
            self._leave()

    def _enter(self) -> None:
        window = self.window
        saved = _Saved(window.saveState(), window.saveGeometry(), window.isMaximized(), window.isFullScreen(),
                       self.view.zoom())
        self._saved = saved
        chrome: list[QWidget] = [window.menuBar(), window.statusBar(), *window.findChildren(QToolBar),
                                 *[d for d in window.findChildren(QDockWidget) if d is not self.panel_dock],
                                 *self._hide_also]
        for widget in chrome:
            if widget.isVisible():
                saved.hidden.append(widget)
                widget.hide()
        self.panel_dock.show()
        for action in self._blocked:
            action.setEnabled(False)
        for action in self.keys:
            action.setEnabled(True)
        widgets = [self.panel_dock, *self.panel_dock.findChildren(QWidget), self.bar, *self.bar.findChildren(QWidget)]
        sizes = [QFontInfo(w.font()).pixelSize() for w in widgets]  # all read before any is changed
        for widget, now in zip(widgets, sizes):
            saved.fonts.append((widget, QFont(widget.font()), widget.styleSheet()))
            self._enlarge(widget, now)
        self._fit_tables(saved, enlarge=True)
        screen = window.screen().geometry() if window.screen() else QRect(0, 0, 1920, 1080)
        window.showFullScreen()
        window.setGeometry(screen)  # without a window manager (a kiosk, a virtual screen) full screen is this
        window.resizeDocks([self.panel_dock], [int(screen.width() * PANEL_SHARE)], Qt.Orientation.Horizontal)
        self.view.viewport().setMouseTracking(True)
        self.view.viewport().installEventFilter(self)
        self.frame()
        QTimer.singleShot(0, self, self.frame)  # again once the window has its full-screen size

    def frame(self) -> None:
        """Fit the network, but never below the zoom that keeps the canvas's text large enough."""
        self.view.fit()
        least = canvas_zoom_for(PRESENT_MIN_TEXT_PX)
        if self.view.zoom() < least:
            centre = self.view.network_scene().network_rect().center()  # the cells; callouts move into view
            self.view.set_zoom(least)
            self.view.centerOn(centre)

    def _leave(self) -> None:
        saved, self._saved = self._saved, None
        window = self.window
        self.view.viewport().removeEventFilter(self)
        self.halo.hide()
        for action in self.keys:
            action.setEnabled(False)
        for action in self._blocked:
            action.setEnabled(True)
        for widget, font, sheet in saved.fonts:
            widget.setStyleSheet(sheet)
            widget.setFont(font)
        self._fit_tables(saved, enlarge=False)
        if saved.maximized:
            window.showMaximized()
        elif not saved.fullscreen:
            window.showNormal()
            window.restoreGeometry(saved.geometry)
        window.restoreState(saved.state)
        for widget in saved.hidden:
            widget.show()
        self.view.set_zoom(saved.zoom)

    def _fit_tables(self, saved: _Saved, enlarge: bool) -> None:
        """Rows as tall as the text they now hold, columns measured in the new font."""
        if enlarge:
            for table in self.panel_dock.findChildren(QTableView):
                rows = table.verticalHeader()
                saved.row_heights.append((table, rows.defaultSectionSize()))
                rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        else:
            for table, height in saved.row_heights:
                table.verticalHeader().setDefaultSectionSize(height)
        for table in self.panel_dock.findChildren(FittingTable):
            table.remeasure()

    @staticmethod
    def _enlarge(widget: QWidget, now: int) -> None:
        pixels = max(PRESENT_MIN_TEXT_PX, round(now * TEXT_SCALE))
        font = QFont(widget.font())
        font.setPixelSize(pixels)
        widget.setFont(font)
        sheet = widget.styleSheet()
        if _FONT_SIZE.search(sheet):
            widget.setStyleSheet(_FONT_SIZE.sub(f"font-size: {pixels}px", sheet))

    # ---- the halo --------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            self.halo.follow(event.position().toPoint())
        elif kind == QEvent.Type.Leave:
            self.halo.hide()
        return False
