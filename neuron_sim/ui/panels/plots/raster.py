"""Raster: every recorded spike as a tick in its neuron's row, and each neuron's firing rate."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableWidget, QTableWidgetItem, QWidget

from neuron_sim.ui.styles import PALETTE, format_number

from neuron_sim.ui.panels.plots.base import PlotDock, duration_text, make_plot
from neuron_sim.ui.panels.plots.exporting import csv_text

MAX_ROW_LABELS = 40  # more rows than this get numbered ticks instead of labels
MAX_RATE_ROWS = 500
TICK_HALF_HEIGHT = 0.4


class RasterDock(PlotDock):
    FOLLOWS_NEWEST = True  # the whole recording, widening as it grows, until the user zooms

    def __init__(self, playback, parent: QWidget | None = None):
        super().__init__(playback, "", "raster-dock", parent)
        self.setWindowTitle(self.tr("Spike raster"))
        self.kept_note = self.add_kept_note("raster_kept_note")  # when the recording dropped spikes

    def _build(self, pg) -> QWidget:
        self._pg = pg
        self._plot = make_plot(pg, self.tr("time (ms)"), self.tr("neuron"))
        item = self._item = self._plot.getPlotItem()
        item.invertY(True)  # the first neuron on top, as in the file
        item.setMouseEnabled(x=True, y=False)
        # All spikes are one path of vertical ticks (a pair of points each): one item, fed from arrays.
        self._all = pg.PlotCurveItem(pen=pg.mkPen(PALETTE.text, width=1.5), connect="pairs")
        self._selected = pg.PlotCurveItem(pen=pg.mkPen(PALETTE.selection, width=2.5), connect="pairs")
        item.addItem(self._all)
        item.addItem(self._selected)
        self._rows_key: tuple | None = None
        self._table = QTableWidget(0, 2)
        self._table.setHorizontalHeaderLabels([self.tr("Neuron"), self.tr("Rate (Hz)")])
        self._table.verticalHeader().hide()
        self._table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._table.setMinimumWidth(170)
        self._table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._table.setToolTip(self.tr("Spikes per second over the recorded window"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._plot)
        splitter.addWidget(self._table)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 200])
        return splitter

    def _draw(self) -> None:
        playback = self.playback
        recorder = playback.recorder
        self.kept_note.hide()
        if playback.engine is None:
            self.show_hint(self.tr("This network cannot run, so nothing spikes."))
            return
        if recorder.unit != "ms":
            self.show_hint(self.tr("Spikes belong to spiking networks: switch the network's model to "
                                   "spiking (integrate-and-fire) to see a raster."))
            return
        self.show_plot()
        self.follow_new_axes(recorder.unit)
        ids = recorder.ids
        labels = [self.label_of(nid) for nid in ids]
        key = tuple(labels)
        if key != self._rows_key:
            self._rows_key = key
            axis = self._item.getAxis("left")
            axis.setTicks([list(enumerate(labels))] if len(ids) <= MAX_ROW_LABELS else None)
            self._item.setYRange(-0.5 - TICK_HALF_HEIGHT, len(ids) - 0.5 + TICK_HALF_HEIGHT, padding=0)
        times, rows = recorder.spikes()
        selected = np.array([recorder.index[nid] for nid in self.selected_present()
                             if nid in recorder.index], dtype=np.intp)
        chosen = np.isin(rows, selected)
        self._all.setData(*_ticks(times[~chosen], rows[~chosen]))
        self._selected.setData(*_ticks(times[chosen], rows[chosen]))
        samples = recorder.times()
        if samples.size and self.following:
            start = min(float(samples[0]), float(times[0]) if times.size else float(samples[0]))
            end = float(samples[-1])
            self._item.setXRange(start, max(end, start + 1.0), padding=0.01)
        self._fill_rates(ids, labels, recorder.firing_rates_hz())
        kept = self.kept_text(recorder, times)
        self.kept_note.setText(kept)
        self.kept_note.setVisible(bool(kept))

    def kept_text(self, recorder, spike_times: np.ndarray) -> str:
        """What the raster no longer shows ("" while it holds every spike since the start);
        `spike_times` are the recorder's, oldest first."""
        window = recorder.spike_window()
        if not recorder.spikes_dropped or window is None or not spike_times.size:
            return ""
        return (self.tr("Older spikes are no longer kept: the raster holds the last %1 spikes, those of "
                        "the last %2; the rates are measured over the last %3.")
                .replace("%1", f"{recorder.spike_capacity:,}")
                .replace("%2", duration_text(window[1] - float(spike_times[0])))
                .replace("%3", duration_text(window[1] - window[0])))

    def _fill_rates(self, ids: list[str], labels: list[str], rates: dict[str, float]) -> None:
        table = self._table
        count = min(len(ids), MAX_RATE_ROWS)
        extra = len(ids) > count
        if table.rowCount() != count + extra:
            table.setRowCount(count + extra)
        for row in range(count):
            self._set_cell(row, 0, labels[row])
            self._set_cell(row, 1, format_number(rates.get(ids[row], 0.0)), right=True)
        if extra:
            self._set_cell(count, 0, self.tr("… and {n} more").format(n=len(ids) - count))
            self._set_cell(count, 1, "")

    def _set_cell(self, row: int, column: int, text: str, right: bool = False) -> None:
        cell = self._table.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            if right:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._table.setItem(row, column, cell)
        if cell.text() != text:
            cell.setText(text)

    def data_csv(self) -> str:
        """Every recorded spike: the neuron's id and the time, in time order."""
        recorder = self.playback.recorder
        times, rows = recorder.spikes()
        order = np.argsort(times, kind="stable")
        ids = recorder.ids
        return csv_text(["neuron", "time_ms"], ((ids[r], t) for t, r in zip(times[order].tolist(),
                                                                             rows[order].tolist())))

    # ---- reading (tests) ---------------------------------------------------------------------
    def spike_points(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, rows) of every tick drawn, selected or not."""
        xs, ys = [], []
        for curve in (self._all, self._selected):
            x, y = curve.getData()
            if x is not None and len(x):
                xs.append(np.asarray(x)[::2])
                ys.append(np.asarray(y)[::2] + TICK_HALF_HEIGHT)
        if not xs:
            return np.zeros(0), np.zeros(0)
        return np.concatenate(xs), np.concatenate(ys)

    def rate_rows(self) -> list[tuple[str, str]]:
        table = self._table
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def _ticks(times: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each spike as a vertical segment: x twice, y from row − h to row + h."""
    x = np.repeat(times, 2)
    y = np.empty(x.size)
    y[0::2] = rows - TICK_HALF_HEIGHT
    y[1::2] = rows + TICK_HALF_HEIGHT
    return x, y
