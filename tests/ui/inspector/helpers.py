"""The inspector's test networks and typing helpers (its fixtures are in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from neuron_sim.model import Network, Neuron, Synapse
from neuron_sim.ui.panels.inspector import Inspector


def rate_network() -> Network:
    net = Network(name="demo", description="two inputs, two neurons")
    net.add_neuron(Neuron("x1", kind="input"))
    net.add_neuron(Neuron("x2", kind="input", value=1.0))
    net.add_neuron(Neuron("h1", threshold=0.5))
    net.add_neuron(Neuron("h2", threshold=-1.0, activation="relu"))
    net.connect(Synapse("x1", "h1", weight=0.5))
    net.connect(Synapse("x2", "h1", weight=-2.0))
    net.connect(Synapse("x1", "h2", weight=0.5))
    return net


def spiking_network() -> Network:
    net = Network(name="lif", model="spiking")
    net.add_neuron(Neuron("s", kind="input", value=1.0))
    net.add_neuron(Neuron("g", kind="generator", pattern="poisson", seed=7))
    net.add_neuron(Neuron("n1", tau_ms=10.0))
    net.add_neuron(Neuron("n2", tau_ms=10.0, v_rest_mV=-65.0))
    net.connect(Synapse("s", "n1", weight=2.0, delay_ms=1.5))
    return net


def type_into(qtbot, box, text: str, key=Qt.Key.Key_Return) -> None:
    """Select the field's text, type `text` and press Enter, as a person would."""
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, key)


def box(inspector: Inspector, key: str):
    return inspector.field(key).box
