"""Traces: the activation (rate, per tick) or membrane potential v(t) (spiking, in ms) of the
selected neurons, scrolling, with the threshold dashed and the spikes drawn as ticks.

The y axis always spans the neurons' natural range (0..1 for a step or sigmoid unit, −1..1 for
tanh, reset to threshold and the spike ticks for a spiking cell), widened only for values that
leave it: a neuron that never fires reads as a flat line at 0 on a 0..1 axis, not as a line in
the middle of an axis that autoscaled to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QWidget

from neuron_sim.model.activations import ACTIVATIONS
from neuron_sim.ui.plain_text import escaped, plain_label
from neuron_sim.ui.styles import PALETTE, format_number

from neuron_sim.ui.panels.plots.base import (PlotDock, add_legend, dashed_pen, duration_text, horizontal_label_options,
                                             make_plot, series_color)

SPIKE_TICK_MV = 15.0  # a spike is drawn from the threshold up by this much
DEFAULT_SOURCE_THRESHOLD_MV = -55.0
Y_PADDING = 0.06  # of the y span, above and below, so dots at 0 and 1 are not cut by the frame
INPUT_RANGE = (0.0, 1.0)  # inputs are mostly switched between 0 and 1


def activation_range(name: str) -> tuple[float, float]:
    """The outputs f takes, clipped to −1..1: step, sigmoid and relu 0..1, tanh and linear −1..1."""
    ends = np.clip(ACTIVATIONS[name](np.array([-1e6, 0.0, 1e6])), -1.0, 1.0)
    return float(ends.min()), float(ends.max())


def trace_y_range(natural: Sequence[tuple[float, float]], values: np.ndarray) -> tuple[float, float]:
    """The y axis: every natural range and every finite shown value, with Y_PADDING around them."""
    lows, highs = [low for low, _ in natural], [high for _, high in natural]
    finite = values[np.isfinite(values)]
    if finite.size:
        lows.append(float(finite.min()))
        highs.append(float(finite.max()))
    low, high = min(lows, default=0.0), max(highs, default=1.0)
    if high - low < 1e-9:  # nothing to go by but one value: a unit either side
        low, high = low - 1.0, high + 1.0
    pad = (high - low) * Y_PADDING
    return float(low - pad), float(high + pad)


class TraceDock(PlotDock):
    """One coloured line per selected neuron, and per end of a selected synapse (at most MAX_TRACES),
    a legend of their labels.

    While following (base.py) the plot shows the last `window` of the recording on the natural
    y range; after a zoom or a drag it shows what the recorder holds around the user's view.
    """

    FOLLOWS_NEWEST = True
    MAX_TRACES = 12
    DEFAULT_WINDOW = {"ms": 200.0, "tick": 40.0}

    def __init__(self, playback, parent: QWidget | None = None):
        super().__init__(playback, "", "trace-dock", parent)
        self.setWindowTitle(self.tr("Traces"))
        self._unit = ""
        self._windows = dict(self.DEFAULT_WINDOW)
        self._window_box = QDoubleSpinBox()
        self._window_box.setRange(1.0, 1e6)
        self._window_box.setDecimals(0)
        self._window_box.setToolTip(self.tr("How much of the recent past the plot shows"))
        self._window_box.valueChanged.connect(self._window_changed)
        self._note = plain_label()
        self._note.setStyleSheet(f"color: {PALETTE.muted_text.name()};")
        self.export_data_action.setToolTip(
            self.tr("Save the recorded traces of the selected neurons (all neurons if none is selected)"))
        self.toolbar.addWidget(QLabel(self.tr("Show the last")))
        self.toolbar.addWidget(self._window_box)
        self.toolbar.addWidget(self._note, 1)
        self.kept_note = self.add_kept_note("trace_kept_note")  # when the recording dropped samples
        self._sync_unit("tick")

    # ---- plot -----------------------------------------------------------------------------
    def _build(self, pg) -> QWidget:
        self._pg = pg
        self._plot = make_plot(pg)
        self._item = self._plot.getPlotItem()
        self._item.setClipToView(True)
        self._legend = add_legend(pg, self._item)
        self._curves: dict[str, object] = {}
        self._ticks: dict[str, object] = {}
        self._tick_span: dict[str, tuple[float, float]] = {}
        self._lines: list = []
        self._layout_key: tuple | None = None
        self._line_key: tuple | None = None
        self._natural: list[tuple[float, float]] = []
        self._item.enableAutoRange(y=False)  # _draw sets it: see trace_y_range
        return self._plot

    def _draw(self) -> None:
        recorder = self.playback.recorder
        self._sync_unit(recorder.unit)  # the window's unit is the network's, selection or not
        selected = [nid for nid in self.selected_present() if nid in recorder.index]
        if not selected:
            self._note.clear()
            self.kept_note.hide()
            if self.playback.engine is None and self.neuron_ids:
                self.show_hint(self.tr("This network cannot run, so there is nothing to record."))
            else:
                self.show_hint(self.tr("Select neurons to see their activity over time."))
            return
        self.show_plot()
        shown = selected[:self.MAX_TRACES]
        self._note.setText(self.tr("(the first {shown} of {count})").format(
            shown=len(shown), count=len(selected)) if len(selected) > len(shown) else "")
        spiking = recorder.unit == "ms"
        self.follow_new_axes(recorder.unit)
        network = self.playback.network
        kinds = tuple(network.neurons[nid].kind for nid in shown)
        key = (recorder.unit, tuple(shown), tuple(self.label_of(nid) for nid in shown), kinds,
               tuple(network.neurons[nid].v_threshold_mV for nid in shown) if spiking else ())
        if key != self._layout_key:
            self._rebuild_items(shown, kinds, spiking)
            self._layout_key = key
        self._update_thresholds(shown, spiking)

        times = recorder.times()
        kept = self.kept_text(recorder, times)
        self.kept_note.setText(kept)
        self.kept_note.setVisible(bool(kept))
        window = self._window_box.value()
        end = float(times[-1]) if times.size else 0.0
        first = float(times[0]) if times.size else 0.0
        if self.following:
            start, stop = end - window, np.inf
        else:  # the user's view, and as much again either side: a drag shows data at once
            view_left, view_right = self._item.viewRange()[0]
            span = view_right - view_left
            start, stop = view_left - span, view_right + span
        lo = int(np.searchsorted(times, start, side="left"))
        hi = int(np.searchsorted(times, stop, side="right"))
        t = times[lo:hi]
        rows = recorder.values(start=lo, stop=hi) if self._curves else None  # one copy for all the curves
        columns = [recorder.index[nid] for nid in self._curves]
        if self.following:
            self._set_y_range(trace_y_range(self._natural, rows[:, columns] if columns else np.zeros(0)))
        for nid in shown:
            curve = self._curves.get(nid)
            if curve is not None:
                curve.setData(t, rows[:, recorder.index[nid]])
            ticks = self._ticks.get(nid)
            if ticks is not None:
                spikes = recorder.spike_times(nid)
                spikes = spikes[(spikes >= start) & (spikes <= stop)]
                y0, y1 = self._tick_span[nid]
                ticks.setData(np.repeat(spikes, 2), np.tile([y0, y1], spikes.size))
        if self.following:
            left = max(first, start)
            self._item.setXRange(left, max(end, left + window), padding=0)

    def kept_text(self, recorder, times: np.ndarray) -> str:
        """What the recording no longer holds ("" while it holds everything since the start)."""
        if not recorder.samples_dropped or not times.size:
            return ""
        memory = max(1, round(recorder.memory_bytes / (1 << 20)))
        if recorder.unit == "ms":
            span = duration_text(float(times[-1] - times[0]))
        else:
            span = self.tr("%1 ticks").replace("%1", str(len(times)))
        return (self.tr("Older samples are no longer kept: the recording holds the last %1 of every "
                        "neuron (%2 MB; set in Edit → Preferences).")
                .replace("%1", span).replace("%2", str(memory)))

    def view_moved(self) -> None:
        self.redraws.request()  # the data around the new view

    def _rebuild_items(self, shown: list[str], kinds: tuple[str, ...], spiking: bool) -> None:
        pg = self._pg
        for item in (*self._curves.values(), *self._ticks.values()):
            self._item.removeItem(item)
        self._legend.clear()
        self._curves, self._ticks, self._tick_span = {}, {}, {}
        self._item.setLabel("bottom", self.tr("time (ms)") if spiking else self.tr("step (tick)"))
        if not spiking:
            self._item.setLabel("left", self.tr("output a (activation)"))
        elif "neuron" in kinds:
            self._item.setLabel("left", self.tr("membrane potential v (mV)"))
        else:  # only spike sources: their spikes, on no membrane's axis
            self._item.setLabel("left", self.tr("spikes (one tick each)"))
        self._item.getAxis("left").setStyle(showValues=not spiking or "neuron" in kinds)
        network = self.playback.network
        cell_thresholds = [network.neurons[nid].v_threshold_mV for nid, kind in zip(shown, kinds)
                           if kind == "neuron"]
        source_base = max(cell_thresholds, default=DEFAULT_SOURCE_THRESHOLD_MV) + SPIKE_TICK_MV + 5.0
        self._natural = []
        for n, (nid, kind) in enumerate(zip(shown, kinds)):
            color = series_color(n)
            label = escaped(self.label_of(nid))  # pyqtgraph's legend reads HTML
            is_source = spiking and kind != "neuron"
            if not is_source:
                if spiking:
                    curve = pg.PlotDataItem(pen=pg.mkPen(color, width=1.5), name=label)
                else:
                    curve = pg.PlotDataItem(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6,
                                            symbolBrush=color, symbolPen=None, name=label)
                self._item.addItem(curve)
                self._curves[nid] = curve
            if spiking:
                ticks = pg.PlotCurveItem(pen=pg.mkPen(color, width=2), connect="pairs",
                                         name=label if is_source else None)
                self._item.addItem(ticks)
                self._ticks[nid] = ticks
                if is_source:
                    self._tick_span[nid] = (source_base, source_base + SPIKE_TICK_MV * 0.6)
                else:
                    theta = network.neurons[nid].v_threshold_mV
                    self._tick_span[nid] = (theta, theta + SPIKE_TICK_MV)
            self._natural.append(self._natural_range(network.neurons[nid], spiking, self._tick_span.get(nid)))

    @staticmethod
    def _natural_range(neuron, spiking: bool, tick_span: tuple[float, float] | None) -> tuple[float, float]:
        """Where the neuron's trace lives when nothing unusual happens (see the module's doc)."""
        if spiking and neuron.kind == "neuron":
            low = min(neuron.v_reset_mV, neuron.v_rest_mV, neuron.v_threshold_mV)
            return low, max(neuron.v_threshold_mV, tick_span[1])
        if spiking:
            return tick_span
        return activation_range(neuron.activation) if neuron.kind == "neuron" else INPUT_RANGE

    def _set_y_range(self, y_range: tuple[float, float]) -> None:
        low, high = self._item.viewRange()[1]
        if abs(low - y_range[0]) > 1e-9 or abs(high - y_range[1]) > 1e-9:
            self._item.setYRange(*y_range, padding=0)

    def _update_thresholds(self, shown: list[str], spiking: bool) -> None:
        """Dashed lines: v_threshold (spiking cells), or the output f(0) at which Σ = θ (rate)."""
        network = self.playback.network
        levels: dict[float, list[str]] = {}
        for nid in shown:
            neuron = network.neurons[nid]
            if neuron.kind != "neuron":
                continue
            if spiking:
                level = neuron.v_threshold_mV
            else:
                level = float(ACTIVATIONS[neuron.activation](np.array([0.0]))[0])
            levels.setdefault(level, []).append(neuron.label)
        key = (spiking, tuple(sorted((level, tuple(names)) for level, names in levels.items())))
        if key == self._line_key:
            return
        self._line_key = key
        for line in self._lines:
            self._item.removeItem(line)
        self._lines = []
        pg = self._pg
        for level, names in sorted(levels.items()):
            if spiking:
                text = self.tr("threshold {value} mV").format(value=format_number(level))
            else:
                text = self.tr("Σ = θ (net input 0)")
            if len(levels) > 1:
                text += " · " + ", ".join(names)
            line = pg.InfiniteLine(pos=level, angle=0, pen=dashed_pen(pg, PALETTE.threshold_line),
                                   label=text.replace("{", "{{").replace("}", "}}"),
                                   labelOpts=horizontal_label_options(PALETTE.threshold_line))
            self._item.addItem(line, ignoreBounds=True)
            self._lines.append(line)

    # ---- window ---------------------------------------------------------------------------
    def selected_present(self) -> list[str]:
        """The selected neurons, then both ends of each selected synapse (what goes in, what comes
        out), as far as the running network still holds them."""
        network = self.playback.network
        ends = [nid for key in self.synapse_keys for nid in key]
        return [nid for nid in dict.fromkeys([*self.neuron_ids, *ends]) if nid in network.neurons]

    def _sync_unit(self, unit: str) -> None:
        if unit == self._unit:
            return
        self._unit = unit
        with QSignalBlocker(self._window_box):
            self._window_box.setSuffix(self.tr(" ms") if unit == "ms" else self.tr(" ticks"))
            self._window_box.setValue(self._windows.get(unit, 100.0))

    def _window_changed(self, value: float) -> None:
        self._windows[self._unit] = value
        self.set_following(True, redraw=False)  # a new window asks for the newest data
        if self.built and self.isVisible():
            self.refresh()

    def set_window(self, length: float) -> None:
        """Show the last `length` ms (spiking) or ticks (rate)."""
        self._window_box.setValue(length)

    def windows(self) -> dict[str, float]:
        """How much of the past is shown, by unit ("ms", "tick"), as the person set it."""
        return dict(self._windows)

    def set_windows(self, windows: dict[str, float]) -> None:
        """Show the past as `windows` (from `windows()` of another dock) says, for each unit."""
        self._windows.update(windows)
        if self._unit in windows:
            self._window_box.setValue(windows[self._unit])

    # ---- reading (tests, export) ---------------------------------------------------------
    def curve_data(self, neuron_id: str) -> tuple[np.ndarray, np.ndarray]:
        curve = self._curves[neuron_id]
        return np.asarray(curve.xData), np.asarray(curve.yData)

    def spike_tick_times(self, neuron_id: str) -> np.ndarray:
        x = self._ticks[neuron_id].xData
        return np.zeros(0) if x is None else np.asarray(x)[::2]

    def y_range(self) -> tuple[float, float]:
        low, high = self._item.viewRange()[1]
        return float(low), float(high)

    def threshold_levels(self) -> list[float]:
        return [float(line.value()) for line in self._lines]

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self._legend.items]

    def export_ids(self) -> list[str]:
        recorder = self.playback.recorder
        return [nid for nid in self.selected_present() if nid in recorder.index]

    def can_export(self, kind: str) -> bool:
        """The data can be saved without a plot: with nothing selected it is every recorded neuron."""
        return bool(self.playback.recorder.ids) if kind == "csv" else super().can_export(kind)

    def data_csv(self) -> str:
        """The recording of the selected neurons (all if none): a time column, one per neuron."""
        return self.playback.recorder.to_csv(self.export_ids() or None)
