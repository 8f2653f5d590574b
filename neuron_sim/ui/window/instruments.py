"""Docks the instruments into the main window: computation panel, trace, activation, raster, weights.

The plot docks start hidden (pyqtgraph is imported only when one is first shown); the trace dock
opens by itself the first time the network plays, and the weights dock the first time a network
whose synapses learn plays.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QMenu, QScrollArea

from neuron_sim.ui.canvas.editor_scene import EditorScene
from neuron_sim.ui.panels.computation_panel import ComputationPanel
from neuron_sim.ui.panels.plots import create_plot_docks
from neuron_sim.ui.playback import Playback

PLOT_HEIGHT = 260  # a plot dock under the canvas, when it opens: room to read its plot
PLOT_MIN_HEIGHT = 160  # below this an opening plot dock is a strip, and gets PLOT_HEIGHT


class _FittingScrollArea(QScrollArea):
    """A scroll area that asks for its content's full size, so docks are laid out to show it all."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()


class Instruments(QObject):
    """The instrument docks of `window`, below the inspector's `inspector_dock` and under the canvas."""

    def __init__(self, playback: Playback, scene: EditorScene, window: QMainWindow, inspector_dock: QDockWidget):
        super().__init__(window)
        self._window = window
        self.panel = ComputationPanel(playback)
        self.panel_dock = QDockWidget(self.tr("What the neuron computes"), window)
        self.panel_dock.setObjectName("computation-dock")
        # Scrolls rather than squeezes: a short dock must never clip a row (two-line Korean rows).
        scroller = _FittingScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.panel)
        self.panel_dock.setWidget(scroller)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        window.splitDockWidget(inspector_dock, self.panel_dock, Qt.Orientation.Vertical)
        # The computation has more rows than the inspector usually shows: give it the larger share.
        window.resizeDocks([inspector_dock, self.panel_dock], [2, 3], Qt.Orientation.Vertical)
        # The right column (inspector, computation) runs the full height; plots sit under the canvas.
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # So does the left one (the Train dock, the code panel): the plots under the canvas are not
        # squeezed to what the left column's tall forms leave of the window's height.
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.plot_docks = create_plot_docks(playback, window)
        for dock in self.plot_docks:
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        for dock in self.plot_docks[1:]:
            window.tabifyDockWidget(self.plot_docks[0], dock)
        for dock in self.plot_docks:
            dock.hide()
            dock.visibilityChanged.connect(lambda visible, d=dock: visible and self._give_room(d))
        self.trace_dock = self.plot_docks[0]
        self.raster_dock = self.plot_docks[2]
        self.weight_dock = self.plot_docks[-1]
        self.weight_dock.push = scene.push
        self._playback = playback
        for widget in (self.panel, *self.plot_docks):
            scene.selection_changed_to.connect(widget.show_selection)
        self.opened_on_play = False
        self.weights_opened_on_play = False
        playback.playing_changed.connect(self._first_play)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.panel_dock.toggleViewAction())
        for dock in self.plot_docks:
            menu.addAction(dock.toggleViewAction())

    def _give_room(self, dock) -> None:
        """A plot dock that comes up as a strip (opened from the View menu, the window gives it the
        height it had when it was laid out hidden) gets room to read its plot."""
        bottom = self._window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        if bottom and not dock.isFloating() and dock.height() < PLOT_MIN_HEIGHT:
            self._window.resizeDocks([dock], [PLOT_HEIGHT], Qt.Orientation.Vertical)

    def _first_play(self, playing: bool) -> None:
        if playing and not self.opened_on_play:
            self.opened_on_play = True
            if not any(dock.isVisible() for dock in self.plot_docks):  # not over a plot the person opened
                self.trace_dock.show()
                self.trace_dock.raise_()
                self._window.resizeDocks([self.trace_dock], [PLOT_HEIGHT], Qt.Orientation.Vertical)
        if playing and not self.weights_opened_on_play and self._playback.learned_weights():
            self.weights_opened_on_play = True
            self.weight_dock.show()
            self.weight_dock.raise_()
