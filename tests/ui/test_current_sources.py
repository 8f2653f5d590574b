"""A dc or ac generator on the canvas and in the instruments: it says what it sends (a current, not
spikes at a rate), and a double-click edits what it has (an ac source's frequency)."""

from __future__ import annotations

from neuron_sim.model import Network, Neuron, Synapse


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
