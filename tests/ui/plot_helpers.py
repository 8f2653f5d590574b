"""Small networks and a stepping helper shared by the instrument dock tests."""

from __future__ import annotations

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.playback import Playback


def and_gate(x1: float = 1.0, x2: float = 1.0) -> Network:
    network = Network(name="AND")
    network.add_neuron(Neuron("x1", kind="input", value=x1))
    network.add_neuron(Neuron("x2", kind="input", value=x2))
    network.add_neuron(Neuron("y", label="AND", activation="step", threshold=1.5))
    network.connect(Synapse("x1", "y", weight=1.0))
    network.connect(Synapse("x2", "y", weight=1.0))
    return network


def relay(drive: float = 0.0) -> Network:
    network = Network(model="spiking", dt_ms=0.1)
    network.add_neuron(Neuron("g1", kind="generator", rate_hz=100.0))
    network.add_neuron(Neuron("n1", label="cell", drive_mV=drive))
    network.add_neuron(Neuron("n2", label="quiet"))
    network.connect(Synapse("g1", "n1", weight=20.0, delay_ms=1.0))
    return network


def run(playback: Playback, steps: int) -> None:
    for _ in range(steps):
        playback.step()
