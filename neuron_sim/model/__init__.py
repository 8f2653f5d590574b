"""The Qt-free model: networks, validation, file format and the rate and spiking engines."""

from neuron_sim.model.entities import ModelError, Neuron, Synapse
from neuron_sim.model.network import CycleError, Network

__all__ = ["CycleError", "ModelError", "Network", "Neuron", "Synapse"]
