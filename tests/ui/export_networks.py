"""Small networks with known positions for the export tests (the oracles read these numbers)."""

from __future__ import annotations

from neuron_sim.model import Network, Neuron, Synapse

XOR_POSITIONS = {"x1": (0.0, 0.0), "x2": (0.0, 180.0), "h_or": (260.0, 0.0), "h_nand": (260.0, 180.0),
                 "y": (520.0, 90.0)}


def xor(x1: float = 1.0, x2: float = 0.0, update: str = "feedforward") -> Network:
    """XOR in two layers; `update="synchronous"` lets a figure show a state part of the way through
    (a feedforward network is always shown evaluated)."""
    network = Network(name="XOR", update=update)
    p = XOR_POSITIONS
    network.add_neuron(Neuron("x1", kind="input", label="x1", value=x1, position=p["x1"]))
    network.add_neuron(Neuron("x2", kind="input", label="x2", value=x2, position=p["x2"]))
    network.add_neuron(Neuron("h_or", label="OR", activation="step", threshold=0.5, position=p["h_or"]))
    network.add_neuron(Neuron("h_nand", label="NAND", activation="step", threshold=-1.5, position=p["h_nand"]))
    network.add_neuron(Neuron("y", label="XOR", activation="step", threshold=1.5, position=p["y"]))
    for source, target, weight in (("x1", "h_or", 1.0), ("x2", "h_or", 1.0), ("x1", "h_nand", -1.0),
                                   ("x2", "h_nand", -1.0), ("h_or", "y", 1.0), ("h_nand", "y", 1.0)):
        network.connect(Synapse(source, target, weight=weight))
    return network


def relay() -> Network:
    """A 100 Hz generator charging a cell through a 7 mV synapse: the cell's potential climbs."""
    network = Network(name="Relay", model="spiking", dt_ms=0.1)
    network.add_neuron(Neuron("g1", kind="generator", label="g1", rate_hz=100.0, position=(0.0, 0.0)))
    network.add_neuron(Neuron("n1", label="n1", position=(240.0, 0.0)))
    network.connect(Synapse("g1", "n1", weight=7.0, delay_ms=1.0))
    return network
