"""The Qt-free model: networks, validation, file format and the rate and spiking engines."""

from .entities import ModelError, Neuron, Synapse
from .network import CycleError, Network

__all__ = ["CycleError", "ModelError", "Network", "Neuron", "Synapse"]
