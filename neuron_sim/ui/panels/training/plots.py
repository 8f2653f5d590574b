"""The Train dock's plots: the loss (and accuracy) per epoch, and the decision-boundary map.

pyqtgraph is imported when the plots are first built (plots/base.py explains why). A right-click
on either plot offers the app's own menu (pyqtgraph's is English and made for power users), as the
instrument docks' plots do: reset the view, the plot as a PNG image or an SVG drawing for a slide,
and the loss per epoch as CSV.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QVBoxLayout, QWidget

from neuron_sim.ui.panels.plots.base import make_plot, pyqtgraph, series_color
from neuron_sim.ui.panels.plots.exporting import ask_and_export, csv_text, export_plot, plot_as_text, write_text

from neuron_sim.ui.panels.training.session import TrainingSession

GRID = 64  # cells per side of the decision-boundary map
# The output's colour from 0 to 1: blue through white to orange (Okabe–Ito ends, readable in greyscale).
LOW_COLOUR = np.array([86, 180, 233])
HIGH_COLOUR = np.array([230, 159, 0])


class TrainingPlots(QWidget):
    """Loss per epoch above, the output over the input plane with the data points below."""

    def __init__(self, session: TrainingSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.built = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.loss_values: list[float] = []
        self.accuracy_values: list[float] = []
        self.boundary: np.ndarray | None = None  # the output over the grid, last drawn
        self.extent: tuple[float, float, float, float] = (0.0, 1.0, 0.0, 1.0)
        self.last_plot_menu: QMenu | None = None  # the right-click menu shown last (tests read it)

    def build(self) -> None:
        if self.built:
            return
        pg = pyqtgraph()
        self.loss_plot = make_plot(pg, self.tr("epoch"), self.tr("loss"))
        self.loss_plot.setObjectName("training_loss_plot")
        self.loss_plot.setMinimumHeight(150)
        item = self.loss_plot.getPlotItem()
        item.setContentsMargins(0, 10, 0, 0)  # the right axis's top number is drawn above the plot: keep it whole
        item.setLabel("left", self.tr("loss"), color=series_color(0).name())
        self.loss_curve = item.plot([], [], pen=pg.mkPen(series_color(0), width=2))
        # Accuracy on its own axis at the right, 0 to 1: the loss may be far smaller.
        self.accuracy_view = pg.ViewBox()
        item.showAxis("right")
        item.scene().addItem(self.accuracy_view)
        right = item.getAxis("right")
        right.linkToView(self.accuracy_view)
        right.setLabel(self.tr("accuracy (0 to 1)"), color=series_color(1).name())
        right.setPen(pg.mkPen(series_color(1)))
        self.accuracy_view.setXLink(item)
        self.accuracy_view.setYRange(0.0, 1.05, padding=0)
        self.accuracy_view.setMouseEnabled(x=False, y=False)
        self.accuracy_view.setMenuEnabled(False)  # else a right-click on the right axis opens its English menu
        self.accuracy_curve = pg.PlotCurveItem(pen=pg.mkPen(series_color(1), width=2, style=Qt.PenStyle.DashLine))
        self.accuracy_view.addItem(self.accuracy_curve)

        def follow_main_view() -> None:
            self.accuracy_view.setGeometry(item.vb.sceneBoundingRect())
            self.accuracy_view.linkedViewChanged(item.vb, self.accuracy_view.XAxis)

        item.vb.sigResized.connect(follow_main_view)
        follow_main_view()
        self.map_plot = make_plot(pg, self.tr("input 1"), self.tr("input 2"))
        self.map_plot.setObjectName("training_boundary_plot")
        self.map_plot.setMinimumHeight(200)
        self.map_plot.getPlotItem().setAspectLocked(True)
        self.map_plot.getPlotItem().setTitle(self.tr("the output over the inputs (decision boundary)"),
                                             color="#1F2328", size="10pt")
        self.image = pg.ImageItem()
        self.map_plot.addItem(self.image)
        self.points_one = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#222222"), brush=pg.mkBrush(*HIGH_COLOUR))
        self.points_zero = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#222222"), brush=pg.mkBrush(*LOW_COLOUR),
                                              symbol="s")
        self.map_plot.addItem(self.points_one)
        self.map_plot.addItem(self.points_zero)
        self._layout.addWidget(self.loss_plot, 2)
        self._layout.addWidget(self.map_plot, 3)
        for plot in (self.loss_plot, self.map_plot):
            self._replace_plot_menu(plot)
        self.built = True

    # ---- the right-click menu ----------------------------------------------------------------
    def _replace_plot_menu(self, plot) -> None:
        plot.getPlotItem().setMenuEnabled(False)
        plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        plot.customContextMenuRequested.connect(
            lambda pos: self.plot_menu(plot).popup(plot.viewport().mapToGlobal(pos)))

    def plot_menu(self, plot) -> QMenu:
        """`plot`'s right-click menu: back to showing all of its data after a zoom or a drag."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reset = menu.addAction(self.tr("Reset the view"))
        reset.setToolTip(self.tr("Show all the data again, and keep it all in view as training goes on"))
        reset.triggered.connect(lambda: self.reset_view(plot))
        menu.addSeparator()
        menu.addAction(plot_as_text("png")).triggered.connect(lambda: self.ask_export(plot, "png"))
        menu.addAction(plot_as_text("svg")).triggered.connect(lambda: self.ask_export(plot, "svg"))
        if plot is self.loss_plot:
            menu.addAction(self.tr("Loss per epoch as CSV…")).triggered.connect(lambda: self.ask_export(plot, "csv"))
        menu.setToolTipsVisible(True)
        self.last_plot_menu = menu
        return menu

    # ---- export -------------------------------------------------------------------------------
    def export(self, plot, path: str | Path, kind: str) -> None:
        """Write `plot` as "png" or "svg", or the loss plot's data as "csv". Raises OSError."""
        if kind == "csv":
            write_text(path, self.loss_csv())
        else:
            export_plot(plot.getPlotItem(), path, kind)

    def loss_csv(self) -> str:
        """Each epoch of the session: its loss, and its accuracy where the data has one."""
        return csv_text(["epoch", "loss", "accuracy"],
                        ((r.epoch, repr(r.loss), "" if r.accuracy is None else repr(r.accuracy))
                         for r in self.session.history))

    def ask_path(self, title: str, suggested: str, file_filter: str) -> str:
        """The file to write (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return path

    def ask_export(self, plot, kind: str) -> None:
        stem = "training-loss" if plot is self.loss_plot else "decision-boundary"
        ask_and_export(self, self.tr("Export"), f"{stem}.{kind}", self.ask_path,
                       lambda path, kind: self.export(plot, path, kind))

    def reset_view(self, plot) -> None:
        """Undo the mouse's zooms and drags: the view fits the data again and follows it as it grows."""
        plot.getPlotItem().enableAutoRange()

    # ---- drawing ------------------------------------------------------------------------------
    def redraw(self) -> None:
        self.build()
        history = self.session.history
        epochs = np.array([r.epoch for r in history], dtype=float)
        self.loss_values = [r.loss for r in history]
        self.accuracy_values = [r.accuracy for r in history if r.accuracy is not None]
        self.loss_curve.setData(epochs, np.array(self.loss_values, dtype=float))
        if len(self.accuracy_values) == len(history):
            self.accuracy_curve.setData(epochs, np.array(self.accuracy_values, dtype=float))
        else:
            self.accuracy_curve.setData([], [])
        self._draw_map()

    def _draw_map(self) -> None:
        trainer = self.session.ensure_trainer() if self.session.trainer is None else self.session.trainer
        if trainer is None or len(trainer.data.input_ids) != 2 or trainer.targets.shape[1] < 1:
            self.map_plot.hide()
            self.boundary = None
            return
        self.map_plot.show()
        points, targets = trainer.data.inputs, trainer.targets[:, 0]
        low, high = points.min(axis=0), points.max(axis=0)
        pad = np.maximum((high - low) * 0.15, 0.25)
        x0, y0 = low - pad
        x1, y1 = high + pad
        xs, ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
        out = self.session.predict_grid(xs, ys)
        if out is None:
            self.map_plot.hide()
            return
        self.boundary, self.extent = out, (x0, x1, y0, y1)
        level = np.clip(np.nan_to_num(out, nan=0.5), 0.0, 1.0)[..., None]
        white = np.array([255, 255, 255])
        colours = np.where(level < 0.5, white + (LOW_COLOUR - white) * (1 - 2 * level),
                           white + (HIGH_COLOUR - white) * (2 * level - 1))
        # ImageItem's first axis is x; rows of `out` follow y.
        self.image.setImage(np.transpose(colours, (1, 0, 2)).astype(np.ubyte), levels=(0, 255))
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        one = targets >= 0.5
        self.points_one.setData(points[one, 0], points[one, 1])
        self.points_zero.setData(points[~one, 0], points[~one, 1])
