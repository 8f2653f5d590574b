"""The canvas draws a plastic synapse's weight as it learns while the network plays."""

from __future__ import annotations

import numpy as np

from neuron_sim.ui import styles

from ..model.test_stdp_engine import paired


def test_plastic_weights_are_drawn_as_they_change(window):
    window.document.replace(paired())
    window.scene.flush()
    layer = window.scene.synapse_layer
    playback = window.playback
    row = layer._index[("g", "n")]
    assert layer.weights[row] == 3.0
    for _ in range(20):
        playback.advance(0.05)
    learned = playback.learned_weights()
    assert learned[("g", "n")] > 3.0
    assert layer.weights[row] == learned[("g", "n")]  # drawn as it is now
    assert layer.weights[layer._index[("h", "n")]] == 20.0  # a fixed synapse as it was
    assert layer.labels()[row][2] == styles.format_number(learned[("g", "n")])
    assert window.network.synapse(("g", "n")).weight == 3.0  # the file's start weight is kept
    # moving a neuron rebuilds the layer: it still draws the learned weight
    window.network.set_neuron_param("m", "position", (500.0, 300.0))
    window.scene.flush()
    assert layer.weights[layer._index[("g", "n")]] == learned[("g", "n")]
    playback.reset()
    window.scene.flush()
    assert layer.weights[layer._index[("g", "n")]] == 3.0


def test_the_stdp_example_opens_the_weights_dock_and_learns_as_it_plays(window):
    assert window.examples.open_example_named("backprop-or-brain-stdp")
    dock = window.instruments.weight_dock
    assert not dock.isVisible()
    window.playback.play()
    assert dock.isVisible()
    for _ in range(120):  # 6 s of playback: 120 ms of simulated time
        window.playback.advance(0.05)
    window.playback.pause()
    assert window.playback.learned_weights() == {("x1", "y"): 16.0, ("x2", "y"): 16.0}
    layer = window.scene.synapse_layer
    assert layer.weights[layer._index[("x1", "y")]] == 16.0
    dock.refresh()
    assert dock.shown_keys() == [("x1", "y"), ("x2", "y")]
    assert dock.history(("x1", "y"))[1][-1] == 16.0
