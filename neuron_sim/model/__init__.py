"""The Qt-free model: networks, validation, file format and the rate and spiking engines."""

from neuron_sim.model.entities import ModelError, Neuron, Synapse
from neuron_sim.model.network import CycleError, Network
from neuron_sim.model.notes import Note

__all__ = ["CycleError", "ModelError", "Network", "Neuron", "Note", "Synapse"]
