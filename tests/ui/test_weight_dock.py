"""The Weights (STDP) dock: the learned weights sampled while the network plays, drawn per synapse."""

from __future__ import annotations

import csv
import io

import numpy as np

from neuron_sim.ui.panels.plots import WeightDock

from ..model.test_stdp_engine import paired
from .plot_helpers import relay


def play(playback, frames: int) -> None:
    for _ in range(frames):
        playback.advance(0.05)


def test_weights_are_sampled_each_frame_and_drawn(make):
    playback, dock = make(WeightDock, paired())
    play(playback, 30)
    dock.refresh()
    assert dock.hint_text() == ""
    assert dock.shown_keys() == [("g", "n"), ("n", "m")]  # none selected: every synapse that learns
    times, weights = dock.history(("g", "n"))
    assert times.size == 31 and np.all(np.diff(times) > 0)  # the start, then one sample per frame
    assert weights[0] == 3.0 and weights[-1] == playback.learned_weights()[("g", "n")] > 3.0
    x, y = dock._curves[("g", "n")].getData()
    assert np.array_equal(y, weights)
    dock.show_selection([], [("n", "m"), ("h", "n")])  # h → n does not learn
    dock.refresh()
    assert dock.shown_keys() == [("n", "m")] and list(dock._curves) == [("n", "m")]
    rows = list(csv.reader(io.StringIO(dock.data_csv())))
    assert rows[0] == ["time_ms", "g->n", "n->m"] and len(rows) == 32
    assert float(rows[-1][1]) == playback.learned_weights()[("g", "n")]


def test_reset_starts_the_history_again(make):
    playback, dock = make(WeightDock, paired())
    play(playback, 10)
    playback.reset()
    times, weights = dock.history(("g", "n"))
    assert times.tolist() == [0.0] and weights.tolist() == [3.0]


def test_without_learning_synapses_the_dock_says_how_to_get_some(make):
    playback, dock = make(WeightDock, relay())
    play(playback, 5)
    dock.refresh()
    assert "STDP" in dock.hint_text()
    assert not dock.can_export("csv")


def test_keeping_the_learned_weights_is_one_undo_step(make):
    from PySide6.QtGui import QUndoStack

    from neuron_sim.commands import push

    playback, dock = make(WeightDock, paired())
    stack = QUndoStack()
    dock.push = lambda command: push(stack, command)
    play(playback, 30)
    learned = playback.learned_weights()
    dock.keep_button.click()
    network = playback.network
    assert {key: network.synapse(key).weight for key in learned} == learned
    assert network.synapse(("h", "n")).weight == 20.0
    assert stack.count() == 1 and stack.text(0) == "Keep the learned weights"
    playback.reset()  # a run now starts from the kept weights
    assert playback.learned_weights() == learned
    stack.undo()
    assert network.synapse(("g", "n")).weight == 3.0 and network.synapse(("n", "m")).weight == 2.0
    dock.keep_button.click()  # nothing learned since the reset: nothing to keep
    assert stack.count() == 1
