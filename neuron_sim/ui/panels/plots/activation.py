"""The activation function f(net) of the selected rate neuron with its current net input marked;
for a spiking cell its f–I curve (firing rate against constant drive) beside a scaled sigmoid."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QWidget

from neuron_sim.model.activations import ACTIVATIONS, FORMULAS
from neuron_sim.model.analysis import fi_curve, rate_breakdown, rheobase_mV, scaled_sigmoid, sigmoid_fit
from neuron_sim.ui.plain_text import escaped, plain_label
from neuron_sim.ui.styles import PALETTE, format_number

from neuron_sim.ui.panels.plots.base import PlotDock, add_legend, dashed_pen, make_plot
from neuron_sim.ui.panels.plots.exporting import csv_text

CURVE_COLOR = "#0072B2"
MAX_CACHED_CURVES = 32


class ActivationDock(PlotDock):
    FI_POINTS = 81
    FI_DURATION_MS = 1000.0

    def __init__(self, playback, parent: QWidget | None = None):
        super().__init__(playback, "", "activation-dock", parent)
        self.setWindowTitle(self.tr("Activation function"))
        self.mode: str | None = None  # "rate", "spiking" or None (hint shown)
        self.fi_computations = 0
        self._fi_cache: dict[tuple, tuple[np.ndarray, np.ndarray, tuple[float, float, float]]] = {}
        self._info = plain_label()
        self._info.setWordWrap(True)
        self.toolbar.addWidget(self._info, 1)

    def _build(self, pg) -> QWidget:
        self._pg = pg
        self._plot = make_plot(pg)
        item = self._item = self._plot.getPlotItem()
        self._legend = add_legend(pg, item, offset=(-10, -10))
        self._curve = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOR, width=2.5))
        self._overlay = pg.PlotDataItem(pen=dashed_pen(pg, PALETTE.excitatory, 2.0))
        self._marker = pg.ScatterPlotItem(size=14, brush=pg.mkBrush(PALETTE.soma_active),
                                          pen=pg.mkPen(PALETTE.text, width=1.5))
        self._threshold = pg.InfiniteLine(angle=90, pen=dashed_pen(pg, PALETTE.threshold_line), label="",
                                          labelOpts={"position": 0.92, "color": PALETTE.threshold_line,
                                                     "fill": (255, 255, 255, 200)})
        for element in (self._curve, self._overlay, self._marker):
            item.addItem(element)
        item.addItem(self._threshold, ignoreBounds=True)
        self._curve_key: tuple | None = None
        return self._plot

    def focus_id(self) -> str | None:
        """The neuron the dock explains: the first selected computing neuron, else the first selected."""
        present = self.selected_present()
        network = self.playback.network
        return next((nid for nid in present if network.neurons[nid].kind == "neuron"),
                    present[0] if present else None)

    def _draw(self) -> None:
        nid = self.focus_id()
        network = self.playback.network
        self.mode = None
        if nid is None:
            self._info.clear()
            self.show_hint(self.tr("Select a neuron to see its activation function."))
            return
        neuron = network.neurons[nid]
        if neuron.kind == "input":
            self._info.clear()
            self.show_hint(self.tr("{label} is an input: it has no activation function, "
                                   "its output is the value you set.").format(label=neuron.label))
            return
        if neuron.kind == "generator":
            self._info.clear()
            self.show_hint(self.tr("{label} is a spike generator: it fires by its own clock, "
                                   "whatever it receives.").format(label=neuron.label))
            return
        self.show_plot()
        if network.model == "rate":
            self._draw_rate(nid)
        else:
            self._draw_spiking(nid)

    # ---- rate ------------------------------------------------------------------------------
    def _draw_rate(self, nid: str) -> None:
        self.mode = "rate"
        network = self.playback.network
        neuron = network.neurons[nid]
        engine = self.playback.engine
        breakdown = None
        if engine is not None and engine.kind == "rate" and nid in engine.index:
            breakdown = rate_breakdown(network, engine, nid)
        name = breakdown.activation if breakdown else neuron.activation
        net = breakdown.net if breakdown else None
        half = 6.0 if net is None else max(6.0, float(math.ceil(abs(net) * 1.25)))
        key = ("rate", name, half)
        if key != self._curve_key:
            self._curve_key = key
            x = np.linspace(-half, half, 801)
            self._curve.setData(x, ACTIVATIONS[name](x))
            self._overlay.setData([], [])
            self._legend.clear()
            self._legend.addItem(self._curve, self.tr("f = {name}").format(name=name))
            self._legend.addItem(self._marker, self.tr("now"))
            self._item.setLabel("bottom", self.tr("net input Σ − θ  (= Σ + b)"))
            self._item.setLabel("left", self.tr("output a = f(net)"))
        theta = breakdown.threshold if breakdown else neuron.threshold
        self._threshold.setValue(0.0)
        self._threshold.label.setFormat(_braces(self.tr("Σ = θ = {theta}").format(theta=format_number(theta))))
        self._item.setTitle(self.tr("{label}: a = f(Σ − θ), {formula}").format(
            label=escaped(neuron.label), formula=FORMULAS.get(name, name)), color=PALETTE.text.name())
        if breakdown is None:
            self._marker.setData([], [])
            self._info.setText(self.tr("The network cannot run now, so there is no current input."))
            return
        self._marker.setData([net], [breakdown.output])
        self._info.setText(self.tr("now: Σ = {sum}, net = Σ − θ = {net}, a = f(net) = {a}").format(
            sum=format_number(breakdown.weighted_sum), net=format_number(net),
            a=format_number(breakdown.output)))

    # ---- spiking ---------------------------------------------------------------------------
    def fi_range(self, neuron) -> tuple[float, float]:
        """Drives from a little below 0 to six rheobases, stretched to hold the current drive."""
        rheobase = rheobase_mV(neuron)
        span = rheobase if rheobase > 0 else 15.0
        low, high = -0.5 * span, 6.0 * span
        drive = neuron.drive_mV
        while drive > high * 0.9 and high < 1000.0:
            high = min(high * 2.0, 1000.0)
        if drive < low:
            low = drive - 0.5 * span
        return low, high

    def fi_key(self, neuron, dt_ms: float) -> tuple:
        return (neuron.tau_ms, neuron.v_rest_mV, neuron.v_reset_mV, neuron.v_threshold_mV,
                neuron.refractory_ms, dt_ms, *self.fi_range(neuron))

    def fi_data(self, neuron, dt_ms: float):
        """(drives, rates, sigmoid fit), computed once per parameter set."""
        key = self.fi_key(neuron, dt_ms)
        low, high = key[-2:]
        cached = self._fi_cache.get(key)
        if cached is None:
            drives = np.linspace(low, high, self.FI_POINTS)
            rates = fi_curve(neuron, drives, dt_ms=dt_ms, duration_ms=self.FI_DURATION_MS)
            cached = (drives, rates, sigmoid_fit(drives, rates))
            self.fi_computations += 1
            if len(self._fi_cache) >= MAX_CACHED_CURVES:
                self._fi_cache.pop(next(iter(self._fi_cache)))
            self._fi_cache[key] = cached
        return cached

    def _draw_spiking(self, nid: str) -> None:
        self.mode = "spiking"
        network = self.playback.network
        neuron = network.neurons[nid]
        drives, rates, (top, centre, scale) = self.fi_data(neuron, network.dt_ms)
        key = ("spiking", self.fi_key(neuron, network.dt_ms))
        if key != self._curve_key:
            self._curve_key = key
            self._curve.setData(drives, rates)
            fine = np.linspace(drives[0], drives[-1], 400)
            self._overlay.setData(fine, scaled_sigmoid(fine, top, centre, scale) if top > 0 else fine * 0)
            self._legend.clear()
            self._legend.addItem(self._curve, self.tr("firing rate of the cell (simulated)"))
            self._legend.addItem(self._overlay, self.tr("sigmoid, scaled to {top} Hz").format(
                top=format_number(top)))
            self._legend.addItem(self._marker, self.tr("its drive now"))
            self._item.setLabel("bottom", self.tr("constant drive (input current, mV)"))
            self._item.setLabel("left", self.tr("firing rate (Hz)"))
        rheobase = rheobase_mV(neuron)
        self._threshold.setValue(rheobase)
        self._threshold.label.setFormat(_braces(self.tr("threshold reached: drive = {value} mV").format(
            value=format_number(rheobase))))
        self._item.setTitle(self.tr("A sigmoid is like a firing rate: f–I curve of {label}").format(
            label=escaped(neuron.label)), color=PALETTE.text.name())
        drive = neuron.drive_mV
        rate = float(np.interp(drive, drives, rates))
        self._marker.setData([drive], [rate])
        text = self.tr("drive {drive} mV → {rate} Hz").format(drive=format_number(drive),
                                                              rate=format_number(rate))
        recorder = self.playback.recorder
        if recorder.unit == "ms" and nid in recorder.index and len(recorder) > 1:
            measured = recorder.firing_rates_hz().get(nid, 0.0)
            text += " · " + self.tr("in the network (drive + synapses): {rate} Hz").format(
                rate=format_number(measured))
        self._info.setText(text)

    def data_csv(self) -> str:
        """The curve drawn: f(net) against net (rate), or the simulated f–I curve (spiking)."""
        x, y = self.curve_data()
        header = ["net", "a"] if self.mode == "rate" else ["drive_mV", "rate_Hz"]
        return csv_text(header, zip(x.tolist(), y.tolist()))

    # ---- reading (tests) ---------------------------------------------------------------------
    def marker_position(self) -> tuple[float, float] | None:
        x, y = self._marker.getData()
        return (float(x[0]), float(y[0])) if len(x) else None

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(self._curve.xData), np.asarray(self._curve.yData)

    def overlay_data(self) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(self._overlay.xData), np.asarray(self._overlay.yData)

    def title_text(self) -> str:
        return self._item.titleLabel.text

    def threshold_position(self) -> float:
        return float(self._threshold.value())


def _braces(text: str) -> str:
    """pyqtgraph formats labels with str.format: keep literal braces."""
    return text.replace("{", "{{").replace("}", "}}")
