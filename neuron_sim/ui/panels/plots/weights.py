"""Weights over time: how the synapses that learn by STDP change while the network plays.

The dock samples the Player's learned weights after every frame of playback (a weight changes
only when a spike arrives or its target fires, so the curves are drawn as steps), whether it is
shown or not, and starts again when the run does (Reset, another network). It draws the selected
synapses that learn, or every one that learns when none of them is selected.

The network holds the weights a run starts from; "Keep the learned weights" makes the learned ones
the network's, one undo step (`push` is how the window applies an edit: EditorScene.push).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from neuron_sim.commands import ModelCommand, SetSynapseParamCommand, macro
from neuron_sim.ui.events import connect_all
from neuron_sim.ui.panels.plots.base import PlotDock, add_legend, make_plot, series_color
from neuron_sim.ui.panels.plots.exporting import csv_text
from neuron_sim.ui.styles import PALETTE

SynapseKey = tuple[str, str]
MAX_SAMPLES = 20000  # the oldest samples go first beyond this


class WeightDock(PlotDock):
    FOLLOWS_NEWEST = True
    MAX_CURVES = 12

    def __init__(self, playback, parent: QWidget | None = None):
        super().__init__(playback, "", "weight-dock", parent)
        self.setWindowTitle(self.tr("Weights (STDP)"))
        self.export_data_action.setToolTip(self.tr("Save the sampled weights of the synapses that learn"))
        self._note = QLabel()
        self._note.setStyleSheet(f"color: {PALETTE.muted_text.name()};")
        self.toolbar.addWidget(self._note, 1)
        self.push: Callable[[ModelCommand], bool] | None = None  # set by the window
        self.keep_button = QPushButton(self.tr("Keep the learned weights"))
        self.keep_button.setToolTip(self.tr("Make the weights learned so far the network's own (saved with "
                                            "it, where Reset starts from); one undo step"))
        self.keep_button.clicked.connect(self.keep_learned_weights)
        self.toolbar.addWidget(self.keep_button)
        self._times: list[float] = []
        self._samples: list[dict[SynapseKey, float]] = []
        self._sample_links = connect_all([(playback.advanced, self.sample)], owner=self)
        self.sample()

    # ---- the history -------------------------------------------------------------------------
    def sample(self) -> None:
        """Note the learned weights now (the playback calls this after every frame)."""
        clock = self.playback.player.clock()
        weights = self.playback.learned_weights()
        if clock is None or clock.t_ms is None or not weights:
            if self._times:
                self._times, self._samples = [], []
            return
        t = clock.t_ms
        if self._times and (t < self._times[-1] or self._samples[-1].keys() != weights.keys()):
            self._times, self._samples = [], []  # the run started again, or other synapses learn
        if self._times and t == self._times[-1]:
            self._samples[-1] = weights
            return
        self._times.append(t)
        self._samples.append(weights)
        if len(self._times) > MAX_SAMPLES:
            del self._times[:len(self._times) - MAX_SAMPLES]
            del self._samples[:len(self._samples) - MAX_SAMPLES]

    def keep_learned_weights(self) -> None:
        """The learned weights become the network's (one undo step); nothing when none differs."""
        network = self.playback.network
        changed = {key: w for key, w in self.playback.learned_weights().items()
                   if key in network.synapses and network.synapses[key].weight != w}
        if not changed or self.push is None:
            return
        self.push(macro(network, self.tr("Keep the learned weights"),
                        (SetSynapseParamCommand(network, key, "weight", w) for key, w in changed.items())))

    def history(self, key: SynapseKey) -> tuple[np.ndarray, np.ndarray]:
        """(times in ms, weights) sampled for synapse `key`."""
        return np.array(self._times), np.array([sample[key] for sample in self._samples])

    def shown_keys(self) -> list[SynapseKey]:
        """The synapses drawn: the selected ones that learn, else all that learn (at most MAX_CURVES)."""
        learning = list(self._samples[-1]) if self._samples else []
        chosen = [key for key in self.synapse_keys if key in learning]
        return (chosen or learning)[:self.MAX_CURVES]

    # ---- plot --------------------------------------------------------------------------------
    def _build(self, pg) -> QWidget:
        self._pg = pg
        self._plot = make_plot(pg, self.tr("time (ms)"), self.tr("weight w (mV)"))
        self._item = self._plot.getPlotItem()
        # bottom right: learning weights climb from the left, so that corner stays free longest
        self._legend = add_legend(pg, self._item, offset=(-10, -10))
        self._curves: dict[SynapseKey, object] = {}
        return self._plot

    def _draw(self) -> None:
        if self.playback.engine is None or not self._times:
            self._note.clear()
            self.show_hint(self.tr("No synapse learns here. Select a synapse of a spiking network and tick "
                                   "“learns while the network plays” in the inspector's STDP section, then play."))
            return
        self.show_plot()
        self.follow_new_axes("ms")
        keys = self.shown_keys()
        self._note.setText("" if any(k in keys for k in self.synapse_keys)
                           else self.tr("all synapses that learn; select some to see only them"))
        if list(self._curves) != keys:
            for curve in self._curves.values():
                self._item.removeItem(curve)
            self._legend.clear()
            self._curves = {}
            for i, key in enumerate(keys):
                pen = self._pg.mkPen(series_color(i), width=2)
                curve = self._pg.PlotDataItem(pen=pen, stepMode="right", name=self._name(key))
                self._item.addItem(curve)
                self._curves[key] = curve
        for key, curve in self._curves.items():
            curve.setData(*self.history(key))
        if self.following:
            start, end = self._times[0], self._times[-1]
            self._item.setXRange(start, max(end, start + 1.0), padding=0.01)
            self._item.enableAutoRange(y=True)

    def _name(self, key: SynapseKey) -> str:
        return f"{self.label_of(key[0])} → {self.label_of(key[1])}"

    def can_export(self, kind: str) -> bool:
        return bool(self._times) if kind == "csv" else super().can_export(kind)

    def data_csv(self) -> str:
        """The sampled weights: a time column, then one column per synapse that learns."""
        keys = list(self._samples[-1]) if self._samples else []
        header = ["time_ms", *(f"{source}->{target}" for source, target in keys)]
        return csv_text(header, ([t, *(sample[key] for key in keys)]
                                 for t, sample in zip(self._times, self._samples)))
