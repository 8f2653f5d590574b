"""Issue #15 point 6: switching a rate network to spiking gives something usable, as one undo
step, with a notice in the status bar, and units that follow the model."""

from __future__ import annotations

from neuron_sim.model.fileformat import load
from neuron_sim.resources_path import examples_dir


def open_or_gate(window, x1: float, x2: float):
    network = load(examples_dir() / "or-gate.json")
    network.set_neuron_param("x1", "value", x1)
    network.set_neuron_param("x2", "value", x2)
    window.document.replace(network)
    return network


def test_switching_to_spiking_converts_in_one_undo_step_and_says_how(window, qtbot):
    network = open_or_gate(window, 0.5, 0.0)
    weights = {k: s.weight for k, s in network.synapses.items()}
    steps = window.document.undo_stack.count()
    window.model_actions["spiking"].trigger()
    assert network.model == "spiking" and window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Convert to spiking"  # the Edit menu's Undo …
    assert network.neuron("x1").rate_hz == 50.0 and network.neuron("x2").value == 0.0
    assert {k: s.weight for k, s in network.synapses.items()} == {k: 7.5 * w for k, w in weights.items()}
    qtbot.waitUntil(lambda: window.status_line.text().startswith("Now spiking"), timeout=3000)
    assert window.status_line.text().startswith("Now spiking: input x → x × 100 Hz (0: silent), weight w → w × 7.5 mV, "
                             "threshold θ → drive 15 × (1 − θ) mV")
    window.undo_action.trigger()
    assert network.model == "rate" and network.neuron("x1").value == 0.5
    assert window.document.undo_stack.redoText() == "Convert to spiking"
    assert {k: s.weight for k, s in network.synapses.items()} == weights
    window.redo_action.trigger()
    assert network.model == "spiking" and network.neuron("x1").rate_hz == 50.0


def test_a_weight_field_reads_in_mv_in_a_spiking_network(window):
    network = open_or_gate(window, 1.0, 0.0)
    key = next(iter(network.synapses))
    window.scene.select([], [key])
    assert window.inspector.field("weight").box.suffix() == ""
    window.model_actions["spiking"].trigger()
    window.scene.select([], [key])
    assert window.inspector.field("weight").box.suffix() == " mV"
    assert window.inspector.field("weight").box.text() == "7.500 mV"


def test_a_converted_or_gate_fires_and_its_inputs_show_their_rates(window):
    """Before: weights stayed 1 mV (nothing fired) and inputs of 0, 0.5 and 1 all said 20 Hz."""
    network = open_or_gate(window, 1.0, 0.0)
    window.model_actions["spiking"].trigger()
    playback = window.playback
    for _ in range(2000):  # 200 ms
        playback.step()
    assert len(playback.recorder.spike_times("y")) >= 10  # OR of 1 and 0 fires
    assert len(playback.recorder.spike_times("x2")) == 0  # an input of 0 is silent
    panel = window.instruments.panel
    panel.show_selection(["x1"], [])
    panel.refresh()
    assert panel.value_text("rate") == "100 Hz"
    panel.show_selection(["x2"], [])
    panel.refresh()
    assert panel.value_text("rate") == "silent (value 0)"
    assert ("0 Hz", False) in window.scene.neuron_items["x2"].text_lines()  # on the canvas too
    network.set_neuron_param("x2", "value", 1.0)  # as a click on the sensor does
    panel.refresh()
    assert panel.value_text("rate") == "100 Hz"
    assert ("100 Hz", False) in window.scene.neuron_items["x2"].text_lines()


def test_times_read_in_seconds_past_a_second_and_an_input_trace_has_no_membrane_axis(window, qtbot):
    open_or_gate(window, 1.0, 0.0)
    window.model_actions["spiking"].trigger()
    playback = window.playback
    for _ in range(24_000):  # 2.4 s
        playback.step()
    panel = window.instruments.panel
    panel.show_selection(["x1"], [])
    panel.refresh()
    assert panel.value_text("last_spike") == "2.39 s"  # every 10 ms from 0: the last at 2390 ms
    assert panel.value_text("since") == "10 ms"  # on the clock below: 2400 ms − 2390 ms
    assert window.playback_controls.time_label.text() == "t = 2.4 s"
    dock = window.instruments.trace_dock
    dock.show()
    dock.show_selection(["x1"], [])
    dock.refresh()
    assert dock.plot_item().getAxis("left").labelText == "spikes (one tick each)"
    dock.show_selection(["x1", "y"], [])
    dock.refresh()
    assert dock.plot_item().getAxis("left").labelText == "membrane potential v (mV)"
