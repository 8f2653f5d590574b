"""What every instrument dock shares: pyqtgraph imported on first show, throttled redraws, selection.

pyqtgraph costs ~0.5 s to import (docs/performance.md), so no module of this package imports it
at load time: a dock builds its plot the first time it is shown (or refreshed on purpose), and
`pyqtgraph()` does the import then. Redraws follow `playback.advanced` through a ThrottledRedraw:
at most 30 a second and never while the dock is hidden (closed, or a tab behind another); a
hidden dock catches up when it is shown again.

Docks that scroll with the recording (traces, raster) follow the newest data until the user zooms
or drags the plot; the view then stays where they put it, and the dock's Follow button (or a
double-click on the plot, or pyqtgraph's "A" corner button) goes back to following.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
import shiboken6

from neuron_sim.ui.events import connect_all
from neuron_sim.ui.plain_text import plain_label
from neuron_sim.ui.styles import PALETTE, duration_parts
from neuron_sim.ui.throttle import ThrottledRedraw

from neuron_sim.ui.panels.plots.exporting import ask_and_export, export_plot, plot_as_text, write_text

# Okabe–Ito colours, distinguishable by colour-blind readers, in the order traces take them.
SERIES_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                 "#882255", "#44AA99", "#999933", "#6699CC", "#AA4499")


def series_color(index: int) -> QColor:
    return QColor(SERIES_COLORS[index % len(SERIES_COLORS)])


def pyqtgraph():
    """The pyqtgraph module, imported on first use."""
    import pyqtgraph as pg

    return pg


def make_plot(pg, x_label: str = "", y_label: str = ""):
    """A PlotWidget in the application's look: white, dark axes, a light grid."""
    widget = pg.PlotWidget(background=PALETTE.background)
    item = widget.getPlotItem()
    scene = widget.sceneObj  # pyqtgraph's GraphicsScene: it makes its Export dialog on first use
    delete_with(widget, lambda: (item.ctrlMenu, item.getViewBox().menu, scene.exportDialog))
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(PALETTE.muted_text))
        axis.setTextPen(pg.mkPen(PALETTE.text))
        axis.enableAutoSIPrefix(False)  # else an axis within ±1 reads "(x0.001)", ticks in the hundreds
    item.showGrid(x=True, y=True, alpha=0.15)
    if x_label:
        item.setLabel("bottom", x_label, color=PALETTE.text.name())
    if y_label:
        item.setLabel("left", y_label, color=PALETTE.text.name())
    return widget


def delete_with(owner: QObject, widgets: Callable[[], Iterable[QWidget | None]]) -> None:
    """When `owner` (a plot) is deleted, delete the parentless widgets pyqtgraph made for it, which
    `widgets()` names then: its right-click menus, its Export dialog.

    Python owns them, and once their plot is deleted only reference cycles would hold them: the
    garbage collector would free them whenever it runs, also while Qt, or PySide turning a list of
    widgets into Python objects (QApplication.topLevelWidgets()), goes through a list that holds
    them, whose next step then reads a freed widget. They stay parentless: as children of the plot,
    their widgets would be among its children."""
    owner.destroyed.connect(partial(_delete_parentless, widgets))


def _delete_parentless(widgets: Callable[[], Iterable[QWidget | None]], *_destroyed) -> None:
    for widget in widgets():
        if widget is not None and shiboken6.isValid(widget) and widget.parent() is None:
            shiboken6.delete(widget)


def add_legend(pg, plot_item, offset=(-10, 10)):
    """A legend in dark text on a light box (pyqtgraph's default is grey on nothing)."""
    return plot_item.addLegend(offset=offset, labelTextColor=PALETTE.text, labelTextSize="10pt",
                               brush=pg.mkBrush(255, 255, 255, 210), pen=pg.mkPen(PALETTE.grid))


def horizontal_label_options(color: QColor) -> dict:
    """A horizontal line's label: left-aligned just below the line, near the left edge.

    Below, because threshold lines sit at the top of the traces they mark (a spiking cell's
    potential stays under its threshold; a step unit's output tops out at f(0) = 1), where a
    label above the line would be cut off by the plot's edge.
    """
    return {"position": 0.01, "anchors": [(0, 0), (0, 0)], "color": color, "fill": (255, 255, 255, 200)}


def dashed_pen(pg, color: QColor, width: float = 1.5):
    return pg.mkPen(color, width=width, style=Qt.PenStyle.DashLine)


def duration_text(ms: float) -> str:
    """A span of recorded time for the docks' notes: "12.3 ms", "2.4 s"."""
    number, unit = duration_parts(ms)
    text = (QCoreApplication.translate("PlotDock", "%1 s") if unit == "s"
            else QCoreApplication.translate("PlotDock", "%1 ms"))
    return text.replace("%1", number)


