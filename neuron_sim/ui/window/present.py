"""View → Present (F5): the classroom mode. Full screen, the canvas and the computation panel only,
text and lines large enough for a projector, the lesson page as a caption bar under the canvas.

Sizes: every text of the computation panel and the lesson bar is at least PRESENT_MIN_TEXT_PX pixels
high (1.6 times its usual size when that is more), and the canvas is zoomed so that its smallest
text, the 9 pt weight labels (12 px at 100 %), is at least that high too: 200 % or more; in the
Blocks look, where a number too wide for its block is drawn smaller, more (least_zoom). Pixels are
the screen's, so on a 1920 × 1080 projector the smallest text is 24 px, about 2.2 % of the height.
A network that does not fit at that zoom but fits at PRESENT_FIT_TEXT_PX (18 px, still readable
from the back of a classroom) is shown whole at the zoom that fits it: a teacher would rather show
all of it a little smaller than scroll to its last cell.

Room: the computation panel takes PANEL_SHARE of the width, more when its table's columns need it
(up to PANEL_MAX_SHARE), so that no column is cut. The canvas scrolls over exactly the network and
its callouts: when they fit at the projector's zoom there are no scroll bars; when they do not, the
scroll bars reach all of it and nothing is cut off.

Keys while presenting: → and Page Down the next lesson page (or, without a lesson, one animation
step), ← and Page Up the previous page, ↓ one animation step, ↑ play / pause, Esc leaves. The
pointer carries a yellow halo over the canvas so that the room sees where it points.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QFontInfo, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStyle, QTableView, QToolBar, QWidget

from neuron_sim.ui.canvas import block_painting
from neuron_sim.ui.canvas.view import NetworkView
from neuron_sim.ui.panels.fitting_table import FittingTable
from neuron_sim.ui.styles import SMALL_FONT_SIZE, WEIGHT_FONT_SIZE
from neuron_sim.ui.lessons.bar import LessonBar

PRESENT_MIN_TEXT_PX = 24
PRESENT_FIT_TEXT_PX = 18  # the smallest text allowed when it shows the whole network
TEXT_SCALE = 1.6
HALO_RADIUS = 34
PANEL_SHARE = 0.36  # of the screen's width, for the computation panel
PANEL_MAX_SHARE = 0.5  # what it may take when its table's columns need more
SCENE_MARGIN = 16  # scene units kept around the network and its callouts
_FONT_SIZE = re.compile(r"font-size:\s*[\d.]+\s*(pt|px)")


def canvas_zoom_for(min_text_px: float, points: float = min(SMALL_FONT_SIZE, WEIGHT_FONT_SIZE)) -> float:
    """The zoom at which the canvas's text of `points` (by default its smallest: weight labels and
    small captions) is `min_text_px` high."""
    font = QFont()
    font.setPointSizeF(points)
    return min_text_px / QFontInfo(font).pixelSize()


def least_zoom(scene) -> float:
    """The zoom that keeps every text of `scene` at least PRESENT_MIN_TEXT_PX high: in the Blocks
    look a number too wide for its block is drawn smaller, so the zoom grows to keep it readable."""
    points = min([block_painting.smallest_text_points(item.block_texts()) for item in scene.neuron_items.values()
                  if item.look == "blocks" and item.neuron.kind != "input"],
                 default=min(SMALL_FONT_SIZE, WEIGHT_FONT_SIZE))
    return canvas_zoom_for(PRESENT_MIN_TEXT_PX, min(points, SMALL_FONT_SIZE, WEIGHT_FONT_SIZE))


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
                 step: QAction, play: QAction, blocked: list[QAction], hide_also: list[QWidget],
                 lay_out_callouts: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.view = view
        self.panel_dock = panel_dock
        self.bar = bar
        self._next_page, self._previous_page = next_page, previous_page
        self._step, self._play = step, play
        self._blocked = blocked  # the arrow keys' usual actions (nudging), off while presenting
        self._hide_also = hide_also  # e.g. the example's info bar above the canvas
        self._lay_out_callouts = lay_out_callouts  # Name the parts, for the view as it is now
        self._panel_width = 0  # what the panel was given on this page; it only grows until the next
        self._scene_rect = QRectF()  # what the canvas scrolls over now (see _scene_rect_for)
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
        self.view.viewport().setMouseTracking(True)
        self.view.viewport().installEventFilter(self)
        for table in self._tables():
            table.columns_cut.connect(self._widen_panel, Qt.ConnectionType.QueuedConnection)
        self.view.network_scene().changed.connect(self._grow_scene_rect)
        self.frame()
        QTimer.singleShot(0, self, self.frame)  # again once the window has its full-screen size

    def frame(self) -> None:
        """Give the panel its room, then show the network and its callouts whole at a zoom that
        keeps the canvas's text at least 24 px (the callouts placed inside the view where there is
        room); if they do not fit whole so, but do at 18 px or more, at the zoom that fits them;
        else at 24 px, centred, the scroll bars reaching whatever still lies beyond."""
        if self._saved is None:
            return
        self._panel_width = 0
        self._widen_panel()
        least = least_zoom(self.view.network_scene())
        fitting = self._fit_whole()
        if fitting < least:
            self._show_at(least)
            if not self._whole_in_view() and fitting >= least * PRESENT_FIT_TEXT_PX / PRESENT_MIN_TEXT_PX:
                self._fit_whole()
        self._fit_scene_rect()

    def _fit_whole(self) -> float:
        """The network and its callouts (laid out freely) fitted in the view; the zoom that took."""
        view = self.view
        scene = view.network_scene()
        self._lay_out_callouts()
        view.setSceneRect(scene.framed_rect().adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))
        view.fit()
        return view.zoom()

    def _show_at(self, zoom: float) -> None:
        """`zoom`, the network centred (or all that is framed, if it fits), the callouts into the view."""
        view = self.view
        scene = view.network_scene()
        framed = scene.framed_rect()
        view.set_zoom(zoom)
        room = view.maximumViewportSize()
        whole = framed.width() * zoom < room.width() and framed.height() * zoom < room.height()
        view.centerOn(framed.center() if whole else scene.network_rect().center())
        self._lay_out_callouts()  # into the view, where there is room

    def _whole_in_view(self) -> bool:
        view = self.view
        return view.mapToScene(view.viewport().rect()).boundingRect().contains(view.network_scene().framed_rect())

    def _scene_rect_for(self, framed: QRectF) -> QRectF:
        """What the canvas scrolls over: along an axis where `framed` fits the viewport, the
        viewport's whole extent around it (no scroll bar, and a label growing while playing moves
        nothing); where it does not fit, `framed` and a margin (the scroll bar reaches all of it)."""
        view = self.view
        zoom = max(view.zoom(), 1e-9)
        room = view.maximumViewportSize()
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        width, height = room.width() - 0.5, room.height() - 0.5  # rounding kept inside the viewport
        wide, tall = framed.width() * zoom > width, framed.height() * zoom > height
        if wide:  # the horizontal scroll bar takes some height, and then maybe the vertical one some width
            height -= bar
            tall = framed.height() * zoom > height
        if tall:
            width -= bar
            if not wide and framed.width() * zoom > width:
                wide, height = True, height - bar
        x0, x1 = self._extent(framed.left(), framed.right(), width / zoom, wide)
        y0, y1 = self._extent(framed.top(), framed.bottom(), height / zoom, tall)
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    @staticmethod
    def _extent(low: float, high: float, room: float, overflows: bool) -> tuple[float, float]:
        if overflows:
            return low - SCENE_MARGIN, high + SCENE_MARGIN
        middle = (low + high) / 2
        return middle - room / 2, middle + room / 2

    def _fit_scene_rect(self) -> None:
        rect = self._scene_rect_for(self.view.network_scene().framed_rect())
        self._scene_rect = rect
        if self.view.sceneRect() != rect:
            self.view.setSceneRect(rect)

    def _grow_scene_rect(self, _regions=None) -> None:
        """A callout or a label that moved out of what the canvas scrolls over brings it along; a
        page that scrolls scrolls over what is there now."""
        if self._saved is None or self._scene_rect.isNull():
            return
        framed = self.view.network_scene().framed_rect()
        wanted = self._scene_rect_for(framed)
        if not self._scene_rect.contains(framed) or wanted.size() != self._scene_rect.size():
            self._fit_scene_rect()  # what fits stays put; what scrolls keeps to what there is

    def _tables(self) -> list[FittingTable]:
        return self.panel_dock.findChildren(FittingTable)

    def _widen_panel(self) -> None:
        """The share of the width the panel has, or more, up to PANEL_MAX_SHARE, so that every
        column of its tables is seen in full; on one page it only grows (playing changes the numbers)."""
        if self._saved is None:
            return
        window = self.window
        layout = window.layout()
        layout.activate()  # the tables' widths as the window is now
        missing = max((table.missing_width() for table in self._tables() if table.isVisible()), default=0)
        needed = self.panel_dock.width() + missing if missing else 0
        width = min(max(int(window.width() * PANEL_SHARE), needed, self._panel_width),
                    int(window.width() * PANEL_MAX_SHARE))
        if width != self._panel_width:  # once per width: a window too small for it must not loop
            self._panel_width = width
            window.resizeDocks([self.panel_dock], [width], Qt.Orientation.Horizontal)
            layout.activate()

    def _leave(self) -> None:
        saved, self._saved = self._saved, None
        window = self.window
        for table in self._tables():
            table.columns_cut.disconnect(self._widen_panel)
        self.view.network_scene().changed.disconnect(self._grow_scene_rect)
        self._scene_rect = QRectF()
        self.view.refresh_room()  # back to the canvas's own: what is drawn, and room around it
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
        if kind == QEvent.Type.Resize and self._saved is not None and not self._scene_rect.isNull():
            self._fit_scene_rect()  # the panel widened, or the window took its full size
        elif kind == QEvent.Type.MouseMove:
            self.halo.follow(event.position().toPoint())
        elif kind == QEvent.Type.Leave:
            self.halo.hide()
        return False
