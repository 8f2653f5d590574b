"""A dc or ac generator on the canvas and in the instruments: it says what it sends (a current, not
spikes at a rate), and a double-click edits what it has (an ac source's frequency)."""

from __future__ import annotations

import math

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.styles import format_number


def current_network() -> Network:
    network = Network(name="currents", model="spiking")
    network.add_all([Neuron("dc", kind="generator", pattern="dc", position=(0.0, 0.0)),
                     Neuron("ac", kind="generator", pattern="ac", frequency_hz=5.0, position=(0.0, 150.0)),
                     Neuron("n", position=(250.0, 75.0))],
                    [Synapse("dc", "n", weight=20.0), Synapse("ac", "n", weight=8.0)])
    return network


def test_current_sources_say_what_they_send(window):
    network = current_network()
    window.document.replace(network)
    items = window.scene.neuron_items
    assert ("DC", False) in items["dc"].text_lines()
    assert ("AC 5 Hz", False) in items["ac"].text_lines()
    assert not any("20 Hz" in text for text, _ in items["dc"].text_lines())  # not its unused rate
    assert "Current source ac: an alternating current (AC) of 5 Hz" in items["ac"].toolTip()
    panel = window.instruments.panel
    panel.show_selection(["ac"], [])
    panel.refresh()
    note = panel.findChild(type(panel._note), "computation_note").text()
    assert note.startswith("ac is a current source: it sends no spikes") and "sin(2π·5 Hz·t)" in note
    for _ in range(600):
        window.playback.step()
    assert window.playback.recorder.spike_times("n").size  # the currents drive the cell
    assert not window.playback.recorder.spike_times("dc").size


def test_a_cell_shows_its_input_current_and_adaptation(window):
    network = current_network()
    network.set_neuron_param("n", "adaptation", 0.5)
    window.document.replace(network)
    for _ in range(600):
        window.playback.step()
    panel = window.instruments.panel
    panel.show_selection(["n"], [])
    panel.refresh()
    t_s = window.playback.player.engine.step_count * 0.1e-3  # the input of the next step, at its start
    assert panel.value_text("input") == f"{format_number(20.0 + 8.0 * math.sin(2 * math.pi * 5.0 * t_s))} mV"
    assert window.playback.recorder.spike_times("n").size
    assert float(panel.value_text("adaptation")) > 0  # n has fired, so it has adapted