class PlotDock(QDockWidget):
    """A dock whose plot is built on first show and redrawn from the playback's state.

    Subclasses implement `_build(pg) -> QWidget` (the plot page, its PlotItem in `self._item`),
    `_draw()` and `data_csv()`; they may add widgets to `self.toolbar` (a row above the plot,
    with the Export menu at its right). The main window calls `show_selection`.
    """

    FOLLOWS_NEWEST = False  # docks whose view scrolls with the recording set this

    def __init__(self, playback, title: str, object_name: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.playback = playback
        self.neuron_ids: list[str] = []
        self.synapse_keys: list[tuple[str, str]] = []
        self.built = False
        self.following = True  # False once the user has zoomed or dragged the plot
        self.last_plot_menu: QMenu | None = None  # the right-click menu shown last (tests read it)
        # The network (weakly: a replaced one must be freed) and time unit the view was set for.
        self._axes_of: tuple[weakref.ref, str] | None = None
        # `self._draw()` looked up at each call, so a subclass's (or a test's) replacement is used.
        self.redraws = ThrottledRedraw(self, lambda: self._draw(),
                                       can_draw=lambda: self.built and self.isVisible())

        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addLayout(self.toolbar, 1)
        if self.FOLLOWS_NEWEST:
            self._held_note = QLabel(self.tr("Not following the newest data"))
            self._held_note.setObjectName("plot_held_note")
            self._held_note.setStyleSheet(f"color: {PALETTE.muted_text.name()};")
            self._held_note.hide()
            row.addWidget(self._held_note)
            row.addWidget(self._follow_button())
        row.addWidget(self._export_menu_button())
        layout.addLayout(row)
        self._stack = QStackedWidget()
        self._hint = plain_label()
        self._hint.setObjectName("plot_hint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet(f"color: {PALETTE.muted_text.name()}; font-size: 13pt; padding: 12px;")
        self._stack.addWidget(self._hint)
        layout.addWidget(self._stack, 1)
        self.setWidget(container)
        self._links = connect_all([(playback.advanced, self.redraws.request)], owner=self)

    def add_kept_note(self, object_name: str) -> QLabel:
        """A muted line under the plot saying what the recording no longer holds (hidden until then)."""
        note = plain_label()
        note.setObjectName(object_name)
        note.setStyleSheet(f"color: {PALETTE.muted_text.name()};")
        note.setWordWrap(True)
        note.hide()
        self.widget().layout().addWidget(note)
        return note

    # ---- what the main window calls -------------------------------------------------------
    def show_selection(self, neuron_ids: list[str], synapse_keys: list) -> None:
        self.neuron_ids = list(dict.fromkeys(neuron_ids))
        self.synapse_keys = [tuple(key) for key in synapse_keys]
        self.redraws.request_now()

    def refresh(self) -> None:
        """Build the plot if need be and redraw it now (tests call this directly)."""
        self._ensure_built()
        self.redraws.draw()

    # ---- state the docks read -------------------------------------------------------------
    def selected_present(self) -> list[str]:
        """The selected neurons that the running network (and its recorder) still holds."""
        network = self.playback.network
        return [nid for nid in self.neuron_ids if nid in network.neurons]

    def label_of(self, neuron_id: str) -> str:
        neuron = self.playback.network.neurons.get(neuron_id)
        return neuron.label if neuron is not None else neuron_id

    def show_hint(self, text: str) -> None:
        self._hint.setText(text)
        self._stack.setCurrentWidget(self._hint)

    def hint_text(self) -> str:
        return self._hint.text() if self._stack.currentWidget() is self._hint else ""

    def show_plot(self) -> None:
        self._stack.setCurrentWidget(self._page)

    # ---- machinery ------------------------------------------------------------------------
    def _ensure_built(self) -> None:
        if not self.built:
            self._page = self._build(pyqtgraph())
            self._stack.addWidget(self._page)
            self.built = True
            self._replace_plot_menu()
            if self.FOLLOWS_NEWEST:
                self._watch_the_users_view()

    def _replace_plot_menu(self) -> None:
        """pyqtgraph's own right-click menu is English and made for power users (mouse modes,
        FFT, log axes): a right-click on the plot offers the dock's own actions instead."""
        item = self.plot_item()
        item.setMenuEnabled(False)
        view = item.getViewWidget()
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self.plot_menu().popup(view.viewport().mapToGlobal(pos)))

    def plot_menu(self) -> QMenu:
        """The plot's right-click menu: follow the newest data (docks that scroll), then export."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.FOLLOWS_NEWEST:
            follow = menu.addAction(self.tr("Follow the newest data"))
            follow.setCheckable(True)
            follow.setChecked(self.following)
            follow.toggled.connect(self.set_following)
            menu.addSeparator()
        menu.addActions([self.export_png_action, self.export_svg_action, self.export_data_action])
        self.last_plot_menu = menu
        return menu

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self.built or self.redraws.dirty:
            self.refresh()

    # ---- following the newest data ------------------------------------------------------
    def _follow_button(self) -> QToolButton:
        button = self.follow_button = QToolButton()
        button.setObjectName("plot_follow_button")
        button.setText(self.tr("Follow"))
        button.setCheckable(True)
        button.setChecked(True)
        button.setToolTip(self.tr("Keep the newest data in view. Zooming (mouse wheel) or dragging the "
                                  "plot stops following; click here or double-click the plot to follow again."))
        button.toggled.connect(self.set_following)
        return button

    def _watch_the_users_view(self) -> None:
        """The mouse zooms and drags the plot's view (pyqtgraph's ViewBox): stop following then."""
        item = self.plot_item()
        item.getViewBox().sigRangeChangedManually.connect(self._view_moved_by_hand)
        item.scene().sigMouseClicked.connect(self._plot_clicked)
        if item.autoBtn is not None:  # pyqtgraph's "A" button restores its own autorange: follow instead
            item.autoBtn.clicked.connect(lambda: self.set_following(True))

    def _view_moved_by_hand(self, _axes=None) -> None:
        self.set_following(False)
        self.view_moved()

    def view_moved(self) -> None:
        """The user zoomed or dragged the plot (a dock that draws only what is in view redraws)."""

    def _plot_clicked(self, event) -> None:
        if event.double() and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.set_following(True)

    def set_following(self, on: bool, redraw: bool = True) -> None:
        """Follow the newest data (the dock sets the view at each redraw) or leave the view alone."""
        self.following = on = bool(on)
        if self.FOLLOWS_NEWEST:
            with QSignalBlocker(self.follow_button):
                self.follow_button.setChecked(on)
            self._held_note.setVisible(not on)
        if on and self.built:
            self.plot_item().enableAutoRange(x=False, y=False)  # the dock sets the ranges, not pyqtgraph
            if redraw and self.isVisible():
                self.refresh()

    def follow_new_axes(self, unit: str) -> None:
        """Follow again when what the axes mean has changed: another network, or another unit."""
        network = self.playback.network
        if self._axes_of is None or self._axes_of[0]() is not network or self._axes_of[1] != unit:
            if self._axes_of is not None and not self.following:
                self.set_following(True, redraw=False)
            self._axes_of = (weakref.ref(network), unit)

    # ---- export ---------------------------------------------------------------------------
    def _export_menu_button(self) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Export"))
        button.setObjectName("plot_export_button")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.setToolTipsVisible(True)
        self.export_png_action = menu.addAction(plot_as_text("png"))
        self.export_png_action.triggered.connect(lambda: self.ask_export("png"))
        self.export_svg_action = menu.addAction(plot_as_text("svg"))
        self.export_svg_action.triggered.connect(lambda: self.ask_export("svg"))
        self.export_data_action = menu.addAction(self.tr("Data as CSV…"))
        self.export_data_action.triggered.connect(lambda: self.ask_export("csv"))
        button.setMenu(menu)
        return button

    def has_plot(self) -> bool:
        return self.built and self._stack.currentWidget() is self._page

    def can_export(self, kind: str) -> bool:
        """Whether `export(…, kind)` has something to write once the dock is refreshed."""
        return self.has_plot()

    def plot_item(self):
        """The pyqtgraph PlotItem that PNG and SVG exports draw."""
        return self._item

    def data_csv(self) -> str:  # pragma: no cover - abstract
        """What the plot shows, as CSV text with a header row."""
        raise NotImplementedError

    def export(self, path: str | Path, kind: str) -> None:
        """Write the plot ("png", "svg") or its data ("csv"). Raises OSError, or ValueError when
        the dock has nothing to export (its hint says why)."""
        self.refresh()
        if not self.can_export(kind):
            raise ValueError(self.hint_text() or self.tr("There is no plot to export."))
        if kind == "csv":
            write_text(path, self.data_csv())
        else:
            export_plot(self.plot_item(), path, kind)

    def ask_path(self, title: str, suggested: str, file_filter: str) -> str:
        """The file to write (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return path

    def ask_export(self, kind: str) -> None:
        stem = self.objectName().removesuffix("-dock") or "plot"
        ask_and_export(self, self.windowTitle(), f"{stem}.{kind}", self.ask_path, self.export)

    def _build(self, pg) -> QWidget:  # pragma: no cover - abstract
        raise NotImplementedError

    def _draw(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

