"""The engine for a network: the one place that knows which class simulates which model."""

from __future__ import annotations

from neuron_sim.model.engines.protocol import Engine
from neuron_sim.model.engines.rate import RateEngine
from neuron_sim.model.engines.spiking.engine import SpikingEngine
from neuron_sim.model.network import Network


def build_engine(network: Network) -> Engine:
    """A fresh engine for `network` at rest; ModelError if it cannot run (e.g. a feedforward loop)."""
    if network.model == "rate":
        return RateEngine(network)
    return SpikingEngine(network)
